import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { DATA_FILES, loadConfig, loadTrend } from '../../src/lib/dataDir/dataDir.ts';
import { writeFileAtomically } from '../../src/lib/dataDir/dataStore.ts';
import { formatPercent, formatPoints } from '../../src/lib/text/format.ts';
import { checkMarkdown, checkTrend } from '../../src/lib/trend/trendCheck.ts';
import { dataDirOption, parseCommandArgs, UsageError } from './usage.ts';

/** `trend check`: exit 1 when the newest point dropped too far; Markdown summary to stdout and files. */
export function checkCommand(args: string[]): number {
	const { values, positionals } = parseCommandArgs('check', args, {
		'data-dir': { type: 'string' },
		'max-drop': { type: 'string' },
		summary: { type: 'string' },
	});
	if (positionals.length > 0)
		throw new UsageError(`trend check: unexpected argument "${positionals[0]}" (see "trend check --help")`);
	const dir = dataDirOption(values['data-dir']);
	const config = loadConfig(dir);
	const trend = loadTrend(dir);
	if (trend.coverage_history.length === 0)
		throw new DataError([
			{
				file: join(dir, DATA_FILES.trend),
				path: 'coverage_history',
				message: 'expected at least one recorded point, found none (run "trend record" first)',
			},
		]);
	let maxDrop = config.gate.max_drop;
	if (values['max-drop'] !== undefined) {
		const raw = String(values['max-drop']);
		maxDrop = /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
		if (!(maxDrop >= 0 && maxDrop <= 100))
			throw new UsageError(`trend check: --max-drop: expected percentage points from 0 to 100, found "${raw}"`);
	}
	const result = checkTrend(trend, config, maxDrop);
	const markdown = checkMarkdown(result);
	process.stdout.write(markdown);
	if (values.summary) writeFileAtomically(String(values.summary), markdown);
	const stepSummary = process.env.GITHUB_STEP_SUMMARY;
	if (stepSummary) appendFileSync(stepSummary, `${markdown}\n`);
	if (result.passed) return 0;
	const failing = result.rows.filter((r) => r.fails);
	process.stderr.write(
		`trend check: failed: ${failing
			.map((r) =>
				r.status === 'dropped'
					? `${r.label} dropped ${formatPoints(Math.abs(r.change ?? 0))} points (allowed ${formatPoints(maxDrop)})`
					: `${r.label} ${formatPercent(r.now!)} is below its target ${r.target}%`,
			)
			.join('; ')}\n`,
	);
	return 1;
}
