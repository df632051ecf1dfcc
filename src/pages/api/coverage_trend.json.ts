/**
 * `/api/coverage_trend.json`: the trend for other tools. The seed's format (`coverage_history`,
 * `targets`) as recorded, plus the project, the domains, the thresholds and the gate, so a reader
 * needs nothing else to label and colour the figures.
 */
import type { APIRoute } from 'astro';
import { getCoverageConfig, getTrend } from '../../data/collections.ts';

export const GET: APIRoute = async () => {
	const [config, trend] = await Promise.all([getCoverageConfig(), getTrend()]);
	const body = {
		project: config.project,
		...(config.repository ? { repository: config.repository } : {}),
		domains: config.domains.map((d) => ({ id: d.id, label: d.label })),
		thresholds: config.thresholds,
		gate: config.gate,
		targets: trend.targets,
		coverage_history: trend.coverage_history,
	};
	return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
