/**
 * The wire format of a source page's file (`/coverage/files/<slug>.json`): code, highlight tokens,
 * line marks, branch texts, functions and header figures. Built once per file at build time and
 * read by the file viewer in the browser through the functions here; no highlighter runs there.
 */
import type { SourceState } from './sourceMatch.ts';

/** One colour of the two themes: `[light colour, dark colour, font style]` (font style: 1 italic, 2 bold, 4 underline). */
export type TokenStyle = [string, string, number];

/** Where each field of a `TokenStyle` sits. */
export const TOKEN_STYLE = { light: 0, dark: 1, fontStyle: 2 } as const;

/** A line's tokens as `[length, style, length, style, …]`; style 0 is plain text, n is `styles[n - 1]`. */
export type PackedTokens = number[];

/** A run of a line's text in one style. */
export interface Token {
	length: number;
	/** 0 for plain text, else 1 + the index in `styles`. */
	style: number;
}

/** Pack a line's tokens, merging neighbours of the same style. */
export function packTokens(tokens: readonly Token[]): PackedTokens {
	const out: PackedTokens = [];
	for (const t of tokens) {
		if (t.length === 0) continue;
		if (out.length > 0 && out[out.length - 1] === t.style) out[out.length - 2]! += t.length;
		else out.push(t.length, t.style);
	}
	return out;
}

/** Unpack a line's tokens. */
export function unpackTokens(packed: PackedTokens): Token[] {
	const out: Token[] = [];
	for (let k = 0; k + 1 < packed.length; k += 2) out.push({ length: packed[k]!, style: packed[k + 1]! });
	return out;
}

/** A line's mark, one character per line in `marks`. */
export const MARK = { run: 'r', mis: 'm', par: 'p', exc: 'x', none: '-' } as const;

/** The mark of line `n` (1-based). */
export function markAt(marks: string, n: number): string {
	return marks[n - 1] ?? MARK.none;
}

/** A named function of the file (coverage.py 7 regions). */
export interface SourceFunction {
	name: string;
	/** First line of its code, for the link; null when the snapshot does not say. */
	line: number | null;
	statements: number;
	missing: number;
	/** coverage.py's percentage, unrounded. */
	percent: number;
}

/** The header's figures. */
export interface SourceHeader {
	statements: number;
	missing: number;
	branches: number;
	partial: number;
	excluded: number;
	/** coverage.py's percentage, unrounded. */
	percent: number;
	/** Labels of the domains whose globs match the file. */
	domains: Array<{ label: string; href: string }>;
	snapshotDate: string;
	commit: string | null;
	commitUrl: string | null;
	/** The file in the repository at the snapshot's commit. */
	fileUrl: string | null;
	branchCoverage: boolean;
}

/** One file's page data. */
export interface SourceFileJson {
	path: string;
	state: SourceState;
	/** Whether the snapshot kept executed lines (older ones did not: then no line is marked covered). */
	knowsExecuted: boolean;
	/** Encoding the code was read with; null when no code is shown. */
	encoding: string | null;
	/** The code's lines; empty when it is not shown. */
	lines: string[];
	/** Per line its tokens; an empty list is plain text (very long files and lines are not highlighted). */
	tokens: PackedTokens[];
	styles: TokenStyle[];
	/** One `MARK` per line, as many as the code has lines (or as the last marked line, without code). */
	marks: string;
	/** Per partial line, the targets never jumped to (`34`, `exit`, `anywhere`) and coverage.py's words for them. */
	partial: Array<{ line: number; targets: string[]; texts: string[] }>;
	functions: SourceFunction[];
	header: SourceHeader;
}
