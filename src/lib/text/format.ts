/**
 * How numbers are written on the site and in the CLI: percentages as coverage.py rounds them,
 * signed changes with a real minus sign, counts with thousands separators. One rule for decimals:
 * every coverage percentage, change and gap is shown with two (the trend stores two).
 */

/** Decimals of every coverage percentage, change and gap shown. */
export const PERCENT_DECIMALS = 2;

/**
 * coverage.py’s `display_covered`: round to `precision` decimals, but never show 0 for a value above
 * 0 nor 100 for a value below 100.
 */
export function displayPercent(pc: number, precision = 0): string {
	const near0 = 1 / 10 ** precision;
	if (pc > 0 && pc < near0) return near0.toFixed(precision);
	if (pc > 100 - near0 && pc < 100) return (100 - near0).toFixed(precision);
	return roundHalfEven(pc, precision);
}

/**
 * Python's `round(x, n)` as text: the double's exact decimal value rounded to `n` places, an exact
 * half going to the even digit (`round(84.5)` is 84). `toFixed` alone rounds such halves up.
 */
export function roundHalfEven(x: number, precision: number): string {
	// toFixed(100) spells out a double's exact decimal value (percentages need fewer than 100 places).
	const exact = Math.abs(x).toFixed(100);
	const dot = exact.indexOf('.');
	const rest = exact.slice(dot + 1 + precision);
	if (!/^50*$/.test(rest)) return x.toFixed(precision);
	const kept = exact.slice(0, dot + 1 + precision).replace(/\.$/, '');
	// An exact half: keep the even neighbour (toFixed rounds it up, to the odd-digit side or the even one).
	const text = Number(kept.at(-1)) % 2 === 0 ? kept : Math.abs(x).toFixed(precision);
	return x < 0 ? `-${text}` : text;
}

/** A coverage percentage as coverage.py shows it, with `%`: `48.63%` (never `100.00%` below 100). */
export function formatPercent(pc: number, decimals = PERCENT_DECIMALS): string {
	return `${displayPercent(pc, decimals)}%`;
}

/** Percentage points without a sign, e.g. the gap to a target: `1.37`. */
export function formatPoints(points: number, decimals = PERCENT_DECIMALS): string {
	return points.toFixed(decimals);
}

/** A value with its unit (`48.63%`, `12.5 s`), or an em dash for no value. */
export function formatValue(value: number | null | undefined, decimals: number, unit: string): string {
	return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(decimals)}${unit}`;
}

/** A signed change, e.g. `+1.20` or `−0.40` (a real minus sign), `±0.00` when it rounds to 0, `''` without a change. */
export function formatChange(change: number | null | undefined, decimals = PERCENT_DECIMALS): string {
	if (change === null || change === undefined || !Number.isFinite(change)) return '';
	const rounded = Number(change.toFixed(decimals));
	if (rounded === 0) return `±${(0).toFixed(decimals)}`;
	return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(decimals)}`;
}

/** A count with thousands separators: `12,345`. */
export function formatCount(n: number): string {
	return n.toLocaleString('en-US');
}

/** A run's duration in words, as the guides state it: `12.3 seconds`. */
export function formatSeconds(seconds: number): string {
	return `${seconds.toFixed(1)} seconds`;
}
