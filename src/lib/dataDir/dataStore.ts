import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { DataError } from './dataError.ts';

/**
 * Write a whole file or nothing: the text goes to a temporary file in the same folder, is flushed,
 * and is renamed over the old one, so a reader (or a killed run) sees the old version or the new one.
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileAtomic.sync(path, content, { encoding: 'utf8' });
}

/** JSON as this project stores it: two-space indent and a final newline, so diffs stay readable. */
export function jsonText(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
}

/** Remove a file if it is there. */
export function removeIfPresent(path: string): void {
	try {
		unlinkSync(path);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
}

/** Read a text file the user named; a missing or unreadable file is a DataError naming it. */
export function readInputFile(file: string): string {
	return readInputBytes(file).toString('utf8');
}

/** Read the bytes of a file the user named; a missing or unreadable file is a DataError naming it. */
export function readInputBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		const message =
			code === 'ENOENT'
				? 'file not found'
				: code === 'EISDIR'
					? 'expected a file, found a folder'
					: `cannot read (${code})`;
		throw new DataError([{ file, path: '', message }]);
	}
}

/** Name of the lock folder inside a data directory. */
export const LOCK_NAME = '.trend.lock';

/**
 * Run `fn` while holding the data directory's lock (a `proper-lockfile` folder, refreshed while held
 * and taken over when a killed holder left it stale), so concurrent `record` runs queue up.
 */
export async function withDataLock<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(dir, {
			lockfilePath: join(dir, LOCK_NAME),
			realpath: false,
			stale: 5_000,
			update: 1_000,
			retries: { retries: 400, factor: 1.1, minTimeout: 25, maxTimeout: 250, randomize: true },
		});
	} catch (err) {
		throw new DataError([
			{
				file: join(dir, LOCK_NAME),
				path: '',
				message: `could not take the data directory's lock (${(err as Error).message})`,
			},
		]);
	}
	try {
		return await fn();
	} finally {
		await release();
	}
}
