/**
 * Source pages written while Astro builds its own pages: worker threads (`sourcePagesWorker.ts`) write
 * every page and its data into a folder of Astro's cache directory, taking the files bucket by bucket
 * from one shared queue; when Astro is done, that folder is moved into the output with a few renames.
 * Highlighting a 2,000-file backend is seconds of CPU and writing its 4,000 files seconds of disk; done
 * after Astro's build, both were added to it, while Astro's build leaves much of a second core idle (it
 * renders its pages one by one on one thread).
 *
 * The workers start as soon as the build's configuration is known; taking buckets from one queue, a
 * worker slowed by Astro's build takes fewer and none waits for another's share.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { siteOutput } from '../integrations/siteOutput.ts';
import { processRunning } from '../lib/dataDir/temporaries.ts';
import type { SourcePagesDone, SourcePagesJob } from './sourcePagesWorker.ts';

/** Source pages being written by a worker. */
export interface SourcePagesAhead {
	/** Wait for the workers, then move their pages into `outDir`: how many files, the slowest worker's seconds, their CPU seconds. */
	finish(outDir: string): Promise<SourcePagesDone>;
}

const STAGING = /^source-pages-(\d+)$/;

/**
 * Start writing the source pages of a site under `base` (`cwd`: the folder `source_root` is relative
 * to) into `cacheDir/source-pages-<pid>/`. Folders left there by builds that were killed are removed.
 */
export function startSourcePages(cacheDir: string, base: string, cwd: string): SourcePagesAhead {
	const staging = join(cacheDir, `source-pages-${process.pid}`);
	try {
		for (const name of readdirSync(cacheDir)) {
			const pid = STAGING.exec(name)?.[1];
			if (pid && (Number(pid) === process.pid || !processRunning(Number(pid))))
				rmSync(join(cacheDir, name), { recursive: true, force: true });
		}
	} catch {
		// No cache directory yet: nothing was left there.
	}
	// The workers write through `siteOutput`, which wants its folder to exist.
	mkdirSync(staging, { recursive: true });
	const threads = workerCount();
	const buckets = new SharedArrayBuffer(4);
	const job: SourcePagesJob = { outDir: staging, base, cwd, buckets };
	const done = Array.from({ length: threads }, () => runWorker(job));
	return {
		async finish(outDir) {
			for (const w of done) w.worker.ref();
			const results = await Promise.all(done.map((w) => w.done));
			const sum = (key: 'files' | 'highlighted' | 'kept' | 'cpu') => results.reduce((n, r) => n + r[key], 0);
			const result = {
				files: sum('files'),
				highlighted: sum('highlighted'),
				kept: sum('kept'),
				seconds: Math.max(...results.map((r) => r.seconds)),
				cpu: sum('cpu'),
			};
			const from = join(staging, 'coverage', 'files');
			if (existsSync(from)) moveInto(from, outDir, 'coverage/files');
			rmSync(staging, { recursive: true, force: true });
			return result;
		},
	};
}

/**
 * How many workers: one per core (at most 4). While Astro builds they share the cores with it; once it
 * is done, the pages still to write use every core instead of one. `SOURCE_PAGES_WORKERS` sets the
 * number (to measure).
 */
function workerCount(): number {
	const set = Number(process.env.SOURCE_PAGES_WORKERS);
	if (Number.isInteger(set) && set > 0) return set;
	return Math.min(4, availableParallelism());
}

/** A worker writing the buckets it takes from `job`'s queue, and its answer. */
function runWorker(job: SourcePagesJob): { worker: Worker; done: Promise<SourcePagesDone> } {
	const worker = new Worker(new URL('./sourcePagesWorker.ts', import.meta.url), { workerData: job });
	// Until the build asks for the pages, a failed build may end without waiting for the worker.
	worker.unref();
	const done = new Promise<SourcePagesDone>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`source pages: the worker stopped (exit code ${code}) early`)));
	});
	// A failure is reported when the build asks for the pages, not as an unhandled rejection before.
	done.catch(() => {});
	return { worker, done };
}

/**
 * Put folder `from`'s files into `folder` of the output `outDir`, beside what Astro wrote there (the
 * viewer page, which stays).
 */
function moveInto(from: string, outDir: string, folder: string): void {
	const to = join(outDir, folder);
	try {
		// Astro's few entries go into `from`, then `from` takes `to`'s place: a few renames, not 4,000.
		// A staged file of the same name as one of Astro's would give way to it (none can: see fileSlug).
		mkdirSync(to, { recursive: true });
		for (const name of readdirSync(to)) renameSync(join(to, name), join(from, name));
		rmdirSync(to);
		renameSync(from, to);
	} catch (err) {
		// Another file system (the cache directory elsewhere): written again, file by file, through the
		// same checks as every file the build adds to its output.
		if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
		const out = siteOutput(outDir);
		for (const e of readdirSync(from, { withFileTypes: true, recursive: true }))
			if (e.isFile()) {
				const file = join(e.parentPath, e.name);
				out.write(`${folder}/${relative(from, file).split(sep).join('/')}`, readFileSync(file, 'utf8'));
			}
	}
}
