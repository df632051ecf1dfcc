import { docsSchema } from '@astrojs/starlight/schema';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { compactSnapshot } from './lib/snapshot/compactSnapshot.ts';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest, inputStamp } from './lib/dataDir/inputStamp.ts';
import { folderIndexSchema, withFolderIndex } from './lib/dataDir/folderIndex.ts';
import { coverageConfigSchema } from './lib/schemas/config.ts';
import { compactSnapshotSchema } from './lib/schemas/compactSnapshot.ts';
import { trendFileSchema } from './lib/schemas/trend.ts';
import {
	DATA_FILES,
	dataDirFromEnv,
	listJsonFiles,
	loadConfig,
	loadSnapshot,
	loadTrend,
} from './lib/dataDir/dataDir.ts';

const dataDir = resolve(dataDirFromEnv());
/** The validating and compacting code; a change to it invalidates every cached collection. */
const libDigest = codeDigest(fileURLToPath(new URL('./lib/', import.meta.url)));

/**
 * A loader over files of the data directory. Our own zod schemas validate as the files are read (so a
 * bad file fails the build with one line: file + JSON path + expected/found), and in `astro dev` any
 * change reloads the collection. The collections declare the same schemas as `schema`, which types
 * the entries for pages; the loader does not call `context.parseData`, as that would validate every
 * entry a second time (a 40 MB snapshot costs about 1 s) and report errors in Astro's words.
 * A build whose data files and `src/lib` code are unchanged since the last successful load reuses
 * Astro's cached entries instead of parsing and validating again (a 40 MB snapshot costs about 1 s).
 */
function dataLoader(
	name: string,
	watched: string[],
	read: () => Array<{ id: string; data: Record<string, unknown> }>,
): Loader {
	return {
		name,
		load: async (context: LoaderContext) => {
			const stampKey = 'input-stamp';
			const currentStamp = () => `${inputStamp(watched)}:${libDigest}`;
			// The stamp is taken before reading, so a file changed during the read is read again next time.
			const sync = (stamp = currentStamp()) => {
				const entries = read();
				context.store.clear();
				for (const entry of entries) context.store.set({ ...entry, digest: context.generateDigest(entry.data) });
				context.meta.set(stampKey, stamp);
			};
			const stamp = currentStamp();
			if (context.store.keys().length === 0 || context.meta.get(stampKey) !== stamp) sync(stamp);
			if (!context.watcher) return;
			for (const path of watched) context.watcher.add(path);
			const onChange = (changed: string) => {
				if (!watched.some((path) => resolve(changed).startsWith(path))) return;
				try {
					sync();
					context.logger.info(`Reloaded ${name} after a change to ${changed}`);
				} catch (err) {
					context.logger.error((err as Error).message);
				}
			};
			for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, onChange);
		},
	};
}

export const collections = {
	/** The guides: MDX in the top-level `content/` folder, with Starlight’s frontmatter. */
	docs: defineCollection({
		loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema(),
	}),
	/** `coverage.config.json`: domains, thresholds, gate; a single entry with id `config`. */
	coverageConfig: defineCollection({
		loader: dataLoader('coverage-config', [join(dataDir, DATA_FILES.config)], () => [
			{ id: 'config', data: loadConfig(dataDir) },
		]),
		schema: coverageConfigSchema,
	}),
	/** `coverage_trend.json`: the whole history and targets; a single entry with id `trend`. */
	coverageTrend: defineCollection({
		loader: dataLoader('coverage-trend', [join(dataDir, DATA_FILES.trend)], () => [
			{ id: 'trend', data: loadTrend(dataDir) },
		]),
		schema: trendFileSchema,
	}),
	/**
	 * `snapshots/*.json`: per-file coverage of the newest runs, validated, then kept compact (counts,
	 * missing ranges, functions; see `compactSnapshot`) so a 20,000-file report stays cheap to build.
	 * id = file name without `.json`.
	 */
	coverageSnapshots: defineCollection({
		loader: dataLoader('coverage-snapshots', [join(dataDir, DATA_FILES.snapshots)], () =>
			withFolderIndex(
				listJsonFiles(join(dataDir, DATA_FILES.snapshots)).map((name) => ({
					id: name.replace(/\.json$/, ''),
					data: compactSnapshot(loadSnapshot(dataDir, name)),
				})),
			),
		),
		schema: z.union([compactSnapshotSchema, folderIndexSchema]),
	}),
	/**
	 * `test-runs/*.json`: per-test results of the newest runs, listed here by name, size and time
	 * only. `src/data/testHealth.ts` reads and validates the records one at a time when the pages
	 * are built: parsing 50 runs of a 20,000-test suite here, before the bundler starts, raised the
	 * build's peak memory by 300 MB. id = file name without `.json`.
	 */
	testRuns: defineCollection({
		loader: dataLoader('test-runs', [join(dataDir, DATA_FILES.testRuns)], () =>
			withFolderIndex(
				listJsonFiles(join(dataDir, DATA_FILES.testRuns)).map((name) => {
					const { size, mtimeMs } = statSync(join(dataDir, DATA_FILES.testRuns, name));
					return { id: name.replace(/\.json$/, ''), data: { size, mtimeMs } };
				}),
			),
		),
		schema: z.union([z.strictObject({ size: z.number(), mtimeMs: z.number() }), folderIndexSchema]),
	}),
};
