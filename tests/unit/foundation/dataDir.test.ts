import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataDirFromEnv, loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';

function tempDataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'data-dir-'));
	copyFileSync('data/coverage.config.json', join(dir, 'coverage.config.json'));
	return dir;
}

describe('data directory', () => {
	test('COVERAGE_DATA_DIR chooses it, `data` by default', () => {
		expect(dataDirFromEnv({})).toBe('data');
		expect(dataDirFromEnv({ COVERAGE_DATA_DIR: ' fixtures/x ' })).toBe('fixtures/x');
	});

	test('no trend file yet is an empty history, not an error', () => {
		expect(loadTrend(tempDataDir())).toEqual({ coverage_history: [], targets: {} });
	});

	test('the shipped data directory is valid', () => {
		expect(validateDataDir('data')).toEqual([]);
	});

	test('validation reports every problem in every file at once', () => {
		const dir = tempDataDir();
		writeFileSync(
			join(dir, 'coverage_trend.json'),
			JSON.stringify({ coverage_history: [{ date: 'x', commit: 'a', overall_percent: 101, test_count: 0 }] }),
		);
		mkdirSync(join(dir, 'snapshots'));
		writeFileSync(join(dir, 'snapshots', '2026-01-01_abc_coverage.json'), '{"meta": ');
		const problems = validateDataDir(dir).map((p) => `${p.file.slice(dir.length + 1)}: ${p.path}`);
		expect(problems).toEqual([
			'coverage_trend.json: coverage_history[0].date',
			'coverage_trend.json: coverage_history[0].overall_percent',
			'snapshots/2026-01-01_abc_coverage.json: ',
		]);
	});
});
