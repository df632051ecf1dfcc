/**
 * The coverage trend as `TrendChartData`: one line per figure (overall and each domain), each
 * target as a step line, and a marker on every drop larger than the gate's `max_drop`.
 */
import type { TrendChartData } from './chartData.ts';
import { patchSummary } from '../coverage/patchFigures.ts';
import { formatChange } from '../text/format.ts';
import { sampleChartData } from './downsample.ts';
import { figureIds, figureLabel, findRegressions, pointTarget, pointValue } from '../trend/figures.ts';
import { commitUrl, shortCommit } from '../trend/commitLinks.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import { pointTime, type TrendFile } from '../schemas/trend.ts';

/** Chart data for the given figure ids (default: overall and every domain). */
export function coverageChartData(
	config: Pick<CoverageConfig, 'domains' | 'gate'>,
	trend: TrendFile,
	repository: string | undefined,
	ids: string[] = figureIds(config),
): TrendChartData {
	const h = trend.coverage_history;
	const series: TrendChartData['series'] = [];
	for (const id of ids) {
		const label = figureLabel(id, config);
		series.push({ id, label, values: h.map((p) => pointValue(p, id)) });
		const targets = h.map((p) => pointTarget(p, id, trend));
		if (targets.some((t) => t !== null))
			series.push({ id: `${id}-target`, label: `${label} target`, kind: 'threshold', of: id, values: targets });
	}
	const markers = findRegressions(h, ids, config.gate.max_drop).map((r) => ({
		series: r.id,
		index: r.index,
		text: `Regression: ${figureLabel(r.id, config)} ${formatChange(r.change)} points (the gate allows −${config.gate.max_drop})`,
	}));
	// Each commit's own patch coverage (recorded with `record --base`) rides along in tooltips and the table.
	const patches = h.map((p) => (p.patch ? patchSummary(p.patch) : null));
	const notes = patches.some((n) => n !== null) ? { label: 'Patch coverage', values: patches } : undefined;
	// Long histories are sampled at build time (every point of the last 90 days stays) to keep pages light.
	return sampleChartData({
		x: h.map((p) => pointTime(p)),
		dates: h.map((p) => p.date.slice(0, 10)),
		commits: h.map((p) => shortCommit(p.commit)),
		links: h.map((p) => commitUrl(repository, p.commit)),
		series,
		markers,
		unit: '%',
		decimals: 2,
		bounds: [0, 100],
		...(notes ? { notes } : {}),
	});
}
