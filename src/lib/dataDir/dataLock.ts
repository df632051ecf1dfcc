/** The data directory's lock: concurrent `record` runs queue, and a run that lost the lock writes nothing. */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { unlinkIfPresent, writeFileAtomically } from './atomicFile.ts';
import { DataError } from './dataError.ts';
import { refuseLink } from './symlinks.ts';

/** Name of the lock folder inside a data directory. */
export const LOCK_NAME = '.trend.lock';
/** The file beside the lock that names its holder (a file inside would stop `proper-lockfile` removing a stale lock). */
export const LOCK_OWNER_NAME = '.trend.lock-owner';

/**
 * A lock nobody refreshed for this long belongs to a killed run and is taken over. It covers the
 * slowest step a holder runs without refreshing it (its event loop is busy: parsing and writing a
 * 100,000-point, 124 MB trend takes about 10 s on a loaded two-core machine) several times over.
 */
export const LOCK_STALE_MS = 60_000;

/** The data directory's lock while it is held. */
export interface HeldLock {
	/** Throw (nothing renamed yet) when another run took the lock over: never write under a lost lock. */
	assertHeld: () => void;
	/**
	 * Between long synchronous steps: when the lock was last refreshed a while ago, give the event
	 * loop to `proper-lockfile` until it has refreshed it, then check it is still ours.
	 */
	refresh: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mtimeOf = (path: string) => {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return null;
	}
};

/** The lock was lost to another run: one line, exit 2, and nothing of this run was renamed into place. */
function lostLock(dir: string, why: string): DataError {
	return new DataError([
		{
			file: join(dir, LOCK_NAME),
			path: '',
			message: `another run took the data directory's lock over (${why}); this run wrote nothing, run it again`,
		},
	]);
}

/**
 * Run `fn` while holding the data directory's lock (a `proper-lockfile` folder, refreshed while the
 * event loop is free and taken over when a killed holder left it stale), so concurrent `record` runs
 * queue up. `fn` calls `assertHeld` before it renames anything.
 */
export async function withDataLock<T>(
	dir: string,
	fn: (lock: HeldLock) => T | Promise<T>,
	staleMs = LOCK_STALE_MS,
): Promise<T> {
	const lockPath = join(dir, LOCK_NAME);
	const ownerPath = join(dir, LOCK_OWNER_NAME);
	refuseLink(lockPath, 'folder');
	refuseLink(ownerPath, 'file');
	let compromised: Error | null = null;
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(dir, {
			lockfilePath: lockPath,
			realpath: false,
			stale: staleMs,
			update: 1_000,
			// Waiting covers several holders in a row, each up to the stale time.
			retries: { retries: 2_000, factor: 1.1, minTimeout: 25, maxTimeout: 500, randomize: true },
			// The default throws from a timer, which would kill the run at a random step; note it instead.
			onCompromised: (err) => {
				compromised = err;
			},
		});
	} catch (err) {
		throw new DataError([
			{ file: lockPath, path: '', message: `could not take the data directory's lock (${(err as Error).message})` },
		]);
	}
	// The lock folder's mtime alone cannot say who holds it; a token beside it can, at any step.
	const token = `${process.pid} ${randomUUID()}\n`;
	writeFileAtomically(ownerPath, token);
	const assertHeld = () => {
		if (compromised) throw lostLock(dir, (compromised as Error).message);
		let now = '';
		try {
			now = readFileSync(ownerPath, 'utf8');
		} catch {
			// missing: taken over and released
		}
		if (now !== token) throw lostLock(dir, 'it names another holder');
	};
	let refreshed = Date.now();
	const refresh = async () => {
		if (Date.now() - refreshed < staleMs / 4) return;
		const before = mtimeOf(lockPath);
		for (const end = Date.now() + 5_000; Date.now() < end && !compromised;) {
			await sleep(20);
			if (mtimeOf(lockPath) !== before) break;
		}
		refreshed = Date.now();
		assertHeld();
	};
	try {
		return await fn({ assertHeld, refresh });
	} finally {
		let ours = false;
		try {
			ours = readFileSync(ownerPath, 'utf8') === token;
		} catch {
			// already gone
		}
		// A lock taken over is the new holder's: removing it would let a third run in beside it.
		if (ours) unlinkIfPresent(ownerPath);
		if (ours && !compromised) await release().catch(() => undefined);
	}
}
