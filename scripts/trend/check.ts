import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { DATA_FILES, loadConfig, loadTrend } from '../../src/lib/dataDir/dataDir.ts';
import { writeFileAtomically } from '../../src/lib/dataDir/dataStore.ts';
import { formatPercent, formatPoints } from '../../src/lib/text/format.ts';
import { checkMarkdown, checkTrend } from '../../src/lib/trend/trendCheck.ts';
import { dataDirOption, parseCommandArgs, UsageError } from './usage.ts';
import { plain } from '../../src/lib/text/plain.ts';

/** `trend check`: exit 1 when the run's point dropped too far; Markdown summary to stdout and files. */
export function checkCommand(args: string[]): number {
	const { values, positionals } = parseCommandArgs('check', args, {
		'data-dir': { type: 'string' },
		'max-drop': { type: 'string' },
		summary: { type: 'string' },
		commit: { type: 'string' },
		'base-branch': { type: 'string' },
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
	// The run's own point (CI passes its SHA), judged against the base branch's earlier points.
	const commit = (values.commit as string | undefined) || process.env.GITHUB_SHA || undefined;
	const baseBranch = (values['base-branch'] as string | undefined) || process.env.GITHUB_BASE_REF || undefined;
	const result = checkTrend(trend, config, maxDrop, { commit, baseBranch });
	if (!result)
		throw new DataError([
			{
				file: join(dir, DATA_FILES.trend),
				path: 'coverage_history',
				message: `expected a point for commit ${plain(commit ?? '').slice(0, 100)}, found none (record the run first)`,
			},
		]);
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
					: r.status === 'vanished'
						? `${r.label} matched files before (${formatPercent(r.previous!)}) and now matches none`
						: `${r.label} ${formatPercent(r.now!)} is below its target ${r.target}%`,
			)
			.join('; ')}\n`,
	);
	return 1;
}
