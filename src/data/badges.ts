/** The label, message and status of a figure's badge, shared by the SVG and the shields.io JSON. */
import { getCoverageConfig, getTrend } from './collections.ts';
import { figureIds, figureLabel, OVERALL } from '../lib/trend/figures.ts';
import { coverageStatus, type CoverageStatus } from '../lib/trend/status.ts';
import { latestValue } from '../lib/trend/trendMath.ts';

/** One `{ params: { id } }` per figure (overall and each domain). */
export async function badgePaths() {
	return figureIds(await getCoverageConfig()).map((id) => ({ params: { id } }));
}

/** Badge text for a figure: `coverage | 48.6%`, or `no data` before anything is recorded. */
export async function badgeFor(id: string): Promise<{ label: string; message: string; status: CoverageStatus }> {
	const [config, trend] = await Promise.all([getCoverageConfig(), getTrend()]);
	const value = latestValue(trend.coverage_history, id);
	return {
		label: id === OVERALL ? 'coverage' : `${figureLabel(id, config).toLowerCase()} coverage`,
		message: value === null ? 'no data' : `${value.toFixed(1)}%`,
		status: coverageStatus(value, config.thresholds),
	};
}
