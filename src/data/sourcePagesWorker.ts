/**
 * A worker thread that writes its share of a build's source pages while Astro builds its own pages (started by
 * `src/data/sourcePagesAhead.ts`): every page and its data under `workerData.outDir`, then one message
 * with how many files and how long it took. An error ends the thread and reaches the build as it is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sharedBuckets, writeSourcePages, type HighlightCounts } from './sourcePages.ts';

/**
 * What the build hands a worker: where to write, the site's base, the folder `source_root` is relative
 * to, and the counter of the buckets of files the workers share (`sharedBuckets`).
 */
export interface SourcePagesJob {
	outDir: string;
	base: string;
	cwd: string;
	buckets: SharedArrayBuffer;
}

/**
 * What the worker answers when every page is written: how many files (of their code, how much it
 * highlighted and how much was kept from an earlier build), its seconds, and its thread's CPU seconds.
 */
export interface SourcePagesDone extends HighlightCounts {
	files: number;
	seconds: number;
	cpu: number;
}

if (parentPort) {
	const job = workerData as SourcePagesJob;
	const started = performance.now();
	const written = await writeSourcePages(job.outDir, job.base, job.cwd, sharedBuckets(new Int32Array(job.buckets)));
	const cpu = process.threadCpuUsage();
	parentPort.postMessage({
		...written,
		seconds: (performance.now() - started) / 1000,
		cpu: (cpu.user + cpu.system) / 1e6,
	} satisfies SourcePagesDone);
}
