import { readFileSync } from 'node:fs';
import { createHighlighter, createOnigurumaEngine } from 'shiki';
import { beforeAll, expect, test } from 'vitest';
import {
	lineHighlighter,
	MAX_HIGHLIGHTED_LINES,
	THEMES,
	type LineHighlighter,
	type ResolvedTheme,
} from '../../../src/lib/snapshot/highlight.ts';
import { unpackTokens, type TokenStyle } from '../../../src/lib/snapshot/sourceFileJson.ts';
import { readableOn } from '../../../src/lib/snapshot/colorContrast.ts';
import { joinedRegexEngine } from '../../../src/lib/snapshot/scanEngine.ts';
import { decodeSource, sourceLines } from '../../../src/lib/text/decodeSource.ts';
import { highlightCorpus } from '../../helpers/pythonFiles.ts';

type Shiki = Awaited<ReturnType<typeof createHighlighter>>;
let oniguruma: Shiki;
let highlighter: LineHighlighter;
let shikiJs: Shiki;
beforeAll(async () => {
	oniguruma = await createHighlighter({
		themes: [THEMES.light, THEMES.dark],
		langs: ['python'],
		engine: createOnigurumaEngine(import('shiki/wasm')),
	});
	// The build's engine: Shiki's JavaScript engine with joined searches (`scanEngine.ts`).
	shikiJs = await createHighlighter({
		themes: [THEMES.light, THEMES.dark],
		langs: ['python'],
		engine: joinedRegexEngine(),
	});
	highlighter = lineHighlighter({
		grammar: shikiJs.getLanguage('python'),
		light: shikiJs.getTheme(THEMES.light) as ResolvedTheme,
		dark: shikiJs.getTheme(THEMES.dark) as ResolvedTheme,
	});
});

const source = ['def greet(name: str) -> str:', '    """Say hello."""', '    return f"hello {name}"', '', '# done'];

/** Per character of the line, its `light dark font` as Shiki's own two-theme tokens colour it (whitespace left out). */
function shikiColours(lines: string[]): string[][] {
	const light = oniguruma.getTheme(THEMES.light);
	const dark = oniguruma.getTheme(THEMES.dark);
	const result = oniguruma.codeToTokens(lines.join('\n'), {
		lang: 'python',
		themes: THEMES,
		defaultColor: false,
		tokenizeMaxLineLength: 2000,
	});
	const font: Record<string, number> = { italic: 1, bold: 2, underline: 4 };
	return lines.map((line, n) => {
		const out: string[] = [];
		for (const t of result.tokens[n] ?? []) {
			const s = t.htmlStyle ?? {};
			const l = (s['--shiki-light'] ?? light.fg).toLowerCase();
			const d = (s['--shiki-dark'] ?? dark.fg).toLowerCase();
			const f = font[s['--shiki-dark-font-style'] ?? s['--shiki-light-font-style'] ?? ''] ?? 0;
			const plain = l === light.fg.toLowerCase() && d === dark.fg.toLowerCase() && f === 0;
			const style = plain ? 'plain' : `${readableOn(l, light.bg)} ${readableOn(d, dark.bg)} ${f}`;
			for (const ch of t.content) out.push(/\s/.test(ch) ? ' ' : style);
		}
		while (out.length < line.length) out.push(/\s/.test(line[out.length]!) ? ' ' : 'plain');
		return out;
	});
}

/** The same from our packed tokens. */
function ourColours(lines: string[], tokens: number[][], styles: TokenStyle[]): string[][] {
	return lines.map((line, n) => {
		const out: string[] = [];
		for (const t of unpackTokens(tokens[n]!)) {
			const s = t.style === 0 ? 'plain' : styles[t.style - 1]!.join(' ');
			for (let k = 0; k < t.length; k++) out.push(/\s/.test(line[out.length]!) ? ' ' : s);
		}
		while (out.length < line.length) out.push(/\s/.test(line[out.length]!) ? ' ' : 'plain');
		return out;
	});
}

