/**
 * Downsampling for long series: a chart of 10,000 points draws only a few hundred, chosen so that
 * the line keeps its shape (the lowest and highest value of every bucket) and so that points that
 * must stay visible (regressions, first and last) are never dropped.
 */
import { stepIndices, type TrendChartData } from './chartData.ts';

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

/**
 * Build-time sampling of a long chart: every point of the newest `fullDays` days stays (the 30- and
 * 90-day ranges show every commit), older points are reduced to about `olderPoints` by min/max
 * buckets per series, and first points, target changes and markers always stay. `index` records
 * each kept point's position in the full history, so tooltips can tell adjacent points from gaps.
 */
export function sampleChartData(data: TrendChartData, fullDays = 90, olderPoints = 1500): TrendChartData {
	const n = data.x.length;
	const lastX = data.x[n - 1] ?? 0;
	const cutoff = lastX - fullDays * 86_400_000;
	const older = data.x.findIndex((x) => x >= cutoff);
	const firstRecent = older < 0 ? n : older;
	if (firstRecent <= olderPoints) return data;
	const keep = new Set<number>();
	for (let i = firstRecent; i < n; i++) keep.add(i);
	const markers = new Set(data.markers.map((m) => m.index));
	for (const i of markers) keep.add(i);
	const lines = data.series.filter((s) => s.kind !== 'threshold');
	const perSeries = Math.max(4, Math.floor(olderPoints / Math.max(1, lines.length)));
	for (const s of data.series) {
		if (s.kind === 'threshold') {
			for (const i of stepIndices(s.values.slice(0, firstRecent))) keep.add(i);
			continue;
		}
		const points: SamplePoint[] = [];
		for (let i = 0; i < firstRecent; i++) {
			const y = s.values[i];
			if (y !== null && y !== undefined) points.push({ x: data.x[i]!, y, i });
		}
		for (const p of downsampleMinMax(points, perSeries, markers)) keep.add(p.i);
	}
	const kept = [...keep].sort((a, b) => a - b);
	const position = new Map(kept.map((i, k) => [i, k]));
	const pick = <T>(values: readonly T[]) => kept.map((i) => values[i]!);
	return {
		...data,
		x: pick(data.x),
		dates: pick(data.dates),
		commits: pick(data.commits),
		links: pick(data.links),
		series: data.series.map((s) => ({ ...s, values: pick(s.values) })),
		markers: data.markers.map((m) => ({ ...m, index: position.get(m.index)! })),
		...(data.notes ? { notes: { ...data.notes, values: pick(data.notes.values) } } : {}),
		index: kept,
		totalPoints: n,
	};
}
