import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runAstro } from '../../helpers/astro.ts';

const seedText = readFileSync('data/coverage_trend.json', 'utf8');
const seed = JSON.parse(seedText);
const point = seed.coverage_history[0];

/** A data directory with the shipped config and the given trend file text. */
function dataDirWith(trendText: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'bad-data-'));
	copyFileSync('data/coverage.config.json', join(dir, 'coverage.config.json'));
	writeFileSync(join(dir, 'coverage_trend.json'), trendText);
	return dir;
}
const withHistory = (history: unknown[]) => JSON.stringify({ ...seed, coverage_history: history }, null, 2);

/** Each broken trend file, and the one line the build must print for it. */
const cases: Array<[string, string, RegExp]> = [
	['truncated JSON', seedText.slice(0, 120), /coverage_trend\.json: not valid JSON \(.+\)$/],
	[
		'a percentage of 140',
		withHistory([{ ...point, security_percent: 140 }]),
		/coverage_trend\.json: coverage_history\[0\]\.security_percent: expected a percentage from 0 to 100, or null, found 140$/,
	],
	[
		'a string where a number belongs',
		withHistory([{ ...point, test_count: 'none' }]),
		/coverage_trend\.json: coverage_history\[0\]\.test_count: expected a number, found the string "none"$/,
	],
	[
		'a missing date',
		withHistory([(({ date: _d, ...rest }) => rest)(point)]),
		/coverage_trend\.json: coverage_history\[0\]\.date: expected a string, found nothing$/,
	],
	[
		'two points for one commit',
		withHistory([point, { ...point, date: '2026-02-12' }]),
		/coverage_trend\.json: coverage_history\[1\]\.commit: expected a commit not recorded before \(it is also coverage_history\[0\]\), found the string "initial"$/,
	],
	[
		'points out of date order',
		withHistory([
			{ ...point, commit: 'b', date: '2026-03-01' },
			{ ...point, commit: 'c' },
		]),
		/coverage_trend\.json: coverage_history\[1\]\.date: expected points in date order \(not before coverage_history\[0\], 2026-03-01\), found the string "2026-02-11"$/,
	],
];

describe('a build from malformed data fails with one clear line', () => {
	test.concurrent.each(cases)(
		'%s',
		async (_name, text, line) => {
			const dir = dataDirWith(text);
			const run = await runAstro('build', { COVERAGE_DATA_DIR: dir });
			expect(run.code).not.toBe(0);
			// The headline is our message: the first line that is not one of Astro's time-stamped log lines.
			const lines = run.output.split('\n').filter((l) => l.trim() && !/^\d\d:\d\d:\d\d \[/.test(l));
			expect(lines[0]).toMatch(line);
			expect(lines[0]).toContain(join(dir, 'coverage_trend.json'));
			expect(run.output).not.toMatch(/^\s+at /m);
			// Six builds run at once on two cores: the limit guards against a hang, it is no speed goal
			// (one took 58 s of the former 60 s on a loaded machine).
		},
		240_000,
	);

	test('a valid copy of the same directory builds the trend page from it', async () => {
		const dir = dataDirWith(
			withHistory([point, { ...point, commit: 'abc1234', date: '2026-02-20', overall_percent: 33.33 }]),
		);
		const run = await runAstro('build', { COVERAGE_DATA_DIR: dir });
		expect(run.code, run.output).toBe(0);
		const html = readFileSync(join(run.outDir, 'coverage/index.html'), 'utf8');
		expect(html).toContain('33.33');
		expect(html).toContain('abc1234');
	});

	test('a missing config names the file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'no-config-'));
		mkdirSync(join(dir, 'snapshots'));
		const run = await runAstro('build', { COVERAGE_DATA_DIR: dir });
		expect(run.code).not.toBe(0);
		expect(run.output).toContain(`${join(dir, 'coverage.config.json')}: file not found`);
	});
});
