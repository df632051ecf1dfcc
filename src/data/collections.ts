/**
 * Typed access to the data collections for pages and components. The loaders in
 * `content.config.ts` have validated every entry with the schemas in `src/lib/schemas`, and the
 * collections declare those schemas, so each entry's data has its type without a cast.
 */
import { getCollection, getEntry } from 'astro:content';
import { isDataFileEntry } from '../lib/dataDir/folderIndex.ts';
import type { CoverageConfig } from '../lib/schemas/config.ts';
import type { CompactSnapshot } from '../lib/snapshot/compactSnapshot.ts';
import type { TestRun } from '../lib/schemas/testRun.ts';
import type { TrendFile } from '../lib/schemas/trend.ts';

/** The project config. */
export async function getCoverageConfig(): Promise<CoverageConfig> {
	const entry = await getEntry('coverageConfig', 'config');
	if (!entry) throw new Error('coverage.config.json was not loaded');
	return entry.data;
}

/** The trend file (an empty history when nothing has been recorded). */
export async function getTrend(): Promise<TrendFile> {
	const entry = await getEntry('coverageTrend', 'trend');
	return entry?.data ?? { coverage_history: [], targets: {} };
}

/** Kept snapshots (compact: counts, missing ranges, functions), oldest first, with their file names. */
export async function getSnapshots(): Promise<Array<{ name: string; report: CompactSnapshot }>> {
	const entries = await getCollection('coverageSnapshots');
	return entries
		.filter(isDataFileEntry)
		.map((e) => ({ name: `${e.id}.json`, report: e.data }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Kept per-test run records, oldest first, with their file names. */
export async function getTestRuns(): Promise<Array<{ name: string; run: TestRun }>> {
	const entries = await getCollection('testRuns');
	return entries
		.filter(isDataFileEntry)
		.map((e) => ({ name: `${e.id}.json`, run: e.data }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
