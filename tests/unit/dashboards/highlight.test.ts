import { createHighlighter } from 'shiki';
import { beforeAll, expect, test } from 'vitest';
import { highlightLines, MAX_HIGHLIGHTED_LINES, THEMES } from '../../../src/lib/snapshot/highlight.ts';
import { unpackTokens } from '../../../src/lib/snapshot/sourceFileJson.ts';

let highlighter: Awaited<ReturnType<typeof createHighlighter>>;
beforeAll(async () => {
	highlighter = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: ['python'] });
});

const source = ['def greet(name: str) -> str:', '    """Say hello."""', '    return f"hello {name}"', '', '# done'];

test("every line's tokens cover it exactly, and keywords, strings and comments get styles", () => {
	const { tokens, styles } = highlightLines(highlighter, source);
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
	const { tokens } = highlightLines(highlighter, ['x = "a"', 'y = "b"']);
	const stringStyle = (n: number) => unpackTokens(tokens[n]!).at(-1)!.style;
	expect(stringStyle(0)).toBeGreaterThan(0);
	expect(stringStyle(0)).toBe(stringStyle(1));
});

test('a file over the line limit is shown plain, without asking the highlighter', () => {
	const lines = Array.from({ length: MAX_HIGHLIGHTED_LINES + 1 }, () => 'x = 1');
	const { tokens, styles } = highlightLines(highlighter, lines);
	expect(styles).toEqual([]);
	expect(tokens.every((t) => t.length === 0)).toBe(true);
});
