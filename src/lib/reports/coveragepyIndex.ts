/**
 * An index of a coverage.py JSON report without parsing it: where each top-level value and each
 * measured file's value lies in the bytes. `trend patch` then parses only the files a diff touches,
 * so a 100 MB report of 130,000 files costs one pass over its bytes, not an object graph of all of them.
 */

import {
	BACKSLASH,
	CLOSE_BRACE,
	CLOSE_BRACKET,
	COLON,
	COMMA,
	isJsonSpace,
	OPEN_BRACE,
	OPEN_BRACKET,
	QUOTE,
} from './jsonBytes.ts';

/** Byte ranges `[start, end)` of JSON values. */
export interface CoveragePyIndex {
	/** Each top-level key's value (`meta`, `totals`, `files` …). */
	top: Map<string, [number, number]>;
	/** Each measured file's value, by the path the report names it with. */
	files: Map<string, [number, number]>;
}

/** Index of the byte after the string that starts at `at` (a quote); -1 when it never ends. */
function stringEnd(bytes: Buffer, at: number): number {
	let i = at + 1;
	for (;;) {
		const q = bytes.indexOf(QUOTE, i);
		if (q < 0) return -1;
		// A quote preceded by an odd number of backslashes is escaped.
		let k = q - 1;
		while (k > at && bytes[k] === BACKSLASH) k--;
		if ((q - k - 1) % 2 === 0) return q + 1;
		i = q + 1;
	}
}

/** Index of the byte after the value that starts at `at`; -1 on bytes that are not JSON as expected. */
function valueEnd(bytes: Buffer, at: number): number {
	const first = bytes[at];
	if (first === QUOTE) return stringEnd(bytes, at);
	if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
		// A number, true, false or null: up to the next delimiter.
		let i = at;
		while (i < bytes.length) {
			const b = bytes[i]!;
			if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isJsonSpace(b)) break;
			i++;
		}
		return i > at ? i : -1;
	}
	let depth = 0;
	for (let i = at; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === QUOTE) {
			i = stringEnd(bytes, i) - 1;
			if (i < 0) return -1;
		} else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
		else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
			depth--;
			if (depth === 0) return i + 1;
		}
	}
	return -1;
}

/** An object's members (key → value range) and the byte after its closing brace. */
interface Members {
	members: Map<string, [number, number]>;
	end: number;
	/** The members of the value under `inner`, indexed in the same pass. */
	inner?: Map<string, [number, number]>;
}

/**
 * The members of the object that starts at `at`; the value under the key `inner` (an object) is indexed
 * member by member in the same pass. Null when the bytes are not what coverage.py writes.
 */
function objectMembers(bytes: Buffer, at: number, inner?: string): Members | null {
	const members = new Map<string, [number, number]>();
	let nested: Map<string, [number, number]> | undefined;
	let i = at + 1;
	const skip = () => {
		while (i < bytes.length && isJsonSpace(bytes[i]!)) i++;
	};
	skip();
	if (bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
	for (;;) {
		skip();
		if (bytes[i] !== QUOTE) return null;
		const keyEnd = stringEnd(bytes, i);
		if (keyEnd < 0) return null;
		const raw = bytes.toString('utf8', i + 1, keyEnd - 1);
		const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
		i = keyEnd;
		skip();
		if (bytes[i] !== COLON) return null;
		i++;
		skip();
		let valueStop: number;
		if (key === inner && bytes[i] === OPEN_BRACE) {
			const sub = objectMembers(bytes, i);
			if (!sub) return null;
			nested = sub.members;
			valueStop = sub.end;
		} else valueStop = valueEnd(bytes, i);
		if (valueStop < 0) return null;
		members.set(key, [i, valueStop]);
		i = valueStop;
		skip();
		if (bytes[i] === COMMA) {
			i++;
			continue;
		}
		if (bytes[i] !== CLOSE_BRACE) return null;
		return nested ? { members, end: i + 1, inner: nested } : { members, end: i + 1 };
	}
}

/** Index a coverage.py JSON report; null when its bytes are not a JSON object with a `files` object. */
export function indexCoveragePyJson(bytes: Buffer): CoveragePyIndex | null {
	let start = 0;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
	while (start < bytes.length && isJsonSpace(bytes[start]!)) start++;
	if (bytes[start] !== OPEN_BRACE) return null;
	let top: Members | null;
	try {
		top = objectMembers(bytes, start, 'files');
	} catch {
		return null; // a key with a broken escape: let the full parser name the problem
	}
	if (!top?.inner) return null;
	for (let i = top.end; i < bytes.length; i++) if (!isJsonSpace(bytes[i]!)) return null;
	return { top: top.members, files: top.inner };
}
