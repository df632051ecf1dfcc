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

import { CLOSE_BRACE, COLON, COMMA, OPEN_BRACE } from './jsonBytes.ts';
import { bomLength, expect, JsonSurprise, skipWs, stringEnd, valueEnd } from './jsonScan.ts';
import { keyAt, parseSlice, stringAt } from './jsonValues.ts';
import { arcListEnd, FILE_KEYS, lineListEnd, lineListRanges, parseSummary } from './coveragepyMembers.ts';
import { SnapshotOutput, type ByteSink } from './snapshotOutput.ts';
import { snapshotFunctions } from './snapshotFile.ts';

/** Scan one file object at `i`: its snapshot members go to `out`, its summary is returned parsed. */
function scanFile(b: Buffer, i: number, out: SnapshotOutput): { end: number; figures: { summary?: unknown } } {
	i = skipWs(b, expect(b, skipWs(b, i), OPEN_BRACE));
	out.byte(OPEN_BRACE);
	const figures: { summary?: unknown } = {};
	let first = true;
	if (b[i] !== CLOSE_BRACE)
		for (;;) {
			const keyStart = skipWs(b, i);
			const keyEnd = stringEnd(b, keyStart);
			const key = keyAt(b, keyStart, keyEnd, FILE_KEYS);
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
function scanFiles(b: Buffer, i: number, out: SnapshotOutput, files: Record<string, unknown>): number {
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
		const out = new SnapshotOutput(b, sink);
		const figures: Record<string, unknown> = {};
		let i = bomLength(b);
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
		if (err instanceof JsonSurprise || err instanceof SyntaxError) return null;
		throw err;
	}
}
