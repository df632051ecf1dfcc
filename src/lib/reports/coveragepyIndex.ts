/**
 * An index of a coverage.py JSON report without parsing it: where each top-level value and each
 * measured file's value lies in the bytes. `trend patch` then parses only the files a diff touches,
 * so a 100 MB report of 130,000 files costs one pass over its bytes, not an object graph of all of them.
 */

import { CLOSE_BRACE, COLON, COMMA, OPEN_BRACE } from './jsonBytes.ts';
import { bomLength, expect, JsonSurprise, skipWs, stringEnd, valueEnd } from './jsonScan.ts';
import { stringAt } from './jsonValues.ts';

/** Byte ranges `[start, end)` of JSON values. */
export interface CoveragePyIndex {
	/** Each top-level key's value (`meta`, `totals`, `files` …). */
	top: Map<string, [number, number]>;
	/** Each measured file's value, by the path the report names it with. */
	files: Map<string, [number, number]>;
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
 * member by member in the same pass. Throws `JsonSurprise` when the bytes are not what coverage.py writes.
 */
function objectMembers(bytes: Buffer, at: number, inner?: string): Members {
	const members = new Map<string, [number, number]>();
	let nested: Map<string, [number, number]> | undefined;
	let i = skipWs(bytes, expect(bytes, at, OPEN_BRACE));
	if (bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
	for (;;) {
		const keyStart = skipWs(bytes, i);
		const keyEnd = stringEnd(bytes, keyStart);
		const key = stringAt(bytes, keyStart, keyEnd);
		const start = skipWs(bytes, expect(bytes, skipWs(bytes, keyEnd), COLON));
		let end: number;
		if (key === inner && bytes[start] === OPEN_BRACE) {
			const sub = objectMembers(bytes, start);
			nested = sub.members;
			end = sub.end;
		} else end = valueEnd(bytes, start);
		// No value at all (`"a": ,`) is not JSON.
		if (end === start) throw new JsonSurprise();
		members.set(key, [start, end]);
		i = skipWs(bytes, end);
		if (bytes[i] === COMMA) {
			i++;
			continue;
		}
		expect(bytes, i, CLOSE_BRACE);
		return nested ? { members, end: i + 1, inner: nested } : { members, end: i + 1 };
	}
}

/** Index a coverage.py JSON report; null when its bytes are not a JSON object with a `files` object. */
export function indexCoveragePyJson(bytes: Buffer): CoveragePyIndex | null {
	let top: Members;
	try {
		top = objectMembers(bytes, skipWs(bytes, bomLength(bytes)), 'files');
	} catch (err) {
		// Odd bytes, or a key with a broken escape: the full parser names the problem.
		if (err instanceof JsonSurprise || err instanceof SyntaxError) return null;
		throw err;
	}
	if (!top.inner || skipWs(bytes, top.end) !== bytes.length) return null;
	return { top: top.members, files: top.inner };
}
