import { readFileSync } from 'node:fs';
import { INITIAL, type StateStack } from '@shikijs/vscode-textmate';
import { createHighlighter, createJavaScriptRegexEngine, type RegexEngine } from 'shiki';
import { describe, expect, test } from 'vitest';
import { joinedRegexEngine, marker, withoutCaptures } from '../../../src/lib/snapshot/scanEngine.ts';
import { decodeSource, sourceLines } from '../../../src/lib/text/decodeSource.ts';
import { highlightCorpus } from '../../helpers/pythonFiles.ts';

type Scanner = ReturnType<RegexEngine['createScanner']>;

/** Scan `str` from every position with both engines' scanners of `patterns`: their answers, side by side. */
function bothScans(patterns: string[], str: string) {
	const shiki = createJavaScriptRegexEngine();
	const joined = joinedRegexEngine();
	const a = shiki.createScanner(patterns);
	const b = joined.createScanner(patterns);
	const s = shiki.createString(str);
	const out: { from: number; shiki: unknown; joined: unknown }[] = [];
	for (let from = 0; from <= str.length; from++)
		out.push({ from, shiki: a.findNextMatchSync(s, from, 0), joined: b.findNextMatchSync(s, from, 0) });
	return out;
}

describe('withoutCaptures', () => {
	test('makes capture groups non-capturing and leaves every other group, escape and class alone', () => {
		expect(withoutCaptures('(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)')).toBe('(?:a)(?:b)(?=c)(?!d)(?<=e)(?<!f)');
		expect(withoutCaptures(String.raw`\((x)\)`)).toBe(String.raw`\((?:x)\)`);
		// In `v` mode classes nest; a bracket or parenthesis inside one is a character.
		expect(withoutCaptures(String.raw`[[a-z]--[(]](b)[\]()](c)`)).toBe(String.raw`[[a-z]--[(]](?:b)[\]()](?:c)`);
		expect(withoutCaptures(String.raw`\\(a)`)).toBe(String.raw`\\(?:a)`);
	});

	test('refuses back-references and named groups, whose numbers and names would change', () => {
		expect(withoutCaptures(String.raw`(a)\1`)).toBeNull();
		expect(withoutCaptures(String.raw`(?<q>a)\k<q>`)).toBeNull();
		expect(withoutCaptures('(?<q>a)')).toBeNull();
	});

	test('what it returns has no capture group left and matches the same strings', () => {
		const source = String.raw`(\p{L}+)\s*(=)\s*([0-9]+|"[^"]*")`;
		const stripped = withoutCaptures(source)!;
		expect(new RegExp(`${stripped}|`, 'v').exec('')!.length).toBe(1);
		for (const s of ['x = 1', 'name="v"', '= 2', 'x ='])
			expect(new RegExp(stripped, 'v').exec(s)?.[0], s).toBe(new RegExp(source, 'v').exec(s)?.[0]);
	});
});

