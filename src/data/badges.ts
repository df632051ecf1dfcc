/** The label, message and status of a figure's badge, shared by the SVG and the shields.io JSON. */
import { getCoverageConfig, getTrend } from './collections.ts';
import { formatPercent } from '../lib/text/format.ts';
import { printableText } from '../lib/text/printableText.ts';
import { figureIds, OVERALL } from '../lib/trend/figures.ts';
import { figureNow } from '../lib/trend/figureNow.ts';
import type { CoverageStatus } from '../lib/trend/status.ts';

/** One `{ params: { id } }` per figure (overall and each domain). */
export async function badgePaths() {
	return figureIds(await getCoverageConfig()).map((id) => ({ params: { id } }));
}

/** Badge text for a figure: `coverage | 48.63%`, or `no data` before anything is recorded. */
export async function badgeFor(id: string): Promise<{ label: string; message: string; status: CoverageStatus }> {
	const [config, trend] = await Promise.all([getCoverageConfig(), getTrend()]);
	const { label, value, status } = figureNow(trend, config, id);
	return {
		// The label comes from the config: a control character in it would make the SVG malformed XML.
		label: id === OVERALL ? 'coverage' : `${printableText(label).toLowerCase()} coverage`,
		message: value === null ? 'no data' : formatPercent(value),
		status,
	};
}
