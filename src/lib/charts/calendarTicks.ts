/**
 * Where a chart's time axis puts its ticks: on calendar boundaries (UTC midnights, Mondays, the first of
 * a month, of a quarter, of a year), as many as fit. Chart.js's linear axis spaces round numbers of
 * milliseconds evenly, which fall at any hour: labelled with their date, two ticks read the same day and
 * a point recorded on the 11th sits between the ticks "10th" and "11th".
 */

const DAY = 86_400_000;

/** A tick spacing: a number of days, or of months. */
type Step = { days: number } | { months: number };

// Finest first; `calendarTicks` takes the first with few enough ticks (then 2, 5, 10, 20… years).
const STEPS: readonly Step[] = [
	{ days: 1 },
	{ days: 2 },
	{ days: 7 },
	{ days: 14 },
	{ months: 1 },
	{ months: 2 },
	{ months: 3 },
	{ months: 6 },
	{ months: 12 },
];

/** What a tick's label shows: the whole date, the month, or the year. */
export type TickUnit = 'day' | 'month' | 'year';

/** The ticks between `min` and `max` (epoch milliseconds) at spacing `step`, or null once there are more than `most`. */
function ticksAt(step: Step, min: number, max: number, most: number): number[] | null {
	const out: number[] = [];
	if ('days' in step) {
		// Whole weeks start on a Monday (1970-01-05 was one); other spacings count from 1970-01-01.
		const origin = step.days % 7 === 0 ? 4 * DAY : 0;
		const span = step.days * DAY;
		for (let t = origin + Math.ceil((min - origin) / span) * span; t <= max; t += span) {
			if (out.length === most) return null;
			out.push(t);
		}
		return out;
	}
	// Months since year 0, rounded up to the first month start at or after `min`, then to the step
	// (quarters start in January, April, July and October).
	const start = (month: number) => Date.UTC(Math.floor(month / 12), month % 12, 1);
	const first = new Date(min);
	let month = first.getUTCFullYear() * 12 + first.getUTCMonth();
	if (start(month) < min) month++;
	month = Math.ceil(month / step.months) * step.months;
	for (let t = start(month); t <= max; t = start((month += step.months))) {
		if (out.length === most) return null;
		out.push(t);
	}
	return out;
}

/**
 * At most `most` ticks from `min` to `max` (epoch milliseconds) on calendar boundaries, at the finest
 * spacing that keeps to `most`, and the unit their labels should show. Empty if the range is empty or
 * not finite. A range of under a day may hold no boundary at all: the caller gives a chart at least two
 * days of width.
 */
export function calendarTicks(min: number, max: number, most: number): { values: number[]; unit: TickUnit } {
	if (!Number.isFinite(min) || !Number.isFinite(max) || max < min || most < 1) return { values: [], unit: 'day' };
	for (const step of STEPS) {
		const values = ticksAt(step, min, max, most);
		if (values) return { values, unit: 'days' in step ? 'day' : step.months % 12 === 0 ? 'year' : 'month' };
	}
	// Longer: every 2, 5, 10, 20, 50, 100… years until the ticks fit.
	for (let k = 0; ; k++) {
		const years = [2, 5, 10][k % 3]! * 10 ** Math.floor(k / 3);
		const values = ticksAt({ months: years * 12 }, min, max, most);
		if (values) return { values, unit: 'year' };
	}
}

/** A tick's label in `unit`: `2026-02-11`, `2026-02` or `2026` (UTC, as the points' dates are). */
export function tickLabel(value: number, unit: TickUnit): string {
	const iso = new Date(value).toISOString();
	return unit === 'day' ? iso.slice(0, 10) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}
