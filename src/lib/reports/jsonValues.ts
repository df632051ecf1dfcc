/**
 * JSON values read straight from the bytes of a JSON text, where a scan (`jsonScan`) found them:
 * numbers and short strings without a string per value, and keys matched against a known table, so
 * that reading 100,000 coverage.py summaries makes no new key strings.
 */

import { BACKSLASH } from './jsonBytes.ts';
import { isDigit, MINUS } from './jsonScan.ts';

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number whose JSON text runs from `start` to `end`. Up to 15 digits and no exponent, it is
 * digits ÷ 10^decimals: both exact doubles, so one division rounds exactly as `Number()` does.
 */
export function numberAt(b: Buffer, start: number, end: number): number {
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
export function stringAt(b: Buffer, start: number, end: number): string {
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

/** Keys a reader expects, with their bytes, so that a key in the input is matched without decoding it. */
export interface KnownKeys {
	keys: string[];
	bytes: Buffer[];
}

/** The table of `keys`. */
export function knownKeys(keys: string[]): KnownKeys {
	return { keys, bytes: keys.map((k) => Buffer.from(k, 'latin1')) };
}

/** The key string whose bytes sit between the quotes at `start` (opening quote) and `end` (after the closing one). */
export function keyAt(b: Uint8Array, start: number, end: number, known: KnownKeys): string {
	const from = start + 1;
	const len = end - 1 - from;
	for (let k = 0; k < known.bytes.length; k++) {
		const bytes = known.bytes[k]!;
		if (bytes.length !== len) continue;
		let j = 0;
		while (j < len && b[from + j] === bytes[j]) j++;
		if (j === len) return known.keys[k]!;
	}
	return JSON.parse(Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8')) as string;
}

/** Parse one small JSON value (a summary, `meta`, `totals`, a path) from its bytes. */
export function parseSlice(b: Buffer, start: number, end: number): unknown {
	return JSON.parse(b.toString('utf8', start, end));
}
