/**
 * Changes of one figure along the trend: since the previous point and over a window of days.
 * The values come from `pointValue` (figures.ts); this module only subtracts and picks baselines.
 */
import { pointValue } from './figures.ts';
import { pointTime, type TrendPoint } from '../schemas/trend.ts';

const DAY_MS = 86_400_000;

/** A change of a figure between a baseline point and the newest one. */
export interface FigureChange {
	/** newest − baseline, in percentage points. */
	change: number;
	/** Date of the baseline point. */
	sinceDate: string;
	/** Whether the history reaches back the whole window (false: the baseline is the oldest point). */
	fullWindow: boolean;
}

/** The newest value of a figure, or null when the newest point has none (or there is no point). */
export function latestValue(history: readonly TrendPoint[], id: string): number | null {
	const last = history.at(-1);
	return last ? pointValue(last, id) : null;
}

/** Change of a figure since the point before the newest (that has a value); null if there is none. */
export function changeSincePrevious(history: readonly TrendPoint[], id: string): FigureChange | null {
	const now = latestValue(history, id);
	if (now === null) return null;
	for (let i = history.length - 2; i >= 0; i--) {
		const v = pointValue(history[i]!, id);
		if (v !== null) return { change: now - v, sinceDate: history[i]!.date, fullWindow: true };
	}
	return null;
}

/**
 * Change of a figure over the last `days` days: against the newest point at least `days` old, or,
 * when the history is shorter, against the oldest point (`fullWindow: false`). Null with one point.
 */
export function changeOverDays(history: readonly TrendPoint[], id: string, days: number): FigureChange | null {
	const now = latestValue(history, id);
	if (now === null || history.length < 2) return null;
	const cutoff = pointTime(history.at(-1)!) - days * DAY_MS;
	let baseline = -1;
	for (let i = history.length - 2; i >= 0; i--) {
		if (pointValue(history[i]!, id) === null) continue;
		if (pointTime(history[i]!) <= cutoff) {
			baseline = i;
			break;
		}
	}
	if (baseline >= 0)
		return { change: now - pointValue(history[baseline]!, id)!, sinceDate: history[baseline]!.date, fullWindow: true };
	const oldest = history.findIndex((p, i) => i < history.length - 1 && pointValue(p, id) !== null);
	if (oldest < 0) return null;
	return { change: now - pointValue(history[oldest]!, id)!, sinceDate: history[oldest]!.date, fullWindow: false };
}

/** The last `n` values of a figure (nulls dropped), oldest first, for a sparkline. */
export function recentValues(history: readonly TrendPoint[], id: string, n: number): number[] {
	const out: number[] = [];
	for (let i = history.length - 1; i >= 0 && out.length < n; i--) {
		const v = pointValue(history[i]!, id);
		if (v !== null) out.push(v);
	}
	return out.reverse();
}