describe('one search for many patterns', () => {
	test('the earliest match wins; on a tie, the lowest-numbered pattern; each with its own groups', () => {
		const scans = bothScans(['(b)c', 'a(b)', '(a)(b)?', 'x|(y)'], 'zabcabyx');
		for (const scan of scans) expect(scan.joined, `from ${scan.from}`).toEqual(scan.shiki);
		// From 1, patterns 1 and 2 both match at 1: pattern 1 wins, with its group at 2-3.
		expect(scans[1]!.joined).toMatchObject({
			index: 1,
			captureIndices: [
				{ start: 1, end: 3 },
				{ start: 2, end: 3 },
			],
		});
		// From 2, pattern 0 (at 2) comes before pattern 1 (at 4).
		expect(scans[2]!.joined).toMatchObject({ index: 0 });
	});

	test('in a long list, joined in runs: ties within a run and across runs go to the lowest number', () => {
		// Eleven patterns are joined in runs of four: 0-3, 4-7, 8-10. `a(b)` (3) and `ab` (4) tie across runs,
		// `x+` (5) and `(x)y` (6) within one; `x+` and `zz` win again and again with other lengths (a
		// winner without groups of its own answers from the joined match alone).
		const patterns = ['k0', 'k1', 'k2', 'a(b)', 'ab', 'x+', '(x)y', 'q', 'z(z)?', 'zz', 'y'];
		for (const str of ['abxxxyzzq ab xy xxy zz z', 'xy x xxxx zzz qab', 'k2 k1 k0 y'])
			for (const scan of bothScans(patterns, str)) expect(scan.joined, `${str} from ${scan.from}`).toEqual(scan.shiki);
		const scans = bothScans(patterns, 'abxy');
		expect(scans[0]!.joined).toMatchObject({ index: 3 });
		expect(scans[2]!.joined).toMatchObject({ index: 5, captureIndices: [{ start: 2, end: 3 }] });
	});

	test('patterns kept apart (a back-reference, a \\G anchor) still compete by position and number', () => {
		const patterns = [String.raw`(["'])x\1`, String.raw`\G-`, '"', String.raw`x(?=')`, 'q'];
		for (const str of [`"x" 'x'`, `-'x' q`, `q"x"-`, ''])
			for (const scan of bothScans(patterns, str)) expect(scan.joined, `${str} from ${scan.from}`).toEqual(scan.shiki);
	});

	test('lookbehind sees the text before the start; empty matches are answers', () => {
		const patterns = [String.raw`(?<=a)b`, '(?=c)', String.raw`^\s*$`, '$'];
		for (const str of ['abc', 'bc', '  ', 'cab'])
			for (const scan of bothScans(patterns, str)) expect(scan.joined, `${str} from ${scan.from}`).toEqual(scan.shiki);
	});

	test('a joined match names its first group that took part, and one with a group too many is an error, not a wrong answer', () => {
		expect(marker(/(a)|(b)|(c)/.exec('xb')!, 3)).toBe(2);
		// A pattern that kept a capture group of its own would shift every marker after it.
		expect(() => marker(/((a)x)|(b)/.exec('b')!, 2)).toThrow(/a joined search has 3 groups, not 2/);
	});

	test('no match anywhere is null, as in Shiki', () => {
		const scans = bothScans(['a', 'b(c)'], 'xyz');
		expect(scans.every((s) => s.joined === null && s.shiki === null)).toBe(true);
	});
});

/** An engine that answers with Shiki's scanner and records where the joined scanner would answer otherwise. */
function comparingEngine(): { engine: RegexEngine; scans: number; joinedScans: number; differences: string[] } {
	const shiki = createJavaScriptRegexEngine();
	const joined = joinedRegexEngine();
	const record = { scans: 0, joinedScans: 0, differences: [] as string[] };
	const engine: RegexEngine = {
		createScanner(patterns) {
			const a = shiki.createScanner(patterns);
			const b = joined.createScanner(patterns) as Scanner & { joinedPatterns: number };
			return {
				findNextMatchSync(string, start, options) {
					const expected = a.findNextMatchSync(string, start, options);
					const got = b.findNextMatchSync(string, start, options);
					record.scans++;
					if (b.joinedPatterns > 1) record.joinedScans++;
					if (JSON.stringify(got) !== JSON.stringify(expected) && record.differences.length < 5)
						record.differences.push(
							`${JSON.stringify(typeof string === 'string' ? string : string.content)} from ${start}`,
						);
					return expected;
				},
			};
		},
		createString: shiki.createString,
	};
	return Object.assign(record, { engine });
}

test("every scan of Python on the example backend and the hostile fixtures answers as Shiki's scanner does", async () => {
	const files = highlightCorpus();
	expect(files.length).toBeGreaterThan(20);
	const compare = comparingEngine();
	const shiki = await createHighlighter({ themes: [], langs: ['python'], engine: compare.engine });
	const grammar = shiki.getLanguage('python');
	for (const file of files) {
		const lines = sourceLines(decodeSource(readFileSync(file)).text);
		if (lines.length > 5000) continue;
		let state: StateStack = INITIAL;
		for (const line of lines) state = grammar.tokenizeLine(line, state).ruleStack;
	}
	expect(compare.differences).toEqual([]);
	expect(compare.scans).toBeGreaterThan(10_000);
	// Python's big pattern lists are joined: most scans go through a joined search.
	expect(compare.joinedScans / compare.scans).toBeGreaterThan(0.5);
}, 120_000);
