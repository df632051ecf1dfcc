/** A snapshot streamed to a temporary file while the report is read, so a large one is never held in memory. */
import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { flushAndCheck, openTemporary, unlinkIfPresent, writeAll, writeFailure } from './atomicFile.ts';
import { DATA_FILES } from './dataDir.ts';
import { temporaryFor } from './temporaries.ts';

/** A streamed file once its last chunk arrived. */
export interface StreamedResult {
	/** The temporary file, or null when nothing was written or it grew over the limit. */
	temporary: string | null;
	/** Bytes that arrived (all of them, also past the limit). */
	bytes: number;
	/** Whether it grew over the limit (its temporary file is then already removed). */
	over: boolean;
}

/** A file written chunk by chunk to a temporary name beside the data, so that it can be renamed into place. */
export interface StreamedFile {
	/** Append bytes (opens the file on the first chunk); past `maxBytes`, bytes are only counted. */
	sink: (chunk: Buffer) => void;
	/** Flush, check the size and close. */
	finish: () => StreamedResult;
	/** Close and remove the temporary file, whatever state it is in. */
	discard: () => void;
}

/**
 * A streamed snapshot in `dir` (the same file system as the data, so a rename moves it into place);
 * a large snapshot is never held whole in memory, and one over `maxBytes` stops taking disk space.
 */
export function streamedFile(dir: string, maxBytes: number): StreamedFile {
	const path = temporaryFor(join(dir, 'snapshot'));
	const named = join(dir, DATA_FILES.snapshots);
	let fd: number | null = null;
	let bytes = 0;
	let over = false;
	const discard = () => {
		if (fd !== null) closeSync(fd);
		fd = null;
		unlinkIfPresent(path);
	};
	return {
		sink(chunk) {
			bytes += chunk.length;
			if (over) return;
			if (bytes > maxBytes) {
				over = true;
				discard();
				return;
			}
			try {
				fd ??= openTemporary(path);
				writeAll(fd, chunk);
			} catch (err) {
				discard();
				throw writeFailure(named, err);
			}
		},
		finish() {
			if (fd === null) return { temporary: null, bytes, over };
			try {
				flushAndCheck(fd, bytes);
				closeSync(fd);
				fd = null;
			} catch (err) {
				discard();
				throw writeFailure(named, err);
			}
			return { temporary: path, bytes, over };
		},
		discard,
	};
}
