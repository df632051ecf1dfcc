/**
 * A sparkline as an SVG path: the last values of a figure drawn into a small box, so a home-page
 * tile can show its direction without loading chart code.
 */

/** The `d` of an SVG path through `values` in a `width` × `height` box, or `''` with fewer than 2 values. */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 2): string {
	if (values.length < 2) return '';
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const span = hi - lo || 1;
	const step = (width - 2 * pad) / (values.length - 1);
	return values
		.map((v, i) => {
			const x = pad + i * step;
			// A flat line sits in the middle rather than on the floor.
			const y = hi === lo ? height / 2 : pad + (height - 2 * pad) * (1 - (v - lo) / span);
			return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
		})
		.join(' ');
}
