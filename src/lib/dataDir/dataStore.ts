import { readFileSync } from 'node:fs';
import { DataError } from './dataError.ts';

export { writeFileAtomically } from './atomicFile.ts';

/** JSON as this project stores it: two-space indent and a final newline, so diffs stay readable. */
export function jsonText(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
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
