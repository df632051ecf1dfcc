/**
 * The worker thread that writes a build's source pages while Astro builds its own pages (started by
 * `src/data/sourcePagesAhead.ts`): every page and its data under `workerData.outDir`, then one message
 * with how many files and how long it took. An error ends the thread and reaches the build as it is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSourcePages } from './sourcePages.ts';

/** What the build hands the worker: where to write, the site's base, and the folder `source_root` is relative to. */
export interface SourcePagesJob {
	outDir: string;
	base: string;
	cwd: string;
}

/** What the worker answers when every page is written. */
export interface SourcePagesDone {
	files: number;
	seconds: number;
}

if (parentPort) {
	const job = workerData as SourcePagesJob;
	const started = performance.now();
	const files = await writeSourcePages(job.outDir, job.base, job.cwd);
	parentPort.postMessage({ files, seconds: (performance.now() - started) / 1000 } satisfies SourcePagesDone);
}
