/**
 * Shiki's JavaScript regular-expression engine with one search per scan instead of one per pattern.
 *
 * A TextMate grammar asks, many times per line, "which of these patterns matches first from here?".
 * Shiki's `JavaScriptScanner` answers by running each pattern's `RegExp` in turn (Python's top-level
 * rule has about 70) and taking the earliest match, the lowest-numbered pattern on a tie: about 170
 * searches per line of Python, and the cost of starting each search was a third of the highlighting
 * time of a 2,000-file backend.
 *
 * This scanner joins the patterns into one `RegExp` and runs it once. A JavaScript search tries the
 * positions from left to right and, at each, the alternatives in order, so its match starts where the
 * earliest pattern matches, and the first alternative that matches there is the lowest-numbered such
 * pattern: exactly the scanner's answer. Which alternative that was, marker groups tell: the patterns
 * are joined in runs of about √n, `((?:p0)|(?:p1)|…)|((?:p8)|…)|…`, and the run that matched is searched
 * again at that position only (sticky) with a marker group per pattern. One group per pattern in the
 * big search made it four times as slow (a search keeps every group's bounds as it tries each
 * alternative at each position); √n groups cost about nothing, and the second search tries one
 * position. The winner's own `RegExp` then runs at that position for its capture groups, unless it
 * has none. The joined sources have no capture groups but the markers: each pattern's own groups are
 * made non-capturing, which is why patterns with back-references or named groups stay out of it
 * (their numbers would change), as do Shiki's emulated and sticky patterns (`\G`); those are searched
 * one by one as before and compete with the joined search's answer.
 *
 * The patterns and their `RegExp`s are Shiki's (`defaultJavaScriptRegexConstructor`), so the colours
 * are Shiki's: `tests/unit/dashboards/scanEngine.test.ts` compares every scan on the example backend
 * and the fixtures with Shiki's scanner.
 */
import type { RegexEngine, RegexEngineString } from 'shiki';
import type { JavaScriptScanner } from 'shiki/engine/javascript';
import { createJavaScriptRegexEngine, type JavaScriptRegexEngineOptions } from 'shiki/engine/javascript';

// Shiki's value for a capture group that did not take part.
const MAX = 4294967295;

type Indices = (readonly [number, number] | undefined)[];

interface CaptureIndex {
	start: number;
	end: number;
	length: number;
}

function toResult(index: number, indices: Indices): { index: number; captureIndices: CaptureIndex[] } {
	return {
		index,
		captureIndices: indices.map((at) =>
			at == null ? { start: MAX, end: MAX, length: 0 } : { start: at[0], end: at[1], length: at[1] - at[0] },
		),
	};
}

/**
 * `source` with every capture group made non-capturing (`(x)` -> `(?:x)`), for a `v`-flag pattern:
 * escapes and character classes (nested in `v` mode) are copied as they are. Null if the source has
 * back-references or named groups, whose meaning would change.
 */
export function withoutCaptures(source: string): string | null {
	if (/\\[1-9]|\\k<|\(\?<(?![=!])/.test(source)) return null;
	let out = '';
	let inClass = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (c === '\\') {
			out += source.slice(i, i + 2);
			i++;
		} else if (inClass) {
			if (c === '[') inClass++;
			else if (c === ']') inClass--;
			out += c;
		} else if (c === '[') {
			inClass = 1;
			out += c;
		} else if (c === '(' && source[i + 1] !== '?') out += '(?:';
		else out += c;
	}
	return out;
}

/** Whether Shiki's `RegExp` for a pattern can join the one search: a plain `RegExp` with Shiki's usual flags. */
function joinable(re: RegExp | null): re is RegExp {
	return re !== null && re.constructor === RegExp && re.flags === 'dgv';
}

/** A run of joined patterns: their numbers, their sources without capture groups, and the sticky search that tells them apart (made when first needed). */
interface Run {
	members: number[];
	parts: string[];
	sticky: RegExp | null;
}

