/**
 * Downsampling for long series: a chart of 10,000 points draws only a few hundred, chosen so that
 * the line keeps its shape (the lowest and highest value of every bucket) and so that points that
 * must stay visible (regressions, first and last) are never dropped.
 */

/** One plotted point: x (epoch ms or commit order), y, and its index in the full history. */
export interface SamplePoint {
	x: number;
	y: number;
	/** Index of the point in the full series, for tooltips that need its neighbours. */
	i: number;
}

/**
 * Reduce `points` (sorted by x) to about `max` points by keeping, per bucket of equal count, the
 * point with the lowest and the one with the highest y, plus every index in `keep`, plus the first
 * and last point. Returns the input unchanged when it is already short enough.
 */
export function downsampleMinMax(
	points: readonly SamplePoint[],
	max: number,
	keep: ReadonlySet<number> = new Set(),
): SamplePoint[] {
	if (points.length <= max || max < 4) return points.slice();
	const buckets = Math.max(1, Math.floor((max - 2) / 2));
	const size = (points.length - 2) / buckets;
	const chosen = new Set<number>([0, points.length - 1]);
	for (let b = 0; b < buckets; b++) {
		const start = 1 + Math.floor(b * size);
		const end = Math.min(points.length - 1, 1 + Math.floor((b + 1) * size));
		let lo = start;
		let hi = start;
		for (let k = start; k < end; k++) {
			if (points[k]!.y < points[lo]!.y) lo = k;
			if (points[k]!.y > points[hi]!.y) hi = k;
		}
		if (start < end) {
			chosen.add(lo);
			chosen.add(hi);
		}
	}
	points.forEach((p, k) => {
		if (keep.has(p.i)) chosen.add(k);
	});
	return [...chosen].sort((a, b) => a - b).map((k) => points[k]!);
}
