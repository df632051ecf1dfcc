/**
 * The members of a coverage.py file entry, read from the report's bytes: the summary parsed without
 * a string per key, line lists and arc lists checked (and a line list turned into ranges) without
 * building arrays of 100,000 numbers.
 */

import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './jsonBytes.ts';
import { expect, integerEnd, isDigit, MINUS, numberEnd, skipWs, stringEnd } from './jsonScan.ts';
import { keyAt, knownKeys, numberAt, parseSlice, stringAt } from './jsonValues.ts';
import { compactLineRanges } from '../text/lineRanges.ts';

/** coverage.py's summary keys, so that parsing 100,000 summaries makes no new key strings. */
const SUMMARY_KEYS = knownKeys([
	'covered_lines',
	'num_statements',
	'percent_covered',
	'percent_covered_display',
	'missing_lines',
	'excluded_lines',
	'num_branches',
	'num_partial_branches',
	'covered_branches',
	'missing_branches',
]);

/** The keys of a file entry, likewise. */
export const FILE_KEYS = knownKeys([
	'executed_lines',
	'summary',
	'missing_lines',
	'excluded_lines',
	'executed_branches',
	'missing_branches',
	'functions',
	'classes',
]);

/**
 * Parse a summary object (numbers, strings, booleans, null) straight from the bytes; a nested value
 * is left to `JSON.parse`. A 100 MB report has 100,000+ summaries, so this avoids a string per summary.
 */
export function parseSummary(b: Buffer, start: number, end: number): unknown {
	const obj: Record<string, unknown> = {};
	let i = start;
	i = skipWs(b, expect(b, i, OPEN_BRACE));
	if (b[i] === CLOSE_BRACE) return obj;
	for (;;) {
		const keyStart = skipWs(b, i);
		const keyEnd = stringEnd(b, keyStart);
		const key = keyAt(b, keyStart, keyEnd, SUMMARY_KEYS);
		i = skipWs(b, expect(b, skipWs(b, keyEnd), COLON));
		const c = b[i]!;
		let value: unknown;
		if (isDigit(c) || c === MINUS) {
			const from = i;
			i = numberEnd(b, i);
			value = numberAt(b, from, i);
		} else if (c === QUOTE) {
			const from = i;
			i = stringEnd(b, i);
			value = stringAt(b, from, i);
		} else if (c === 116 && b.toString('latin1', i, i + 4) === 'true') {
			value = true;
			i += 4;
		} else if (c === 102 && b.toString('latin1', i, i + 5) === 'false') {
			value = false;
			i += 5;
		} else if (c === 110 && b.toString('latin1', i, i + 4) === 'null') {
			value = null;
			i += 4;
		} else return parseSlice(b, start, end); // a nested value: not coverage.py's, but JSON all the same
		obj[key] = value;
		i = skipWs(b, i);
		if (b[i] === COMMA) {
			i++;
			continue;
		}
		expect(b, i, CLOSE_BRACE);
		return obj;
	}
}

/** End of `[n, n, …]` (whole numbers ≥ 0) at `i`. */
export function lineListEnd(b: Uint8Array, i: number): number {
	i = skipWs(b, expect(b, i, OPEN_BRACKET));
	if (b[i] === CLOSE_BRACKET) return i + 1;
	for (;;) {
		i = skipWs(b, integerEnd(b, i, false));
		if (b[i] === COMMA) i = skipWs(b, i + 1);
		else return expect(b, i, CLOSE_BRACKET);
	}
}

/** The whole numbers of the list at `start` (checked by `lineListEnd`) as `compactLineRanges` text. */
export function lineListRanges(b: Uint8Array, start: number, end: number): string {
	const lines: number[] = [];
	let value = -1;
	for (let i = start; i < end; i++) {
		const c = b[i]!;
		if (isDigit(c)) value = (value < 0 ? 0 : value * 10) + (c - 48);
		else if (value >= 0) {
			lines.push(value);
			value = -1;
		}
	}
	return compactLineRanges(lines);
}

/** End of `[[a, b], …]` (whole numbers, maybe negative) at `i`. */
export function arcListEnd(b: Uint8Array, i: number): number {
	i = skipWs(b, expect(b, i, OPEN_BRACKET));
	if (b[i] === CLOSE_BRACKET) return i + 1;
	for (;;) {
		i = skipWs(b, expect(b, i, OPEN_BRACKET));
		i = skipWs(b, integerEnd(b, i, true));
		i = skipWs(b, expect(b, i, COMMA));
		i = skipWs(b, integerEnd(b, i, true));
		i = skipWs(b, expect(b, i, CLOSE_BRACKET));
		if (b[i] === COMMA) i = skipWs(b, i + 1);
		else return expect(b, i, CLOSE_BRACKET);
	}
}
