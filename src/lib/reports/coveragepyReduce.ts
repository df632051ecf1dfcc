/**
 * One pass over the bytes of a coverage.py JSON report that keeps what a snapshot needs (`meta`,
 * `totals`, and per file `summary`, `missing_lines`, `missing_branches`, `excluded_lines`, the
 * executed lines as `executed_ranges`, named functions' summaries, see `snapshotFile`) and skips the
 * rest (`executed_branches`, per-class regions) without decoding or building it. On a 100 MB report the skipped parts are most of the bytes, so
 * parsing what is left is several times faster and smaller than `JSON.parse` of the whole text.
 * Every byte is still checked: skipped line lists must be whole numbers, other skipped values plain
 * JSON tokens. Anything unexpected returns null, and the caller parses the whole text the ordinary
 * way, which then names the problem and its place.
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

import { compactLineRanges } from '../text/lineRanges.ts';
import { snapshotFunctions } from './snapshotFile.ts';

const MINUS = 45;

class Surprise extends Error {}
const surprise = new Surprise();

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Bytes of literals and numbers outside strings: digits - + . e E t r u f a l s n. */
const LITERAL = new Uint8Array(256);
for (const ch of '0123456789-+.eEtrufalsn') LITERAL[ch.charCodeAt(0)] = 1;

function skipWs(b: Uint8Array, i: number): number {
	while (i < b.length && isJsonSpace(b[i]!)) i++;
	return i;
}

function expect(b: Uint8Array, i: number, c: number): number {
	if (b[i] !== c) throw surprise;
	return i + 1;
}

