/** Atomic file writes that survive a full disk: every byte written, flushed, size checked and read back before one rename. */
import {
	closeSync,
	constants,
	fstatSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from './dataError.ts';
import { refuseLink } from './symlinks.ts';
import { temporaryFor } from './temporaries.ts';

/** A temporary file written whole, flushed and checked, waiting to be renamed over its target. */
export interface PreparedFile {
	target: string;
	temporary: string;
	bytes: number;
}

/** Remove a file if it is there (a path through a file, ENOTDIR, has nothing there either). */
export function unlinkIfPresent(path: string): void {
	try {
		unlinkSync(path);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
	}
}

/** A write that failed: one line naming the file, saying the old version is kept. */
export function writeFailure(target: string, err: unknown): DataError {
	if (err instanceof DataError) return err;
	const e = err as NodeJS.ErrnoException;
	const reason = e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').split(',')[0]}` : e.message;
	return new DataError([{ file: target, path: '', message: `could not write (${reason}); the old file is kept` }]);
}

/** Open a new temporary file: never through a link, never over an existing file (`O_NOFOLLOW | O_EXCL`). */
export function openTemporary(path: string): number {
	unlinkIfPresent(path); // this process's own name: a leftover of an earlier process with the same id
	return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
}

/** Write every byte: `write(2)` may write less than asked (a full disk writes what fits, then fails). */
export function writeAll(fd: number, bytes: Buffer): void {
	for (let done = 0; done < bytes.length;) {
		const wrote = writeSync(fd, bytes, done, bytes.length - done);
		if (wrote <= 0) throw Object.assign(new Error('EIO: the file system accepted no bytes'), { code: 'EIO' });
		done += wrote;
	}
}

/** Flush a file to the disk and check that it holds exactly the bytes written. */
export function flushAndCheck(fd: number, bytes: number): void {
	fsyncSync(fd);
	const size = fstatSync(fd).size;
	if (size !== bytes)
		throw Object.assign(new Error(`EIO: wrote ${bytes} bytes but the file holds ${size}`), { code: 'EIO' });
}

/**
 * Write `content` to a temporary file beside `target`: every byte, flushed, size checked, and read
 * back through `verify` when given (the trend is parsed again from the disk). Nothing is renamed
 * yet; on any failure the temporary file is gone and the error names `target`.
 *
 * (write-file-atomic's synchronous path issues one `writeSync` and ignores a short write, which on a
 * full disk left a truncated trend file in place; hence this.)
 */
export function prepareFile(
	target: string,
	content: string | Buffer,
	verify?: (written: Buffer) => void,
): PreparedFile {
	const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	const temporary = temporaryFor(target);
	try {
		mkdirSync(dirname(target), { recursive: true });
		const fd = openTemporary(temporary);
		try {
			writeAll(fd, bytes);
			flushAndCheck(fd, bytes.length);
		} finally {
			closeSync(fd);
		}
		if (verify) verify(readFileSync(temporary));
		return { target, temporary, bytes: bytes.length };
	} catch (err) {
		unlinkIfPresent(temporary);
		throw writeFailure(target, err);
	}
}

/** Flush a folder's entries (the renames in it) to the disk. */
export function syncFolder(folder: string): void {
	const fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Rename a prepared file over its target (refusing a link there) and flush the folder. */
export function commitFile(file: PreparedFile): void {
	refuseLink(file.target, 'file');
	try {
		mkdirSync(dirname(file.target), { recursive: true });
		renameSync(file.temporary, file.target);
	} catch (err) {
		throw writeFailure(file.target, err);
	}
	syncFolder(dirname(file.target));
}

/**
 * Write a whole file or nothing: the text goes to a temporary file in the same folder, is written
 * whole, flushed and checked, and is renamed over the old one, so a reader (or a killed run) sees the
 * old version or the new one.
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
	const prepared = prepareFile(path, content);
	try {
		commitFile(prepared);
	} catch (err) {
		unlinkIfPresent(prepared.temporary);
		throw writeFailure(path, err);
	}
}
