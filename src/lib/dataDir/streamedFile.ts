import { closeSync, fsyncSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { removeIfPresent } from './dataStore.ts';

/** A file written chunk by chunk to a temporary name beside the data, so that it can be renamed into place. */
export interface StreamedFile {
	/** Append bytes (opens the file on the first chunk). */
	sink: (chunk: Buffer) => void;
	/** Flush and close; the temporary file's path, or null when nothing was written. */
	finish: () => string | null;
	/** Close and remove the temporary file, whatever state it is in. */
	discard: () => void;
}

/** Temporary names this project uses in a data directory. */
const TEMPORARY = /^\.snapshot-\d+\.tmp$/;

/**
 * A streamed temporary file in `dir` (the same file system as the data, so a rename moves it into
 * place); a large snapshot is never held whole in memory.
 */
export function streamedFile(dir: string): StreamedFile {
	const path = join(dir, `.snapshot-${process.pid}.tmp`);
	let fd: number | null = null;
	return {
		sink(chunk) {
			fd ??= openSync(path, 'w');
			for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
		},
		finish() {
			if (fd === null) return null;
			fsyncSync(fd);
			closeSync(fd);
			fd = null;
			return path;
		},
		discard() {
			if (fd !== null) closeSync(fd);
			fd = null;
			removeIfPresent(path);
		},
	};
}

/** Temporary files left by killed runs (older than ten minutes) are removed by the next run. */
export function removeStaleTemporaries(dir: string): void {
	for (const name of readdirSync(dir)) {
		if (!TEMPORARY.test(name)) continue;
		const path = join(dir, name);
		if (Date.now() - statSync(path).mtimeMs > 10 * 60_000) removeIfPresent(path);
	}
}
