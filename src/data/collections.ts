/**
 * Typed access to the data collections for pages and components. The loaders in
 * `content.config.ts` have validated every entry with the schemas in `src/lib/schemas`, and the
 * collections declare those schemas, so each entry's data has its type without a cast.
 */
import { getCollection, getEntry } from 'astro:content';
import { isDataFileEntry, type FolderIndex } from '../lib/dataDir/folderIndex.ts';
import type { CoverageConfig } from '../lib/schemas/config.ts';
import type { CompactSnapshot } from '../lib/snapshot/compactSnapshot.ts';
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

/** A folder collection's data files with their file names, oldest first (names start with the date). */
function dataFiles<T>(entries: Array<{ id: string; data: T }>): Array<{ name: string; data: Exclude<T, FolderIndex> }> {
	return entries
		.filter(isDataFileEntry)
		.map((e) => ({ name: `${e.id}.json`, data: e.data }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Kept snapshots (compact: counts, missing ranges, functions), oldest first, with their file names. */
export async function getSnapshots(): Promise<Array<{ name: string; report: CompactSnapshot }>> {
	return dataFiles(await getCollection('coverageSnapshots')).map(({ name, data }) => ({ name, report: data }));
}

/**
 * File names of the kept per-test run records, in name order. The collection holds only the names
 * (with each file's size and time, so a changed file reloads the pages in `astro dev`): the records
 * themselves are read and validated one at a time by `testHealth.ts`, because 50 runs of a
 * 20,000-test suite in Astro's data store cost the build a 30 MB module and gigabytes of memory.
 */
export async function getTestRunNames(): Promise<string[]> {
	return dataFiles(await getCollection('testRuns')).map(({ name }) => name);
}
