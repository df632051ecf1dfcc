import { styleText } from 'node:util';
import { missingLines, summaryOf } from '../../src/lib/coverage/counts.ts';
import { biggestGaps, coverageRows, type CoverageRow } from '../../src/lib/coverage/coverageTable.ts';
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

/** One column of the table: its title, alignment, whether it takes the status colour, and its cell. */
interface Column {
	title: string;
	align: 'left' | 'right';
	coloured?: boolean;
	cell: (r: CoverageRow) => string;
}

const COLUMNS: Column[] = [
	{ title: 'Figure', align: 'left', cell: (r) => plain(r.label) },
	{ title: 'Files', align: 'right', cell: (r) => (r.counts ? String(r.counts.files) : '0') },
	{ title: 'Statements', align: 'right', cell: (r) => (r.counts ? String(r.counts.num_statements) : '—') },
	{ title: 'Missing', align: 'right', cell: (r) => (r.counts ? String(missingLines(r.counts)) : '—') },
	{
		title: 'Branches',
		align: 'right',
		cell: (r) =>
			r.counts && r.counts.num_branches > 0 ? `${r.counts.covered_branches}/${r.counts.num_branches}` : '—',
	},
	{
		title: 'Percent',
		align: 'right',
		coloured: true,
		cell: (r) => (r.percent === null ? '—' : formatPercent(r.percent)),
	},
	{ title: 'Target', align: 'right', cell: (r) => (r.target === null ? '—' : `${r.target}%`) },
	{ title: 'Status', align: 'left', coloured: true, cell: (r) => WORD[r.status] },
];

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

	const widths = COLUMNS.map((col) => Math.max(col.title.length, ...rows.map((r) => col.cell(r).length)));
	const padded = (text: string, i: number) =>
		COLUMNS[i]!.align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
	const out = [COLUMNS.map((col, i) => padded(col.title, i)).join('  '), widths.map((w) => '─'.repeat(w)).join('  ')];
	const last = COLUMNS.length - 1;
	for (const r of rows)
		out.push(
			COLUMNS.map((col, i) => {
				// The last cell is not padded (no trailing blanks); padding is computed on the plain text.
				const text = i === last ? col.cell(r) : padded(col.cell(r), i);
				return col.coloured ? paint(r.status, text) : text;
			}).join('  '),
		);
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
