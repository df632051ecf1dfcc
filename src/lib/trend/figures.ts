import type { CoverageConfig } from '../schemas/config.ts';
import type { TrendFile, TrendPoint } from '../schemas/trend.ts';

/** The id of the whole-report figure, next to the domain ids. */
export const OVERALL = 'overall';

/** Figure ids in display order: `overall`, then each configured domain. */
export function figureIds(config: Pick<CoverageConfig, 'domains'>): string[] {
	return [OVERALL, ...config.domains.map((d) => d.id)];
}

/** Label of a figure id. */
export function figureLabel(id: string, config: Pick<CoverageConfig, 'domains'>): string {
	return id === OVERALL ? 'Overall' : (config.domains.find((d) => d.id === id)?.label ?? id);
}

/** A point’s value for a figure (`overall_percent` or `<id>_percent`); null when absent or null. */
export function pointValue(point: TrendPoint, id: string): number | null {
	const v = point[`${id}_percent`];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The target for a figure at a point: the point’s own `targets` if it kept them, else the file’s current ones. */
export function pointTarget(point: TrendPoint, id: string, trend: Pick<TrendFile, 'targets'>): number | null {
	return point.targets?.[id] ?? trend.targets[id] ?? null;
}

/** A drop larger than the gate allows, between two consecutive points. */
export interface Regression {
	/** Figure id (`overall` or a domain id). */
	id: string;
	/** Index in `coverage_history` of the point where the drop was seen. */
	index: number;
	previous: number;
	current: number;
	/** current − previous, negative. */
	change: number;
}

/** Compare two points figure by figure; drops of more than `maxDrop` points are regressions. */
export function regressionsBetween(
	previous: TrendPoint,
	current: TrendPoint,
	ids: string[],
	maxDrop: number,
	index = 1,
): Regression[] {
	const out: Regression[] = [];
	for (const id of ids) {
		const a = pointValue(previous, id);
		const b = pointValue(current, id);
		if (a === null || b === null) continue;
		const change = b - a;
		// Compare on the stored two-decimal figures so 1.00 drop with max 1.0 is not a regression by float noise.
		if (Math.round(-change * 100) > Math.round(maxDrop * 100)) out.push({ id, index, previous: a, current: b, change });
	}
	return out;
}

/** Every regression along a history (each point against the one before it). */
export function findRegressions(history: TrendPoint[], ids: string[], maxDrop: number): Regression[] {
	const out: Regression[] = [];
	for (let i = 1; i < history.length; i++)
		out.push(...regressionsBetween(history[i - 1]!, history[i]!, ids, maxDrop, i));
	return out;
}