test("one tokenisation colours every character as Shiki's two-theme Oniguruma highlight does, on the example backend and the hostile fixture", () => {
	const files = highlightCorpus();
	expect(files.length).toBeGreaterThan(20);
	for (const file of files) {
		const lines = sourceLines(decodeSource(readFileSync(file)).text);
		if (lines.length > MAX_HIGHLIGHTED_LINES) continue;
		const { tokens, styles } = highlighter.highlight(lines);
		expect(ourColours(lines, tokens, styles), file).toEqual(shikiColours(lines));
	}
}, 120_000);

test("every line's tokens cover it exactly, and keywords, strings and comments get styles", () => {
	const { tokens, styles } = highlighter.highlight(source);
	expect(tokens).toHaveLength(source.length);
	tokens.forEach((packed, n) => {
		if (source[n] === '') return;
		expect(
			unpackTokens(packed).reduce((sum, t) => sum + t.length, 0),
			`line ${n + 1}`,
		).toBe(source[n]!.length);
	});
	expect(unpackTokens(tokens[0]!).some((t) => t.style > 0)).toBe(true);
	expect(tokens[3]).toEqual([]);
	expect(styles.length).toBeGreaterThan(1);
	for (const [light, dark] of styles) {
		expect(light).toMatch(/^#[0-9a-f]{6}/);
		expect(dark).toMatch(/^#[0-9a-f]{6}/);
	}
});

test('one style per distinct colour pair: the same kind of token shares it', () => {
	const { tokens, styles } = highlighter.highlight(['x = "a"', 'y = "b"', 'z = 1']);
	const stringStyle = (n: number) => unpackTokens(tokens[n]!).at(-1)!.style;
	expect(stringStyle(0)).toBeGreaterThan(0);
	expect(stringStyle(0)).toBe(stringStyle(1));
	expect(new Set(styles.map((s) => s.join(' '))).size).toBe(styles.length);
});

test('a multi-line string keeps its colour on the lines after the one that opens it', () => {
	const { tokens } = highlighter.highlight(['x = """', 'def not_code():', '"""', 'def code():']);
	// Inside the string the whole line is one string-coloured run; after it, `def` is a keyword again.
	expect(unpackTokens(tokens[1]!)).toEqual([{ length: 15, style: expect.any(Number) }]);
	expect(unpackTokens(tokens[1]!)[0]!.style).toBeGreaterThan(0);
	expect(unpackTokens(tokens[3]!).length).toBeGreaterThan(1);
});

test('a file over the line limit is shown plain, without asking the highlighter', () => {
	const lines = Array.from({ length: MAX_HIGHLIGHTED_LINES + 1 }, () => 'x = 1');
	const { tokens, styles } = highlighter.highlight(lines);
	expect(styles).toEqual([]);
	expect(tokens.every((t) => t.length === 0)).toBe(true);
});

test("a line's kept tokens are reused only in the same tokenizer state: the same text inside a string is tokenised again", () => {
	const code = ['def code():', '    return 1'];
	const inString = ['x = """', ...code, '"""', ...code];
	// The highlighter has seen `code` before (other tests and this one); a fresh one has not.
	highlighter.highlight(code);
	const warm = highlighter.highlight(inString);
	const fresh = lineHighlighter({
		grammar: shikiJs.getLanguage('python'),
		light: shikiJs.getTheme(THEMES.light) as ResolvedTheme,
		dark: shikiJs.getTheme(THEMES.dark) as ResolvedTheme,
	}).highlight(inString);
	expect(warm).toEqual(fresh);
	// Inside the string `def code():` is one string-coloured run; after it, `def` is a keyword again.
	expect(unpackTokens(warm.tokens[1]!)).toHaveLength(1);
	expect(unpackTokens(warm.tokens[4]!).length).toBeGreaterThan(1);
	expect(ourColours(inString, warm.tokens, warm.styles)).toEqual(shikiColours(inString));
});
