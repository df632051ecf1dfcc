/**
 * "The figure now": everything the site and the CLI say about one figure (overall or a domain) at
 * the newest point of the trend, worked out once so that the home page, the domain pages, the
 * guides' table, the badges and `trend check` can never disagree.
 */
import { figureLabel, pointTarget } from './figures.ts';
import { coverageStatus, type CoverageStatus } from './status.ts';
import { toCoverForTarget } from './targetGap.ts';
import { changeOverDays, changeSincePrevious, latestValue, type FigureChange } from './trendMath.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { Counts, TrendFile } from '../schemas/trend.ts';

/** One figure at the newest point. */
export interface FigureNow {
	/** `overall` or a domain id. */
	id: string;
	label: string;
	/** The newest point's value; null when it has none or nothing is recorded. */
	value: number | null;
	/** The target in force: the newest point's own, else the trend file's; null when none is set. */
	target: number | null;
	/** Colour band of the value by the configured thresholds. */
	status: CoverageStatus;
	/** Percentage points still to go to the target (0 when met); null without a value or a target. */
	gap: number | null;
	/** Statements or branch destinations still to cover to reach the target, from the newest point's counts; null when unknown. */
	toCover: number | null;
	/** Change since the previous point with a value. */
	sincePrevious: FigureChange | null;
	/** Change over the last 30 days (or since the oldest point, when the history is shorter). */
	over30Days: FigureChange | null;
}

/**
 * The figure `id` at the newest point of `trend`. `keptCounts` stands in for the newest point's
 * counts when the trend did not store them (points recorded before counts were kept, whose
 * snapshot has them).
 */
export function figureNow(
	trend: Pick<TrendFile, 'coverage_history' | 'targets'>,
	config: Pick<CoverageConfig, 'domains' | 'thresholds'>,
	id: string,
	keptCounts?: Counts | null,
): FigureNow {
	const history = trend.coverage_history;
	const latest = history.at(-1);
	const value = latestValue(history, id);
	const target = latest ? pointTarget(latest, id, trend) : (trend.targets[id] ?? null);
	const gap = value === null || target === null ? null : value < target ? target - value : 0;
	const counts = latest?.counts?.[id] ?? keptCounts;
	return {
		id,
		label: figureLabel(id, config),
		value,
		target,
		status: coverageStatus(value, config.thresholds),
		gap,
		toCover: counts && target !== null ? toCoverForTarget(counts, target) : null,
		sincePrevious: changeSincePrevious(history, id),
		over30Days: changeOverDays(history, id, 30),
	};
}
