/** Symbolic links in the data directory: refused where `record` writes or deletes, reported by `validate`. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, type DataProblem } from './dataError.ts';

/** The file type at a path without following a link: null when nothing is there. */
function typeAt(path: string): 'link' | 'folder' | 'file' | 'other' | null {
	try {
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) return 'link';
		if (stat.isDirectory()) return 'folder';
		return stat.isFile() ? 'file' : 'other';
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}

/**
 * Refuse to write or delete through a symbolic link (or anything but the expected kind): a link in
 * `data/` would let `record` overwrite or prune files outside the data directory.
 */
export function refuseLink(path: string, expected: 'file' | 'folder'): void {
	const found = typeAt(path);
	if (found === null || found === expected) return;
	const message =
		found === 'link'
			? 'is a symbolic link; trend writes and deletes only real files and folders in the data directory (replace the link with what it points to)'
			: `expected a ${expected}, found ${found === 'folder' ? 'a folder' : 'a special file'}`;
	throw new DataError([{ file: path, path: '', message }]);
}

/** Every symbolic link under a folder (links are not followed), as problems for `trend validate`. */
export function linksUnder(dir: string): DataProblem[] {
	const problems: DataProblem[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isSymbolicLink())
				problems.push({
					file: path,
					path: '',
					message: 'is a symbolic link; the data directory holds only real files and folders',
				});
			else if (entry.isDirectory()) walk(path);
		}
	};
	walk(dir);
	return problems;
}
