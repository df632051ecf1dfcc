import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DataError, parseJsonText, parseWith, type DataProblem } from './dataError.ts';
import { linksUnder } from './symlinks.ts';
import { coverageConfigSchema, type CoverageConfig } from '../schemas/config.ts';
import { coverageReportSchema, type CoverageReport } from '../schemas/coveragepy.ts';
import { quickTestRun, testRunSchema, type TestRun } from '../schemas/testRun.ts';
import { trendFileSchema, type TrendFile } from '../schemas/trend.ts';

/** File and folder names inside a data directory. */
export const DATA_FILES = {
	config: 'coverage.config.json',
	trend: 'coverage_trend.json',
	snapshots: 'snapshots',
	testRuns: 'test-runs',
} as const;

/** The data directory the site and the CLI read: `COVERAGE_DATA_DIR`, else `data`. */
export function dataDirFromEnv(env: Record<string, string | undefined> = process.env): string {
	return env.COVERAGE_DATA_DIR?.trim() || 'data';
}

/** Read and validate one JSON file against a schema; errors name the file and the JSON path. */
export function readJsonFile<S extends z.ZodType>(schema: S, file: string): z.output<S> {
	return parseWith(schema, file, readJsonValue(file));
}

/** Read and parse one JSON file, not yet validated; errors name the file. */
function readJsonValue(file: string): unknown {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		throw new DataError([{ file, path: '', message: code === 'ENOENT' ? 'file not found' : `cannot read (${code})` }]);
	}
	return parseJsonText(file, text);
}

/** The project config of a data directory. */
export function loadConfig(dir: string): CoverageConfig {
	return readJsonFile(coverageConfigSchema, join(dir, DATA_FILES.config));
}

/** The trend of a data directory; a missing file is an empty history (nothing recorded yet). */
export function loadTrend(dir: string): TrendFile {
	const file = join(dir, DATA_FILES.trend);
	if (!existsSync(file)) return { coverage_history: [], targets: {} };
	return readJsonFile(trendFileSchema, file);
}

/** JSON file names in a subfolder, sorted (names start with the date, so this is oldest first). */
export function listJsonFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json') && !name.startsWith('.'))
		.sort();
}

/** One snapshot file by name. */
export function loadSnapshot(dir: string, name: string): CoverageReport {
	return readJsonFile(coverageReportSchema, join(dir, DATA_FILES.snapshots, name));
}

/** One per-test run record by name. */
export function loadTestRun(dir: string, name: string): TestRun {
	// A build reads up to 50 records of thousands of tests: checked in place when valid (`quickTestRun`).
	const file = join(dir, DATA_FILES.testRuns, name);
	const value = readJsonValue(file);
	return quickTestRun(value) ?? parseWith(testRunSchema, file, value);
}

/** Run every check of a data directory and collect all problems instead of stopping at the first. */
export function validateDataDir(dir: string): DataProblem[] {
	const problems: DataProblem[] = [];
	const attempt = (fn: () => unknown) => {
		try {
			fn();
		} catch (err) {
			if (err instanceof DataError) problems.push(...err.problems);
			else throw err;
		}
	};
	attempt(() => loadConfig(dir));
	attempt(() => loadTrend(dir));
	for (const name of listJsonFiles(join(dir, DATA_FILES.snapshots))) attempt(() => loadSnapshot(dir, name));
	for (const name of listJsonFiles(join(dir, DATA_FILES.testRuns))) attempt(() => loadTestRun(dir, name));
	// `record` refuses to write through links; one committed by hand would still point out of the data.
	problems.push(...linksUnder(dir));
	return problems;
}
