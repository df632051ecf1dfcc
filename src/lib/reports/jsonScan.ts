/**
 * Scanning JSON in place: where a string, a number or any value that starts at a byte ends, checked
 * as it goes, without decoding it. Both byte-level coverage.py readers (`coveragepyReduce` for
 * `record`, `coveragepyIndex` for `patch`) skip values with these functions. Bytes that are not the
 * JSON expected throw `JsonSurprise`; the readers catch it and let the ordinary parser name the problem.
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

/** `-` */
export const MINUS = 0x2d;

/** Bytes that are not JSON as expected; carries no message, as the ordinary parser gives the real one. */
export class JsonSurprise extends Error {}
const surprise = new JsonSurprise();

/** Whether a byte is an ASCII digit. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Bytes of literals and numbers outside strings: digits - + . e E t r u f a l s n. */
const LITERAL = new Uint8Array(256);
for (const ch of '0123456789-+.eEtrufalsn') LITERAL[ch.charCodeAt(0)] = 1;

/** The first byte at or after `i` that is not JSON whitespace. */
export function skipWs(b: Uint8Array, i: number): number {
	while (i < b.length && isJsonSpace(b[i]!)) i++;
	return i;
}

/** The byte after `i`, which must be `c`. */
export function expect(b: Uint8Array, i: number, c: number): number {
	if (b[i] !== c) throw surprise;
	return i + 1;
}

/** End (after the closing quote) of the JSON string at `i`; a raw control character is not JSON. */
export function stringEnd(b: Uint8Array, i: number): number {
	i = expect(b, i, QUOTE);
	const n = b.length;
	while (i < n) {
		const c = b[i]!;
		if (c === QUOTE) return i + 1;
		if (c === BACKSLASH) i += 2;
		else if (c < 32) throw surprise;
		else i++;
	}
	throw surprise;
}

/** End of a whole number (optionally negative) at `i`; JSON allows no leading zeros. */
export function integerEnd(b: Uint8Array, i: number, negative: boolean): number {
	if (negative && b[i] === MINUS) i++;
	const start = i;
	while (i < b.length && isDigit(b[i]!)) i++;
	if (i === start || (b[start] === 48 && i - start > 1)) throw surprise;
	return i;
}

/** End of a JSON number at `i`, by the grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
export function numberEnd(b: Uint8Array, i: number): number {
	i = integerEnd(b, i, true);
	if (b[i] === 46) {
		const start = ++i;
		while (i < b.length && isDigit(b[i]!)) i++;
		if (i === start) throw surprise;
	}
	if (b[i] === 101 || b[i] === 69) {
		i++;
		if (b[i] === 43 || b[i] === MINUS) i++;
		const start = i;
		while (i < b.length && isDigit(b[i]!)) i++;
		if (i === start) throw surprise;
	}
	return i;
}

/**
 * End of any JSON value at `i`: brackets balanced, strings closed, only literal bytes between. A
 * literal's end may take the whitespace after it (the range still parses); its spelling is left to
 * whoever parses the range.
 */
export function valueEnd(b: Uint8Array, i: number): number {
	let depth = 0;
	const n = b.length;
	while (i < n) {
		const c = b[i]!;
		if (c === QUOTE) {
			i = stringEnd(b, i);
			if (depth === 0) return i;
		} else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
			depth++;
			i++;
		} else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
			if (depth === 0) return i;
			depth--;
			i++;
			if (depth === 0) return i;
		} else if (c === COMMA) {
			if (depth === 0) return i;
			i++;
		} else if (LITERAL[c] === 1 || isJsonSpace(c) || c === COLON) i++;
		else throw surprise;
	}
	throw surprise;
}

/** A byte-order mark's length at the start of `b` (3 for UTF-8's, else 0). */
export function bomLength(b: Uint8Array): number {
	return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}
