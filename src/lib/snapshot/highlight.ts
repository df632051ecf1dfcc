/**
 * Highlighting a source file at build time with Shiki, in the two Night Owl themes that Starlight's
 * code blocks use (its `starlight-dark` and `starlight-light` are Night Owl), packed into the compact
 * tokens of `sourceFileJson`. One highlighter serves the whole build (`src/data/highlighter.ts`).
 *
 * Each file is tokenised once: Shiki's grammar gives every token its TextMate scopes, and each
 * distinct scope list is coloured in both themes by the themes' own matcher (vscode-textmate's
 * `Theme`, the class Shiki itself colours with). Shiki's two-theme `codeToTokens` tokenises the file
 * once per theme, because a tokeniser's colours are fixed to the theme set when it runs; for the
 * 400,000 lines of a 2,000-file backend that second pass was half of the highlighting time.
 */
import { INITIAL, Theme, type IGrammar, type IRawTheme, type StateStack } from '@shikijs/vscode-textmate';
import { readableOn } from './colorContrast.ts';
import { packTokens, type PackedTokens, type Token, type TokenStyle } from './sourceFileJson.ts';

/** Shiki's themes for light and dark mode (token colours made readable on their backgrounds, see `colorContrast`). */
export const THEMES = { light: 'night-owl-light', dark: 'night-owl' } as const;

/** Beyond this many lines a file is shown without colours: highlighting it would cost the build more than it gives. */
export const MAX_HIGHLIGHTED_LINES = 20_000;
/** Lines this long or longer are left plain by the tokenizer (minified or generated code), as Shiki's `tokenizeMaxLineLength`. */
export const MAX_HIGHLIGHTED_LINE_LENGTH = 2_000;
/** Shiki's default time limit for one line, in milliseconds. */
const LINE_TIME_LIMIT = 500;

/** A theme as Shiki resolves it: its TextMate rules and its default colours. */
export interface ResolvedTheme extends IRawTheme {
	fg: string;
	bg: string;
}

/** What highlighting needs from Shiki: the language's grammar and the two resolved themes. */
export interface HighlightSetup {
	grammar: IGrammar;
	light: ResolvedTheme;
	dark: ResolvedTheme;
}

/** A theme ready to colour scope lists. */
interface Painter {
	theme: Theme;
	colors: string[];
	fg: string;
	bg: string;
}

// The scope path vscode-textmate's matcher walks (its own ScopeStack is not exported; this is its shape).
interface ScopePath {
	parent: ScopePath | null;
	scopeName: string;
}

const NOT_SET = -1;

function painter(theme: ResolvedTheme): Painter {
	const t = Theme.createFromRawTheme(theme);
	return { theme: t, colors: t.getColorMap(), fg: theme.fg.toLowerCase(), bg: theme.bg };
}

/**
 * The colour and font style of a token with these scopes, merged scope by scope from the outermost
 * as vscode-textmate merges a token's attributes (a rule's unset font style or colour keeps the outer one).
 */
function paint(p: Painter, scopes: readonly string[]): { color: string; font: number } {
	const defaults = p.theme.getDefaults();
	let font = defaults.fontStyle;
	let fg = defaults.foregroundId;
	let path: ScopePath | null = null;
	for (const scope of scopes)
		for (const name of scope.split(' ')) {
			path = { parent: path, scopeName: name };
			const m = p.theme.match(path as Parameters<Theme['match']>[0]);
			if (!m) continue;
			if (m.fontStyle !== NOT_SET) font = m.fontStyle;
			if (m.foregroundId !== 0) fg = m.foregroundId;
		}
	return { color: (p.colors[fg] ?? p.fg).toLowerCase(), font: Math.max(font, 0) };
}

/** A node of the tree of scope lists seen: the style of the list that ends here, once known. */
interface ScopeNode {
	next: Map<string, ScopeNode>;
	style?: TokenStyle | null;
}

/** A highlighter of many files: the themes' matchers and each scope list's style, kept between files. */
export interface LineHighlighter {
	/** Tokens per line and the styles they use, for `lines` of code. Plain (no tokens) when too large. */
	highlight(lines: readonly string[]): { tokens: PackedTokens[]; styles: TokenStyle[] };
}

/** Make a highlighter for one language and the two themes. */
export function lineHighlighter(setup: HighlightSetup): LineHighlighter {
	const light = painter(setup.light);
	const dark = painter(setup.dark);
	// Scope list -> [light colour, dark colour, font style], or null for plain text; shared by every file.
	// A tree of scope names rather than a map of joined lists: joining every token's scopes for a key
	// was a tenth of the highlighting time.
	const byScopes: ScopeNode = { next: new Map() };
	// One object per distinct style, so that a file's style list names each once.
	const byColours = new Map<string, TokenStyle>();
	const styleOf = (scopes: string[]): TokenStyle | null => {
		let node = byScopes;
		for (const scope of scopes) {
			let child = node.next.get(scope);
			if (!child) node.next.set(scope, (child = { next: new Map() }));
			node = child;
		}
		let style = node.style;
		if (style === undefined) {
			const l = paint(light, scopes);
			const d = paint(dark, scopes);
			// Text in both themes' own foreground, without a font style, needs no span.
			if (l.color === light.fg && d.color === dark.fg && l.font === 0 && d.font === 0) style = null;
			else {
				const colours = `${l.color} ${d.color} ${l.font || d.font}`;
				style = byColours.get(colours);
				if (!style) {
					style = [readableOn(l.color, light.bg), readableOn(d.color, dark.bg), l.font || d.font];
					byColours.set(colours, style);
				}
			}
			node.style = style;
		}
		return style;
	};
	return {
		highlight(lines) {
			if (lines.length > MAX_HIGHLIGHTED_LINES) return { tokens: lines.map(() => []), styles: [] };
			const styles: TokenStyle[] = [];
			const index = new Map<TokenStyle, number>();
			let state: StateStack = INITIAL;
			const tokens = lines.map((line) => {
				// As Shiki: empty and over-long lines are not tokenised and leave the state as it was.
				if (line === '' || line.length >= MAX_HIGHLIGHTED_LINE_LENGTH) return [];
				const result = setup.grammar.tokenizeLine(line, state, LINE_TIME_LIMIT);
				state = result.ruleStack;
				const out: Token[] = result.tokens.map((t) => {
					const end = Math.min(t.endIndex, line.length);
					const style = styleOf(t.scopes);
					if (style === null || /^\s*$/.test(line.slice(t.startIndex, end)))
						return { length: end - t.startIndex, style: 0 };
					let n = index.get(style);
					if (n === undefined) {
						styles.push(style);
						index.set(style, (n = styles.length));
					}
					return { length: end - t.startIndex, style: n };
				});
				// The tokens cover the line exactly; if they ever do not, the line is shown plain.
				return out.reduce((sum, t) => sum + t.length, 0) === line.length ? packTokens(out) : [];
			});
			return { tokens, styles };
		},
	};
}