/**
 * How a list of patterns is scanned, worked out once per list: Shiki's `RegExp`s, the joined search
 * (its marker group k stands for `runs[k]`), the patterns searched alone, and which of those may
 * reuse their last search (as in Shiki: not sticky ones, nor those emulated with a strategy).
 */
interface Plan {
	regexps: (RegExp | null)[];
	joined: { search: RegExp; members: number; runs: Run[] } | null;
	alone: number[];
	reusable: boolean[];
	// Each joined pattern's sticky copy, made when it first wins (shared by the list's scanners).
	sticky: (RegExp | undefined)[];
	// Which joined patterns have no capture groups (their source is their joined part): such a winner needs no second search.
	plain: boolean[];
}

function plan(regexps: (RegExp | null)[]): Plan {
	const members: number[] = [];
	const parts: string[] = [];
	const plain: boolean[] = [];
	regexps.forEach((re, i) => {
		const part = joinable(re) ? withoutCaptures(re.source) : null;
		if (part !== null) {
			members.push(i);
			parts.push(part);
			plain[i] = part === re!.source;
		}
	});
	let joined: Plan['joined'] = null;
	if (members.length > 1) {
		const size = Math.ceil(Math.sqrt(members.length));
		const runs: Run[] = [];
		for (let r = 0; r < members.length; r += size)
			runs.push({ members: members.slice(r, r + size), parts: parts.slice(r, r + size), sticky: null });
		const search = new RegExp(runs.map((run) => `(${run.parts.map((p) => `(?:${p})`).join('|')})`).join('|'), 'gv');
		joined = { search, members: members.length, runs };
	}
	const inJoined = new Set(members);
	return {
		regexps,
		joined,
		alone: regexps.flatMap((re, i) => (re && !(joined && inJoined.has(i)) ? [i] : [])),
		reusable: regexps.map(
			(re) => re !== null && !re.sticky && !(re as { rawOptions?: { strategy?: unknown } }).rawOptions?.strategy,
		),
		sticky: [],
		plain,
	};
}

/** The first of `m`'s groups that took part (1-based); throws if `m` has not `groups` groups (a pattern kept one of its own). */
export function marker(m: RegExpExecArray, groups: number): number {
	if (m.length - 1 !== groups)
		throw new Error(
			`scanEngine: a joined search has ${m.length - 1} groups, not ${groups} (a pattern kept a group of its own)`,
		);
	let k = 1;
	while (m[k] === undefined) k++;
	return k;
}

/** A search's answer kept for the next scan of the same string (as Shiki's scanner keeps them). */
interface LastSearch {
	strId: number;
	from: number;
	at: number;
	found: number;
	// The joined search's match length (its winner's whole match).
	length: number;
	indices: Indices | null;
}

const unsearched = (): LastSearch => ({ strId: 0, from: 0, at: -1, found: -1, length: 0, indices: null });

/** Whether `last` answers a search of string `strId` from `from`: it started no later and found nothing before `from`. */
const answers = (last: LastSearch, strId: number, from: number) =>
	strId !== 0 && last.strId === strId && last.from <= from && (last.at === -1 || last.at >= from);

/**
 * An Oniguruma-style scanner over Shiki's `RegExp`s: one joined search for the joinable patterns,
 * one search each for the others.
 */
class JoinedScanner {
	private readonly plan: Plan;
	private readonly lastJoined = unsearched();
	private readonly lastAlone: (LastSearch | null)[];

	constructor(plan: Plan) {
		this.plan = plan;
		this.lastAlone = plan.reusable.map((r) => (r ? unsearched() : null));
	}

	/** How many of the patterns the joined search covers (0: none, each is searched alone). */
	get joinedPatterns(): number {
		return this.plan.joined?.members ?? 0;
	}

