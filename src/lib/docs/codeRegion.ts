import { DataError } from '../dataDir/dataError.ts';

/**
 * Marker comments that delimit a named region in an example file:
 * `# region: <name>` … `# endregion: <name>` (Python, shell, INI) or `// region: <name>` (TS/JS).
 */
const MARKER = /^[ \t]*(?:#|\/\/)[ \t]*(region|endregion):[ \t]*([\w.-]+)[ \t]*$/;

/** A named region of a file: where its code starts (1-based line) and the code itself. */
export interface CodeRegion {
	name: string;
	/** Line number, in the whole file, of the region's first code line. */
	startLine: number;
	/** The region's lines, common indentation removed, other regions' markers dropped. */
	code: string;
}

/** Remove the indentation every non-blank line shares, so a region cut from a class body reads flush left. */
export function dedent(lines: string[]): string[] {
	const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0]);
	let common = indents[0] ?? '';
	for (const indent of indents) {
		let i = 0;
		while (i < common.length && common[i] === indent[i]) i++;
		common = common.slice(0, i);
	}
	return lines.map((line) => (line.trim() === '' ? '' : line.slice(common.length)));
}

/** The names of every region in a file, in the order they open. */
export function regionNames(source: string): string[] {
	const names: string[] = [];
	for (const line of source.split(/\r?\n/)) {
		const m = MARKER.exec(line);
		if (m && m[1] === 'region') names.push(m[2]!);
	}
	return names;
}

/**
 * Cut the region `name` out of `source` (the text of `file`). Regions may nest or overlap; markers
 * of other regions inside it are left out. A region that is missing, unclosed or opened twice is a
 * `DataError` naming the file and the region, so a guide that includes it fails the build.
 */
export function extractRegion(source: string, name: string, file: string): CodeRegion {
	const lines = source.split(/\r?\n/);
	let start = -1;
	let end = -1;
	for (let i = 0; i < lines.length; i++) {
		const m = MARKER.exec(lines[i]!);
		if (!m || m[2] !== name) continue;
		if (m[1] === 'region') {
			if (start !== -1) fail(file, name, `opened twice (lines ${start} and ${i + 1})`);
			start = i + 1;
		} else {
			if (start === -1) fail(file, name, `closed on line ${i + 1} before it is opened`);
			end = i;
			break;
		}
	}
	if (start === -1) {
		const known = regionNames(source);
		fail(file, name, `not found (regions in the file: ${known.length ? known.join(', ') : 'none'})`);
	}
	if (end === -1) fail(file, name, `opened on line ${start} but never closed with "endregion: ${name}"`);
	const body = lines.slice(start, end).filter((line) => !MARKER.test(line));
	// Trim blank lines at either end: they are spacing around the markers, not code.
	while (body.length && body[0]!.trim() === '') body.shift();
	while (body.length && body.at(-1)!.trim() === '') body.pop();
	if (body.length === 0) fail(file, name, 'is empty');
	const firstCode = lines.findIndex((line, i) => i >= start && i < end && line.trim() !== '' && !MARKER.test(line));
	return { name, startLine: firstCode + 1, code: dedent(body).join('\n') };
}

function fail(file: string, name: string, what: string): never {
	throw new DataError([{ file, path: '', message: `region "${name}" ${what}` }]);
}
