import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files of this project: `.<name>.<pid>.tmp`, hidden and git-ignored. */
const TEMPORARY = /^\.[A-Za-z0-9._-]+\.(\d+)\.tmp$/;

/** The temporary file this process writes before renaming it to `target` (same folder, so the rename is atomic). */
export function temporaryFor(target: string): string {
	return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Whether a process with this id runs (on this machine); a process we may not signal still runs. */
export function processRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Remove temporary files that killed runs left in these folders: those of a process that no longer
 * runs, or untouched for ten minutes. Only regular files with the project's temporary name go; a
 * running `record` (which streams its snapshot before it takes the lock) keeps its own.
 */
export function removeLeftTemporaries(folders: string[], now = Date.now()): string[] {
	const removed: string[] = [];
	for (const folder of folders) {
		let names: string[];
		try {
			names = readdirSync(folder);
		} catch {
			continue; // a folder that is not there has nothing left in it
		}
		for (const name of names) {
			const match = TEMPORARY.exec(name);
			if (!match) continue;
			const path = join(folder, name);
			const stat = lstatSync(path);
			if (!stat.isFile()) continue;
			const pid = Number(match[1]);
			if (pid === process.pid || (processRunning(pid) && now - stat.mtimeMs < 10 * 60_000)) continue;
			unlinkSync(path);
			removed.push(path);
		}
	}
	return removed;
}
