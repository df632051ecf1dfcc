/**
 * Highlighting a source file at build time with Shiki, in the two Night Owl themes that Starlight's
 * code blocks use (its `starlight-dark` and `starlight-light` are Night Owl), packed into the compact
 * tokens of `sourceFileJson`. One highlighter serves the whole build (`src/data/highlighter.ts`).
 */
import type { HighlighterGeneric } from 'shiki';
import { readableOn } from './colorContrast.ts';
import { packTokens, type PackedTokens, type Token, type TokenStyle } from './sourceFileJson.ts';

/** Shiki's themes for light and dark mode (token colours made readable on their backgrounds, see `colorContrast`). */
export const THEMES = { light: 'night-owl-light', dark: 'night-owl' } as const;

/** Beyond this many lines a file is shown without colours: highlighting it would cost the build more than it gives. */
export const MAX_HIGHLIGHTED_LINES = 20_000;
/** Lines longer than this are left plain by the tokenizer (minified or generated code). */
export const MAX_HIGHLIGHTED_LINE_LENGTH = 2_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any language and theme names
type Highlighter = HighlighterGeneric<any, any>;

const FONT_STYLE: Record<string, number> = { italic: 1, bold: 2, underline: 4 };

/** Tokens per line and the styles they use, for `lines` of Python. Plain (no tokens) when too large. */
export function highlightLines(
	highlighter: Highlighter,
	lines: readonly string[],
	lang = 'python',
): { tokens: PackedTokens[]; styles: TokenStyle[] } {
	if (lines.length > MAX_HIGHLIGHTED_LINES) return { tokens: lines.map(() => []), styles: [] };
	const result = highlighter.codeToTokens(lines.join('\n'), {
		lang,
		themes: THEMES,
		defaultColor: false,
		tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE_LENGTH,
	});
	const lightTheme = highlighter.getTheme(THEMES.light);
	const darkTheme = highlighter.getTheme(THEMES.dark);
	const lightFg = lightTheme.fg.toLowerCase();
	const darkFg = darkTheme.fg.toLowerCase();
	const styles: TokenStyle[] = [];
	const index = new Map<string, number>();
	const tokens = lines.map((line, n) => {
		const themed = result.tokens[n] ?? [];
		const out: Token[] = themed.map((t) => {
			const s = t.htmlStyle ?? {};
			const light = (s['--shiki-light'] ?? lightFg).toLowerCase();
			const dark = (s['--shiki-dark'] ?? darkFg).toLowerCase();
			const font = FONT_STYLE[s['--shiki-dark-font-style'] ?? s['--shiki-light-font-style'] ?? ''] ?? 0;
			// Whitespace and text in the themes' own foreground need no span.
			if (/^\s*$/.test(t.content) || (light === lightFg && dark === darkFg && font === 0))
				return { length: t.content.length, style: 0 };
			const key = `${light} ${dark} ${font}`;
			let style = index.get(key);
			if (style === undefined) {
				styles.push([readableOn(light, lightTheme.bg), readableOn(dark, darkTheme.bg), font]);
				index.set(key, (style = styles.length));
			}
			return { length: t.content.length, style };
		});
		// Shiki's tokens cover the line exactly; if they ever do not, the line is shown plain.
		return out.reduce((sum, t) => sum + t.length, 0) === line.length ? packTokens(out) : [];
	});
	return { tokens, styles };
}
