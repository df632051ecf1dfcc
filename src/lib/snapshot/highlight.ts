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
 *
 * A line met again in the same tokenizer state (in any file of the build) reuses its tokens instead of
 * being tokenised again: on Python's standard library (300,000 lines) that saved about a tenth of the
 * time; on generated or templated code, whose lines repeat across files, nearly all of it.
 */
import {
	INITIAL,
	Theme,
	type IGrammar,
	type IRawTheme,
	type StateStack,
	type StateStackImpl,
} from '@shikijs/vscode-textmate';
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
	style?: number;
}

/** A highlighter of many files: the themes' matchers, each scope list's style and each line's tokens, kept between files. */
export interface LineHighlighter {
	/** Tokens per line and the styles they use, for `lines` of code. Plain (no tokens) when too large. */
	highlight(lines: readonly string[]): { tokens: PackedTokens[]; styles: TokenStyle[] };
}

/** Lines whose tokens are kept for reuse, at most: past this, new lines are tokenised and not kept (memory). */
export const MAX_KEPT_LINES = 200_000;

/** A line's tokens with the build-wide style numbers (0 plain), and the tokenizer's state after it. */
interface KeptLine {
	packed: PackedTokens;
	end: StateStack;
}

/** Make a highlighter for one language and the two themes. */
export function lineHighlighter(setup: HighlightSetup): LineHighlighter {
	const light = painter(setup.light);
	const dark = painter(setup.dark);
	// Scope list -> build-wide style number (0 for plain text), shared by every file.
	// A tree of scope names rather than a map of joined lists: joining every token's scopes for a key
	// was a tenth of the highlighting time.
	const byScopes: ScopeNode = { next: new Map() };
	// One number per distinct style; a file's own style list names each it uses once.
	const byColours = new Map<string, number>();
	const allStyles: TokenStyle[] = [];
	const styleOf = (scopes: string[]): number => {
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
			if (l.color === light.fg && d.color === dark.fg && l.font === 0 && d.font === 0) style = 0;
			else {
				const colours = `${l.color} ${d.color} ${l.font || d.font}`;
				style = byColours.get(colours);
				if (style === undefined) {
					allStyles.push([readableOn(l.color, light.bg), readableOn(d.color, dark.bg), l.font || d.font]);
					byColours.set(colours, (style = allStyles.length));
				}
			}
			node.style = style;
		}
		return style;
	};
	// The tokens of a line depend only on its text and the tokenizer's state before it, so a line seen
	// before in the same state (a blank-ish line, `else:`, `return None`, a licence header, a repeated
	// import) is not tokenised again. States are told apart by `stateKeys`, which names every field of
	// the state that tokenising reads.
	const stateKeys = stateKeyer();
	// State name -> line -> its tokens (two maps: a joined key would be a new string per line to hash).
	const kept = new Map<string, Map<string, KeptLine>>();
	let keptLines = 0;
	const tokenise = (line: string, state: StateStack): KeptLine => {
		const stateName = stateKeys(state);
		let inState = kept.get(stateName);
		if (!inState) kept.set(stateName, (inState = new Map()));
		const known = inState.get(line);
		if (known) return known;
		const result = setup.grammar.tokenizeLine(line, state, LINE_TIME_LIMIT);
		const out: Token[] = [];
		let covered = 0;
		for (const t of result.tokens) {
			const end = Math.min(t.endIndex, line.length);
			const style = styleOf(t.scopes);
			out.push({ length: end - t.startIndex, style: style === 0 || isBlank(line, t.startIndex, end) ? 0 : style });
			covered += end - t.startIndex;
		}
		// The tokens cover the line exactly; if they ever do not, the line is shown plain.
		const entry = { packed: covered === line.length ? packTokens(out) : [], end: result.ruleStack };
		// A line cut short by the time limit is not kept: another time it may finish.
		if (!result.stoppedEarly && keptLines < MAX_KEPT_LINES) {
			inState.set(line, entry);
			keptLines++;
		}
		return entry;
	};
	return {
		highlight(lines) {
			if (lines.length > MAX_HIGHLIGHTED_LINES) return { tokens: lines.map(() => []), styles: [] };
			const styles: TokenStyle[] = [];
			// Build-wide style number -> this file's (1 + index in `styles`).
			const local = new Map<number, number>();
			let state: StateStack = INITIAL;
			const tokens = lines.map((line) => {
				// As Shiki: empty and over-long lines are not tokenised and leave the state as it was.
				if (line === '' || line.length >= MAX_HIGHLIGHTED_LINE_LENGTH) return [];
				const { packed, end } = tokenise(line, state);
				state = end;
				const own = packed.slice();
				for (let k = 1; k < own.length; k += 2) {
					const style = own[k]!;
					if (style === 0) continue;
					let n = local.get(style);
					if (n === undefined) {
						styles.push(allStyles[style - 1]!);
						local.set(style, (n = styles.length));
					}
					own[k] = n;
				}
				return own;
			});
			return { tokens, styles };
		},
	};
}

/** Whether `line` holds only whitespace from `start` to `end` (a token there needs no colour). */
function isBlank(line: string, start: number, end: number): boolean {
	WHITESPACE.lastIndex = start;
	const m = WHITESPACE.exec(line);
	return m !== null && m.index === start && start + m[0].length >= end;
}
const WHITESPACE = /\s*/y;

/**
 * Names tokenizer states: two states get the same name exactly when every field that tokenising a line
 * reads is the same (the rule, its end pattern, whether it captured the line end, its scopes, and the
 * same of every state under it); the first line's state `INITIAL` has its own. Each state object is
 * named once.
 */
function stateKeyer(): (state: StateStack) => string {
	const names = new WeakMap<StateStack, string>();
	const byFields = new Map<string, string>();
	const nameOf = (state: StateStack): string => {
		if (state === INITIAL) return '0';
		let name = names.get(state);
		if (name === undefined) {
			const s = state as StateStackImpl;
			const fields = `${s.parent ? nameOf(s.parent) : ''}\0${JSON.stringify(s.toStateStackFrame())}`;
			name = byFields.get(fields);
			if (name === undefined) byFields.set(fields, (name = String(byFields.size + 1)));
			names.set(state, name);
		}
		return name;
	};
	return nameOf;
}