	findNextMatchSync(string: string | RegexEngineString, start: number) {
		const str = typeof string === 'string' ? string : string.content;
		const strId = typeof string === 'string' ? 0 : ((string as { id?: number }).id ?? 0);
		let best = -1;
		let bestAt = 0;
		let bestIndices: Indices | null = null;
		const { joined, alone, regexps } = this.plan;
		if (joined) {
			const last = this.lastJoined;
			if (!answers(last, strId, start)) {
				const search = joined.search;
				search.lastIndex = start;
				const m = search.exec(str);
				last.strId = strId;
				last.from = start;
				last.at = m ? m.index : -1;
				last.found = -1;
				last.length = m ? m[0].length : 0;
				if (m) {
					// The run that matched first, then its pattern that matched first at that position.
					const run = joined.runs[marker(m, joined.runs.length) - 1]!;
					if (run.members.length === 1) last.found = run.members[0]!;
					else {
						const sticky = (run.sticky ??= new RegExp(run.parts.map((p) => `(${p})`).join('|'), 'vy'));
						sticky.lastIndex = m.index;
						last.found = run.members[marker(sticky.exec(str)!, run.members.length) - 1]!;
					}
				}
			}
			if (last.at !== -1) {
				best = last.found;
				bestAt = last.at;
				// The joined match is the winner's whole match: without groups of its own, that is all it has.
				if (this.plan.plain[best]) bestIndices = [[bestAt, bestAt + last.length]];
			}
		}
		for (const i of alone) {
			const re = regexps[i]!;
			const last = this.lastAlone[i] ?? null;
			let at: number;
			let indices: Indices | null;
			if (last && answers(last, strId, start)) {
				at = last.at;
				indices = last.indices;
			} else {
				re.lastIndex = start;
				const m = re.exec(str);
				at = m ? m.index : -1;
				indices = m ? (m.indices as Indices) : null;
				if (last) {
					last.strId = strId;
					last.from = start;
					last.at = at;
					last.indices = indices;
				}
			}
			if (at !== -1 && (best === -1 || at < bestAt || (at === bestAt && i < best))) {
				best = i;
				bestAt = at;
				bestIndices = indices;
			}
		}
		if (best === -1) return null;
		if (!bestIndices) {
			const re = regexps[best]!;
			const sticky = (this.plan.sticky[best] ??= new RegExp(re.source, 'dvy'));
			sticky.lastIndex = bestAt;
			bestIndices = sticky.exec(str)!.indices as Indices;
		}
		return toResult(best, bestIndices);
	}
}

/** Pattern lists planned once per engine, at most (Python 3.11's library needs 74). */
export const MAX_PLANS = 5_000;

/**
 * Shiki's JavaScript engine (its `RegExp` for every pattern, its cache of them, its errors) with scans
 * that search once for most patterns; the same answers as `createJavaScriptRegexEngine(options)`.
 */
export function joinedRegexEngine(options: JavaScriptRegexEngineOptions = {}): RegexEngine {
	const shiki = createJavaScriptRegexEngine(options);
	// Each distinct list of patterns is planned once per engine: the tokenizer makes a scanner again
	// for every string whose end pattern refers back to its start (the same few lists, thousands of times).
	// At most MAX_PLANS are kept: a grammar whose end patterns take arbitrary text from the code (a
	// heredoc's tag) would otherwise keep one per distinct text.
	const plans = new Map<string, Plan>();
	const planOf = (patterns: (string | RegExp)[]): Plan => {
		const key = patterns.every((p) => typeof p === 'string') ? patterns.join('\0') : null;
		let known = key === null ? undefined : plans.get(key);
		if (!known) {
			known = plan((shiki.createScanner(patterns) as unknown as JavaScriptScanner).regexps);
			if (key !== null && plans.size < MAX_PLANS) plans.set(key, known);
		}
		return known;
	};
	return {
		createScanner: (patterns) => new JoinedScanner(planOf(patterns)),
		createString: shiki.createString,
	};
}
