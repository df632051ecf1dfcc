import { patchHeaderPath } from './quotedPath.ts';

/** The lines a diff adds or changes in one file, on the head side. */
export interface AddedLines {
	/** Path on the head side, relative to the repository root. */
	path: string;
	/** Line numbers (1-based, head side), ascending. */
	lines: number[];
	/** Each added line's text, without its line ending (a CRLF file's `\r` is cut). */
	text: Map<number, string>;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The added lines per file of `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/` output. A deleted
 * file (`+++ /dev/null`), a pure rename, a mode change and a binary file add no line and are left out.
 * Hunk bodies are counted off by the header's line counts, so a removed line that reads like
 * `-- a/x` is never taken for a file header.
 */
export function parseAddedLines(patch: string): Map<string, AddedLines> {
	const files = new Map<string, AddedLines>();
	let current: AddedLines | null = null;
	let oldLeft = 0;
	let newLeft = 0;
	let nextLine = 0;
	let start = 0;
	while (start < patch.length) {
		let end = patch.indexOf('\n', start);
		if (end === -1) end = patch.length;
		const line = patch.slice(start, end);
		start = end + 1;
		if (oldLeft > 0 || newLeft > 0) {
			const mark = line[0];
			if (mark === '+') {
				const body = line.endsWith('\r') ? line.slice(1, -1) : line.slice(1);
				current?.lines.push(nextLine);
				current?.text.set(nextLine, body);
				nextLine++;
				newLeft--;
			} else if (mark === '-') oldLeft--;
			else if (mark === ' ') {
				oldLeft--;
				newLeft--;
				nextLine++;
			}
			// `\ No newline at end of file` belongs to the line before it and counts for neither side.
			continue;
		}
		if (line.startsWith('diff --git ')) current = null;
		else if (line.startsWith('+++ ')) {
			const path = patchHeaderPath(line.slice(4), 'b/');
			if (path === null) current = null;
			else {
				current = files.get(path) ?? { path, lines: [], text: new Map() };
				files.set(path, current);
			}
		} else if (line.startsWith('@@ ')) {
			const m = HUNK.exec(line);
			if (!m) continue;
			oldLeft = m[1] === undefined ? 1 : Number(m[1]);
			nextLine = Number(m[2]);
			newLeft = m[3] === undefined ? 1 : Number(m[3]);
		}
	}
	for (const [path, f] of files) if (f.lines.length === 0) files.delete(path);
	return files;
}
