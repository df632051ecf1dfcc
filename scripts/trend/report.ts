import { styleText } from 'node:util';
import { missingLines, summaryOf } from '../../src/lib/coverage/counts.ts';
import { biggestGaps, coverageRows } from '../../src/lib/coverage/coverageTable.ts';
import { loadConfig, loadTrend } from '../../src/lib/dataDir/dataDir.ts';
import { readInputBytes } from '../../src/lib/dataDir/dataStore.ts';
import { domainCoverage } from '../../src/lib/coverage/domainCoverage.ts';
import { readReportForDomains } from '../../src/lib/coverage/reportPaths.ts';
import { formatPercent } from '../../src/lib/text/format.ts';
import type { CoverageStatus } from '../../src/lib/trend/status.ts';
import { dataDirOption, parseCommandArgs, plain, UsageError } from './usage.ts';

const COLOUR: Record<CoverageStatus, 'red' | 'yellow' | 'green' | 'gray'> = {
	red: 'red',
	yellow: 'yellow',
	green: 'green',
	none: 'gray',
};
const WORD: Record<CoverageStatus, string> = { red: 'red', yellow: 'yellow', green: 'green', none: 'no data' };

/** `trend report`: a coloured table per domain and the biggest gaps, from a coverage report. */
export function reportCommand(args: string[]): number {
	const { values, positionals } = parseCommandArgs('report', args, {
		'data-dir': { type: 'string' },
		top: { type: 'string' },
	});
	if (positionals.length !== 1)
		throw new UsageError(
			`trend report: expected one coverage report, found ${positionals.length} (see "trend report --help")`,
		);
	const top = values.top === undefined ? 5 : Number(values.top);
	if (!Number.isInteger(top) || top < 0 || top > 1000)
		throw new UsageError(`trend report: --top: expected a whole number from 0 to 1000, found "${values.top}"`);
	const dir = dataDirOption(values['data-dir']);
	const config = loadConfig(dir);
	const targets = loadTrend(dir).targets;
	const { report } = readReportForDomains(readInputBytes(positionals[0]!), positionals[0]!, config.domains);
	const coverage = domainCoverage(report.files, config, summaryOf);
	const rows = coverageRows(coverage, config, targets);
	// Node decides whether stdout takes colour: a terminal does, a pipe does not, NO_COLOR turns it off
	// and FORCE_COLOR on (FORCE_COLOR wins over NO_COLOR, as Node's docs say).
	const paint = (status: CoverageStatus, text: string) => styleText(COLOUR[status], text);

	const header = ['Figure', 'Files', 'Statements', 'Missing', 'Branches', 'Percent', 'Target', 'Status'];
	const cells = rows.map((r) => [
		plain(r.label),
		r.counts ? String(r.counts.files) : '0',
		r.counts ? String(r.counts.num_statements) : '—',
		r.counts ? String(missingLines(r.counts)) : '—',
		r.counts && r.counts.num_branches > 0 ? `${r.counts.covered_branches}/${r.counts.num_branches}` : '—',
		r.percent === null ? '—' : formatPercent(r.percent),
		r.target === null ? '—' : `${r.target}%`,
		WORD[r.status],
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
	const line = (c: string[]) =>
		c.map((v, i) => (i === 0 || i === 7 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
	const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
	rows.forEach((r, i) => {
		const c = cells[i]!;
		// Colour the percent and status cells only; the padding is computed on the plain text.
		const padded = c.map((v, j) => (j === 0 || j === 7 ? v.padEnd(widths[j]!) : v.padStart(widths[j]!)));
		padded[5] = paint(r.status, padded[5]!);
		padded[7] = paint(r.status, c[7]!);
		out.push(padded.join('  '));
	});
	if (top > 0)
		for (const d of config.domains) {
			const gaps = biggestGaps(report, coverage.filesByDomain[d.id] ?? [], top);
			out.push(
				'',
				`${plain(d.label)}: ${gaps.length === 0 ? (coverage.domains[d.id] ? 'no missing lines' : 'no file matched') : `files with the most missing lines`}`,
			);
			for (const g of gaps)
				out.push(
					`  ${String(g.missing).padStart(6)} missing of ${String(g.statements).padStart(6)}  ${formatPercent(g.percent).padStart(7)}  ${plain(g.path)}`,
				);
		}
	process.stdout.write(`${out.join('\n')}\n`);
	return 0;
}