/** End (after the closing quote) of the JSON string at `i`. */
function stringEnd(b: Uint8Array, i: number): number {
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
function integerEnd(b: Uint8Array, i: number, negative: boolean): number {
	if (negative && b[i] === MINUS) i++;
	const start = i;
	while (i < b.length && isDigit(b[i]!)) i++;
	if (i === start || (b[start] === 48 && i - start > 1)) throw surprise;
	return i;
}

/** End of a JSON number at `i`, by the grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
function numberEnd(b: Uint8Array, i: number): number {
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

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number whose JSON text runs from `start` to `end`. Up to 15 digits and no exponent, it is
 * digits ÷ 10^decimals: both exact doubles, so one division rounds exactly as `Number()` does.
 */
function numberAt(b: Buffer, start: number, end: number): number {
	let j = start;
	const negative = b[j] === MINUS;
	if (negative) j++;
	let digits = 0;
	let count = 0;
	let decimals = -1;
	for (; j < end; j++) {
		const c = b[j]!;
		if (c === 46) decimals = 0;
		else if (isDigit(c)) {
			digits = digits * 10 + (c - 48);
			count++;
			if (decimals >= 0) decimals++;
		} else return Number(b.toString('latin1', start, end));
	}
	if (count > 15) return Number(b.toString('latin1', start, end));
	const value = decimals > 0 ? digits / POWERS_OF_TEN[decimals]! : digits;
	return negative ? -value : value;
}

/** Short ASCII strings seen before (coverage.py's `percent_covered_display` has a few hundred values). */
const shortStrings = new Map<number, string>();

/** The string whose JSON text runs from `start` (opening quote) to `end` (after the closing quote). */
function stringAt(b: Buffer, start: number, end: number): string {
	let key = end - start <= 8 ? 1 : -1;
	for (let j = start + 1; j < end - 1; j++) {
		const c = b[j]!;
		if (c === BACKSLASH) return JSON.parse(b.toString('utf8', start, end)) as string;
		if (key > 0) key = c < 128 ? key * 128 + c : -1;
	}
	if (key < 0) return b.toString('utf8', start + 1, end - 1);
	let s = shortStrings.get(key);
	if (s === undefined) shortStrings.set(key, (s = b.toString('latin1', start + 1, end - 1)));
	return s;
}

/** coverage.py's summary keys, so that parsing 100,000 summaries makes no new key strings. */
const SUMMARY_KEYS = [
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
];
const SUMMARY_KEY_BYTES = SUMMARY_KEYS.map((k) => Buffer.from(k, 'latin1'));

/** The keys of a file entry, likewise. */
const FILE_KEYS = [
	'executed_lines',
	'summary',
	'missing_lines',
	'excluded_lines',
	'executed_branches',
	'missing_branches',
	'functions',
	'classes',
];
const FILE_KEY_BYTES = FILE_KEYS.map((k) => Buffer.from(k, 'latin1'));

/** The key string whose bytes sit between the quotes at `start` (opening quote) and `end` (after the closing one). */
function keyAt(b: Uint8Array, start: number, end: number, keys = SUMMARY_KEYS, keyBytes = SUMMARY_KEY_BYTES): string {
	const from = start + 1;
	const len = end - 1 - from;
	for (let k = 0; k < keyBytes.length; k++) {
		const known = keyBytes[k]!;
		if (known.length !== len) continue;
		let j = 0;
		while (j < len && b[from + j] === known[j]) j++;
		if (j === len) return keys[k]!;
	}
	return JSON.parse(Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8')) as string;
}

/**
 * Parse a summary object (numbers, strings, booleans, null) straight from the bytes; a nested value
 * is left to `JSON.parse`. A 100 MB report has 100,000+ summaries, so this avoids a string per summary.
 */
function parseSummary(b: Buffer, start: number, end: number): unknown {
	const obj: Record<string, unknown> = {};
	let i = start;
	i = skipWs(b, expect(b, i, OPEN_BRACE));
	if (b[i] === CLOSE_BRACE) return obj;
	for (;;) {
		const keyStart = skipWs(b, i);
		const keyEnd = stringEnd(b, keyStart);
		const key = keyAt(b, keyStart, keyEnd);
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
function lineListEnd(b: Uint8Array, i: number): number {
	i = skipWs(b, expect(b, i, OPEN_BRACKET));
	if (b[i] === CLOSE_BRACKET) return i + 1;
	for (;;) {
		i = skipWs(b, integerEnd(b, i, false));
		if (b[i] === COMMA) i = skipWs(b, i + 1);
		else return expect(b, i, CLOSE_BRACKET);
	}
}

/** The whole numbers of the list at `start` (checked by `lineListEnd`) as `compactLineRanges` text. */
function lineListRanges(b: Uint8Array, start: number, end: number): string {
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
function arcListEnd(b: Uint8Array, i: number): number {
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

/** End of any JSON value at `i`: brackets balanced, strings closed, only literal bytes between. */
function valueEnd(b: Uint8Array, i: number): number {
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

/** Where the snapshot's bytes go, chunk by chunk, in order. */
export type ByteSink = (chunk: Buffer) => void;

const CHUNK = 1 << 20;

/**
 * The snapshot, filled from byte ranges of the input: into one buffer (untouched pages of it cost no
 * memory), or, with a sink, through a 1 MiB chunk so that the snapshot is never held whole.
 */
class Output {
	readonly src: Buffer;
	snap: Buffer;
	readonly sink: ByteSink | undefined;
	snapLength = 0;
	constructor(src: Buffer, sink?: ByteSink) {
		this.src = src;
		this.sink = sink;
		this.snap = Buffer.allocUnsafe(sink ? CHUNK : src.length + 16);
	}
	range(start: number, end: number): void {
		this.copy(this.src, start, end);
	}
	/** Text made here rather than cut from the input (executed line ranges, reduced regions). */
	text(value: string): void {
		const bytes = Buffer.from(value, 'utf8');
		this.copy(bytes, 0, bytes.length);
	}
	byte(c: number): void {
		if (this.sink && this.snapLength >= CHUNK) this.flush();
		this.room(1);
		this.snap[this.snapLength++] = c;
	}
	private copy(from: Buffer, start: number, end: number): void {
		if (this.sink && this.snapLength + (end - start) > CHUNK) {
			this.flush();
			if (end - start > CHUNK) return this.sink(from.subarray(start, end));
		}
		this.room(end - start);
		this.snapLength += from.copy(this.snap, this.snapLength, start, end);
	}
	/** Without a sink the buffer is the input's size, which made text can exceed on odd input: grow it then. */
	private room(n: number): void {
		if (this.snapLength + n <= this.snap.length) return;
		const bigger = Buffer.allocUnsafe(Math.max(this.snap.length * 2, this.snapLength + n));
		this.snap.copy(bigger, 0, 0, this.snapLength);
		this.snap = bigger;
	}
	/** Hand the chunk to the sink (a copy: the chunk buffer is reused). */
	flush(): void {
		if (this.sink && this.snapLength > 0) this.sink(Buffer.from(this.snap.subarray(0, this.snapLength)));
		this.snapLength = 0;
	}
}

/** Parse one small JSON value (a summary, `meta`, `totals`, a path) from its bytes. */
function parseSlice(b: Buffer, start: number, end: number): unknown {
	return JSON.parse(b.toString('utf8', start, end));
}

/** Scan one file object at `i`: its snapshot members go to `out`, its summary is returned parsed. */
function scanFile(b: Buffer, i: number, out: Output): { end: number; figures: { summary?: unknown } } {
	i = skipWs(b, expect(b, skipWs(b, i), OPEN_BRACE));
	out.byte(OPEN_BRACE);
	const figures: { summary?: unknown } = {};
	let first = true;
	if (b[i] !== CLOSE_BRACE)
		for (;;) {
			const keyStart = skipWs(b, i);
			const keyEnd = stringEnd(b, keyStart);
			const key = keyAt(b, keyStart, keyEnd, FILE_KEYS, FILE_KEY_BYTES);
			const start = skipWs(b, expect(b, skipWs(b, keyEnd), COLON));
			let end: number;
			if (key === 'executed_lines' || key === 'excluded_lines' || key === 'missing_lines') end = lineListEnd(b, start);
			else if (key === 'executed_branches' || key === 'missing_branches') end = arcListEnd(b, start);
			else end = valueEnd(b, start);
			if (key === 'summary') figures.summary = parseSummary(b, start, end);
			if (key === 'summary' || key === 'missing_lines' || key === 'missing_branches' || key === 'excluded_lines') {
				if (!first) out.byte(COMMA);
				out.range(keyStart, keyEnd);
				out.byte(COLON);
				out.range(start, end);
				first = false;
			} else if (key === 'executed_lines' || key === 'functions') {
				if (!first) out.byte(COMMA);
				out.text(
					key === 'executed_lines'
						? `"executed_ranges":"${lineListRanges(b, start, end)}"`
						: `"functions":${JSON.stringify(snapshotFunctions(parseSlice(b, start, end) as never) ?? {})}`,
				);
				first = false;
			}
			i = skipWs(b, end);
			if (b[i] === COMMA) {
				i++;
				continue;
			}
			break;
		}
	out.byte(CLOSE_BRACE);
	return { end: expect(b, i, CLOSE_BRACE), figures };
}

/** Scan the `files` object at `i`, filling `files` with each file's parsed summary. */
function scanFiles(b: Buffer, i: number, out: Output, files: Record<string, unknown>): number {
	i = skipWs(b, expect(b, i, OPEN_BRACE));
	out.byte(OPEN_BRACE);
	if (b[i] === CLOSE_BRACE) {
		out.byte(CLOSE_BRACE);
		return i + 1;
	}
	for (let n = 0; ; n++) {
		const pathStart = skipWs(b, i);
		const pathEnd = stringEnd(b, pathStart);
		if (n > 0) out.byte(COMMA);
		out.range(pathStart, pathEnd);
		out.byte(COLON);
		const file = scanFile(b, expect(b, skipWs(b, pathEnd), COLON), out);
		files[stringAt(b, pathStart, pathEnd)] = file.figures;
		i = skipWs(b, file.end);
		if (b[i] === COMMA) {
			i++;
			continue;
		}
		out.byte(CLOSE_BRACE);
		return expect(b, i, CLOSE_BRACE);
	}
}

/** What the reduction gives: the snapshot's bytes, and the figures (per-file summaries) already parsed. */
export interface ReducedReport {
	/** The report with only `meta`, `totals` and per file what `snapshotFile` keeps; null when it went to the sink. */
	snapshot: Buffer | null;
	/** Top-level members parsed, with `files` holding only each file's `summary` (not yet validated). */
	figures: Record<string, unknown>;
}

/**
 * Cut a coverage.py JSON report down to its snapshot (the input's own bytes) and its figures. With a
 * sink the snapshot is streamed to it; on null (bytes not shaped as expected: the caller then parses
 * the whole text) whatever the sink received is to be thrown away.
 */
export function reduceCoveragePyJson(b: Buffer, sink?: ByteSink): ReducedReport | null {
	try {
		const out = new Output(b, sink);
		const figures: Record<string, unknown> = {};
		let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // UTF-8 byte-order mark
		i = skipWs(b, expect(b, skipWs(b, i), OPEN_BRACE));
		out.byte(OPEN_BRACE);
		if (b[i] === CLOSE_BRACE) return null;
		for (let n = 0; ; n++) {
			const keyStart = skipWs(b, i);
			const keyEnd = stringEnd(b, keyStart);
			const key = parseSlice(b, keyStart, keyEnd) as string;
			const start = skipWs(b, expect(b, skipWs(b, keyEnd), COLON));
			if (n > 0) out.byte(COMMA);
			out.range(keyStart, keyEnd);
			out.byte(COLON);
			if (key === 'files') {
				// A repeated key replaces the earlier value, as in JSON.parse; no prototype, so "__proto__" is just a path.
				const files: Record<string, unknown> = Object.create(null);
				i = scanFiles(b, start, out, files);
				figures.files = files;
			} else {
				const end = valueEnd(b, start);
				out.range(start, end);
				figures[key] = parseSlice(b, start, end);
				i = end;
			}
			i = skipWs(b, i);
			if (b[i] === COMMA) {
				i++;
				continue;
			}
			i = skipWs(b, expect(b, i, CLOSE_BRACE));
			if (i !== b.length) return null;
			out.byte(CLOSE_BRACE);
			out.byte(10);
			if (sink) {
				out.flush();
				return { snapshot: null, figures };
			}
			return { snapshot: out.snap.subarray(0, out.snapLength), figures };
		}
	} catch (err) {
		// Odd bytes, or a slice JSON.parse refused: the ordinary parse will say what and where.
		if (err instanceof Surprise || err instanceof SyntaxError) return null;
		throw err;
	}
}
