import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderBytes, REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';

/**
 * Bad input must give exit 2, one line on stderr naming the file and the field or line, and leave
 * every data file byte-for-byte as it was. Each case writes its input into a temp folder; the few
 * inputs that are easier to read as files live in tests/fixtures/malformed/.
 */
const good = JSON.parse(readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8'));
const goodText = readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8');
const firstFile = Object.keys(good.files).find(
	(p: string) => p.startsWith('core/governance/') && good.files[p].summary.num_statements > 0,
)!;
const xml = readFileSync(`${REPORTS}/coverage-branch.xml`, 'utf8');
const lcov = readFileSync(`${REPORTS}/coverage-branch.lcov`, 'utf8');
const junit = readFileSync(`${REPORTS}/junit-plain.xml`, 'utf8');
const fileKey = `files[${JSON.stringify(firstFile)}]`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A coverage.py report with one change made to the first governance file (or to the whole report). */
function report(change: (r: typeof good) => void): string {
	const r = structuredClone(good);
	change(r);
	return JSON.stringify(r);
}
function summary(field: string, value: unknown): string {
	return report((r) => {
		r.files[firstFile].summary[field] = value;
	});
}

interface Case {
	/** What is wrong. */
	name: string;
	/** Input files by name (written into a temp folder); `report` is the coverage report argument. */
	files?: Record<string, string | Buffer>;
	/** Arguments after `trend`; `{in}` is the input folder, `{data}` the data directory. */
	args: string[];
	/** What stderr's one line must say (after the file name). */
	expect: RegExp;
	/** A change to the data directory before the run (bad config or trend). */
	data?: Record<string, string>;
}

const record = (...extra: string[]) => [
	'record',
	'{in}/report',
	'--commit',
	'abc1234',
	'--date',
	'2026-06-01',
	'--message',
	'm',
	...extra,
];

const cases: Case[] = [
	// coverage.py JSON
	{
		name: 'truncated JSON',
		files: { report: goodText.slice(0, goodText.length / 2) },
		args: record(),
		expect: /report: not valid JSON/,
	},
	{
		name: 'empty file',
		files: { report: '' },
		args: record(),
		expect: /report: expected a coverage report, found an empty file/,
	},
	{
		name: 'whitespace-only file',
		files: { report: '  \n\n ' },
		args: record(),
		expect: /report: expected a coverage report, found an empty file/,
	},
	{
		name: 'binary file',
		files: { report: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
		args: record(),
		expect: /report: expected a coverage report, found binary data/,
	},
	{
		name: 'a count of the wrong type',
		files: { report: summary('num_statements', '85') },
		args: record(),
		expect: new RegExp(`report: ${esc(fileKey)}\\.summary\\.num_statements: expected a number, found the string "85"`),
	},
	{
		name: 'NaN as a count',
		files: { report: summary('covered_lines', 0).replace('"covered_lines":0', '"covered_lines":NaN') },
		args: record(),
		expect: /report: not valid JSON \(Unexpected token 'N'/,
	},
	{
		name: 'a negative count',
		files: { report: summary('missing_lines', -3) },
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.summary\\.missing_lines: expected a number at least 0, found -3`),
	},
	{
		name: 'a fractional count',
		files: { report: summary('covered_lines', 2.5) },
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.summary\\.covered_lines: expected a whole number, found 2\\.5`),
	},
	{
		name: 'covered lines above statements',
		files: { report: summary('covered_lines', 100000) },
		args: record(),
		expect: new RegExp(
			`${esc(fileKey)}\\.summary\\.covered_lines: expected at most num_statements \\(\\d+\\), found 100000`,
		),
	},
	{
		name: 'covered branches above branches',
		files: { report: summary('covered_branches', 100000) },
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.summary\\.covered_branches: expected at most num_branches`),
	},
	{
		name: 'a percentage above 100',
		files: { report: summary('percent_covered', 101) },
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.summary\\.percent_covered: expected a number at most 100, found 101`),
	},
	{
		name: 'a report with no files',
		files: {
			report: report((r) => {
				r.files = {};
			}),
		},
		args: record(),
		expect: /report: files: expected at least one measured file, found none/,
	},
	{
		name: 'totals that disagree with the files',
		files: {
			report: report((r) => {
				r.totals.percent_covered = 12.5;
			}),
		},
		args: record(),
		expect: /report: totals\.percent_covered: expected 84\.17 \(what the files add up to\), found 12\.5/,
	},
	{
		name: 'no meta block',
		files: {
			report: report((r) => {
				delete r.meta;
			}),
		},
		args: record(),
		expect: /report: meta: expected an object, found nothing/,
	},
	{
		name: 'files as an array',
		files: {
			report: report((r) => {
				r.files = [1];
			}),
		},
		args: record(),
		expect: /report: files: expected a record|report: files: expected an object/,
	},
	{
		name: 'a JSON array instead of a report',
		files: { report: '[1,2,3]' },
		args: record(),
		expect: /report: expected an object, found an array of 3/,
	},
	{
		name: 'a missing line that is not a number',
		files: {
			report: report((r) => {
				r.files[firstFile].missing_lines = ['12'];
			}),
		},
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.missing_lines\\[0\\]: expected a number, found the string "12"`),
	},
	{
		name: 'a branch arc of the wrong shape',
		files: {
			report: report((r) => {
				r.files[firstFile].missing_branches = [[1, 2, 3]];
			}),
		},
		args: record(),
		expect: new RegExp(`${esc(fileKey)}\\.missing_branches\\[0\\]: expected at most 2 items`),
	},
	{
		name: 'branch_coverage that is not a boolean',
		files: {
			report: report((r) => {
				r.meta.branch_coverage = 'yes';
			}),
		},
		args: record(),
		expect: /report: meta\.branch_coverage: expected a boolean, found the string "yes"/,
	},
	{
		name: 'a path traversal in a file name',
		files: {
			report: report((r) => {
				r.files['../../etc/passwd'] = r.files[firstFile];
				delete r.files[firstFile];
			}),
		},
		args: record(),
		expect: /report: files\["\.\.\/\.\.\/etc\/passwd"\]: expected a file path inside the project/,
	},
	// Cobertura XML
	{
		name: 'XML that is not Cobertura',
		files: { report: '<?xml version="1.0"?><html><body>hi</body></html>' },
		args: record(),
		expect: /report: expected Cobertura XML \(a <coverage> root\), found <html>/,
	},
	{
		name: 'truncated Cobertura XML',
		files: { report: xml.slice(0, xml.length / 2) },
		args: record(),
		expect: /report: not well-formed XML at line \d+, column \d+/,
	},
	{
		name: 'Cobertura hits that are negative',
		files: { report: xml.replace('hits="1"', 'hits="-1"') },
		args: record(),
		expect:
			/report: coverage\.packages\.package\[\d+\]\.classes\.class\[\d+\]\.lines\.line\[\d+\]@hits: expected a whole number ≥ 0, found the string "-1"/,
	},
	{
		name: 'Cobertura condition coverage with taken above total',
		files: { report: xml.replace(/condition-coverage="[^"]*"/, 'condition-coverage="150% (3/2)"') },
		args: record(),
		expect: /@condition-coverage: expected "N% \(taken\/total\)" with taken ≤ total, found the string "150% \(3\/2\)"/,
	},
	{
		name: 'Cobertura without packages',
		files: { report: '<coverage version="1"><sources/></coverage>' },
		args: record(),
		expect: /report: coverage\.packages: expected Cobertura <packages>, found nothing/,
	},
	// LCOV
	{
		name: 'LCOV without end_of_record',
		files: { report: lcov.slice(0, lcov.lastIndexOf('end_of_record')) },
		args: record(),
		expect:
			/report: line \d+: expected end_of_record for core\/[\w/]+\.py \(from line \d+\) before the end of the file/,
	},
	{
		name: 'LCOV with a negative hit count',
		files: { report: lcov.replace(/^DA:(\d+),1/m, 'DA:$1,-4') },
		args: record(),
		expect: /report: line \d+: DA: expected "line,hits" with a line ≥ 1 and hits ≥ 0/,
	},
	{
		name: 'LCOV data outside a record',
		files: { report: `DA:1,1\n${lcov}` },
		args: record(),
		expect: /report: line 1: DA: found outside a record \(expected SF: first\)/,
	},
	{
		name: 'LCOV with a garbage line',
		files: { report: lcov.replace('end_of_record', 'end_of_record\nthis is not lcov') },
		args: record(),
		expect: /report: line \d+: expected an LCOV line such as "DA:3,1", found "this is not lcov"/,
	},
	{
		name: 'LCOV with BRH above BRF',
		files: { report: lcov.replace(/^BRH:\d+$/m, 'BRH:99999') },
		args: record(),
		expect: /report: line \d+: BRH: expected at most BRF/,
	},
	// JUnit
	{
		name: 'a JUnit file that is not XML',
		files: { report: goodText, 'j.xml': 'PASSED 12 tests\n' },
		args: record('--junit', '{in}/j.xml'),
		expect: /j\.xml: not well-formed XML at line 1/,
	},
	{
		name: 'an empty JUnit file',
		files: { report: goodText, 'j.xml': '' },
		args: record('--junit', '{in}/j.xml'),
		expect: /j\.xml: expected JUnit XML, found an empty file/,
	},
	{
		name: 'a binary JUnit file',
		files: { report: goodText, 'j.xml': Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]) },
		args: record('--junit', '{in}/j.xml'),
		expect: /j\.xml: expected JUnit XML, found binary data/,
	},
	{
		name: 'a JUnit test with a negative time',
		files: { report: goodText, 'j.xml': junit.replace(/time="[\d.]+" \/>/, 'time="-2" />') },
		args: record('--junit', '{in}/j.xml'),
		expect:
			/j\.xml: testsuites\.testsuite\[0\]\.testcase\[\d+\]@time: expected seconds \(a number ≥ 0\), found the string "-2"/,
	},
	{
		name: 'Cobertura passed as JUnit',
		files: { report: goodText, 'j.xml': xml },
		args: record('--junit', '{in}/j.xml'),
		expect: /j\.xml: expected JUnit XML \(a <testsuites> or <testsuite> root\), found <coverage>/,
	},
	{
		name: 'JUnit passed as the coverage report',
		files: { report: junit },
		args: record(),
		expect: /report: expected a coverage report, found JUnit XML \(pass it with --junit\)/,
	},
	{
		name: 'an attempts file of the wrong format',
		files: { report: goodText, 'j.xml': junit, 'a.json': '{"format": 2, "attempts": []}' },
		args: record('--junit', '{in}/j.xml', '--attempts', '{in}/a.json'),
		expect: /a\.json: format: expected one of 1, found 2|a\.json: format: expected 1/,
	},
	{
		name: 'an attempt outcome that is not a status',
		files: {
			report: goodText,
			'j.xml': junit,
			'a.json': '{"format":1,"attempts":[{"classname":"a","name":"b","outcomes":["maybe"]}]}',
		},
		args: record('--junit', '{in}/j.xml', '--attempts', '{in}/a.json'),
		expect:
			/a\.json: attempts\[0\]\.outcomes\[0\]: expected one of "passed", "failed", "error", "skipped", found the string "maybe"/,
	},
	// options
	{
		name: 'a path traversal in the commit',
		files: { report: goodText },
		args: ['record', '{in}/report', '--commit', '../../etc/x', '--data-dir', '{data}'],
		expect: /--commit: expected a SHA or a name of letters, digits/,
	},
	{
		name: 'a date that is not ISO 8601',
		files: { report: goodText },
		args: record('--date', 'last tuesday'),
		expect: /--date: expected an ISO 8601 date such as 2026-02-11/,
	},
	{
		name: 'an unknown option',
		files: { report: goodText },
		args: record('--frobnicate'),
		expect: /trend record: Unknown option '--frobnicate' \(see "trend record --help"\)/,
	},
	{
		name: 'no report argument',
		args: ['record', '--commit', 'abc1234'],
		expect: /trend record: expected one coverage report, found 0/,
	},
	{ name: 'a report file that does not exist', args: record(), expect: /report: file not found/ },
	{
		name: 'attempts without JUnit',
		files: { report: goodText, 'a.json': '{}' },
		args: record('--attempts', '{in}/a.json'),
		expect: /--attempts: needs at least one --junit file/,
	},
	{ name: 'an unknown command', args: ['recrod'], expect: /trend: unknown command "recrod"/ },
	{
		name: 'check with a max drop that is not a number',
		args: ['check', '--max-drop', 'lots'],
		expect: /trend check: --max-drop: expected percentage points from 0 to 100, found "lots"/,
	},
	// the data directory itself
	{
		name: 'a 0-byte config',
		files: { report: goodText },
		args: record(),
		data: { 'coverage.config.json': '' },
		expect: /coverage\.config\.json: expected JSON, found an empty file/,
	},
	{
		name: 'a config with a duplicate domain id',
		files: { report: goodText },
		args: record(),
		data: {
			'coverage.config.json': JSON.stringify({
				project: 'p',
				domains: [
					{ id: 'a', label: 'A', include: ['a/**'] },
					{ id: 'a', label: 'A2', include: ['b/**'] },
				],
			}),
		},
		expect: /coverage\.config\.json: domains\[1\]\.id: expected duplicate domain id "a"/,
	},
	{
		name: 'a config with an invalid glob',
		files: { report: goodText },
		args: record(),
		data: {
			'coverage.config.json': JSON.stringify({
				project: 'p',
				domains: [{ id: 'a', label: 'A', include: ['core/[gov/**'] }],
			}),
		},
		expect: /coverage\.config\.json: domains\[0\]\.include\[0\]: expected a valid glob \(Missing closing: "\]"/,
	},
	{
		name: 'a config with an unknown key',
		files: { report: goodText },
		args: record(),
		data: {
			'coverage.config.json': JSON.stringify({
				project: 'p',
				domains: [{ id: 'a', label: 'A', include: ['a/**'] }],
				snapshot_keep: 3,
			}),
		},
		expect: /coverage\.config\.json: unknown key "snapshot_keep"/,
	},
	{
		name: 'a trend file that is not valid',
		files: { report: goodText },
		args: record(),
		data: {
			'coverage_trend.json':
				'{"coverage_history": [{"date": "2026-01-01", "commit": "x", "overall_percent": "high", "test_count": 0}]}',
		},
		expect: /coverage_trend\.json: coverage_history\[0\]\.overall_percent: expected a number, found the string "high"/,
	},
	{
		name: 'check on an empty history',
		args: ['check'],
		data: { 'coverage_trend.json': '{"coverage_history": []}' },
		expect: /coverage_trend\.json: coverage_history: expected at least one recorded point, found none/,
	},
];

describe('malformed input: exit 2, one clear line, data files byte-identical', () => {
	test('there are at least 30 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(30);
	});

	test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const input = mkdtempSync(join(tmpdir(), 'trend-in-'));
		for (const [name, content] of Object.entries(c.files ?? {})) writeFileSync(join(input, name), content);
		const data = tempDataDir();
		for (const [name, content] of Object.entries(c.data ?? {})) writeFileSync(join(data, name), content);
		const before = folderBytes(data);
		let args = c.args.map((a) => a.replaceAll('{in}', input).replaceAll('{data}', data));
		if (!args.includes('--data-dir')) args = [...args, '--data-dir', data];
		const r = await runTrend(args);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.endsWith('\n')).toBe(true);
		expect(r.stderr.trimEnd().split('\n'), 'exactly one line').toHaveLength(1);
		if (process.env.SHOW_STDERR) console.log(r.stderr.trimEnd());
		expect(r.stderr).toMatch(c.expect);
		expect(folderBytes(data)).toEqual(before);
	});
});
