/**
 * A worker thread that writes its share of a build's source pages while Astro builds its own pages (started by
 * `src/data/sourcePagesAhead.ts`): every page and its data under `workerData.outDir`, then one message
 * with how many files and how long it took. An error ends the thread and reaches the build as it is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSourcePages, type FileShare } from './sourcePages.ts';

/** What the build hands a worker: where to write, the site's base, the folder `source_root` is relative to, its share of the files. */
export interface SourcePagesJob {
	outDir: string;
	base: string;
	cwd: string;
	share: FileShare;
}

/** What the worker answers when every page is written: how many files, its seconds, and its thread's CPU seconds. */
export interface SourcePagesDone {
	files: number;
	seconds: number;
	cpu: number;
}

if (parentPort) {
	const job = workerData as SourcePagesJob;
	const started = performance.now();
	const files = await writeSourcePages(job.outDir, job.base, job.cwd, job.share);
	const cpu = process.threadCpuUsage();
	parentPort.postMessage({
		files,
		seconds: (performance.now() - started) / 1000,
		cpu: (cpu.user + cpu.system) / 1e6,
	} satisfies SourcePagesDone);
}
