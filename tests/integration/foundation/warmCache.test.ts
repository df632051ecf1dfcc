import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildWorkDir, runAstro } from '../../helpers/astro.ts';
import { inputStamp } from '../../../src/lib/dataDir/inputStamp.ts';

const trend = JSON.parse(readFileSync('data/coverage_trend.json', 'utf8'));
const point = trend.coverage_history[0];

test('a rebuild with a warm cache still sees every change to the data, and still rejects bad data', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'warm-data-'));
	copyFileSync('data/coverage.config.json', join(dir, 'coverage.config.json'));
	const cache = join(buildWorkDir(), 'cache');
	const write = (history: unknown[]) =>
		writeFileSync(join(dir, 'coverage_trend.json'), JSON.stringify({ ...trend, coverage_history: history }));
	const build = () => runAstro('build', { COVERAGE_DATA_DIR: dir, ASTRO_CACHE_DIR: cache });
	const trendPage = (outDir: string) => readFileSync(join(outDir, 'coverage/index.html'), 'utf8');

	write([point, { ...point, commit: 'abc1234', date: '2026-02-20', overall_percent: 31.31 }]);
	const first = await build();
	expect(first.code, first.output.slice(-3000)).toBe(0);
	expect(trendPage(first.outDir)).toContain('31.31');

	// Same length, one digit different: a cache keyed on anything but the content would miss it.
	write([point, { ...point, commit: 'abc1234', date: '2026-02-20', overall_percent: 31.32 }]);
	const second = await build();
	expect(second.code, second.output).toBe(0);
	expect(trendPage(second.outDir)).toContain('31.32');
	expect(trendPage(second.outDir)).not.toContain('31.31');

	write([point, { ...point, commit: 'abc1234', date: '2026-02-20', overall_percent: 131.32 }]);
	const third = await build();
	expect(third.code).not.toBe(0);
	expect(third.output).toContain('coverage_history[1].overall_percent: expected a number at most 100, found 131.32');
}, 120_000);

test('the input stamp changes with a file’s content and with a file added to a folder', () => {
	const dir = mkdtempSync(join(tmpdir(), 'stamp-'));
	writeFileSync(join(dir, 'a.json'), '{"x":1}');
	const before = inputStamp([dir, join(dir, 'missing.json')]);
	expect(inputStamp([dir, join(dir, 'missing.json')])).toBe(before);
	writeFileSync(join(dir, 'a.json'), '{"x":2}');
	const edited = inputStamp([dir, join(dir, 'missing.json')]);
	expect(edited).not.toBe(before);
	writeFileSync(join(dir, 'b.json'), '{}');
	expect(inputStamp([dir, join(dir, 'missing.json')])).not.toBe(edited);
});
