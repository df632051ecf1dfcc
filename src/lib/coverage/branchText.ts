/**
 * A never-taken branch in words, as coverage.py's HTML report words it (`PythonParser.missing_arc_description`
 * in coverage/parser.py): "line 31 didn't jump to line 34", and for an exit "didn't return from function
 * 'name'", "didn't exit the body of class 'name'", "didn't exit the module" or, when the code object
 * cannot be told from the source, "didn't jump to the function exit". coverage.py adds a cause from its
 * syntax tree ("because the condition on line 31 was never true"); the snapshot has no tree, so the
 * cause is left out and the target is what the two have in common.
 *
 * From coverage.py 7.6.8 on (coverage/html.py, commit d1a916a "a line that branches nowhere must always
 * raise an exception"), a line none of whose branches was taken gets one sentence instead: "line 31
 * didn't jump anywhere: it always raised an exception.", short form `anywhere`. Its test is "as many
 * missed branches as the line has", and coverage.py asserts a line has at most two destinations, so
 * two or more missed targets are all of them (the snapshot drops the executed branches).
 */

const DEF = /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/;
const CLASS = /^\s*class\s+([A-Za-z_]\w*)/;
const DECORATOR = /^\s*@/;

/** What the code object that starts on `line` is, read from the source (decorators come first, as in Python 3.8+). */
function codeObjectAt(line: number, sourceLines: readonly string[] | null): string | null {
	if (!sourceLines) return null;
	let k = line - 1;
	while (k < sourceLines.length && DECORATOR.test(sourceLines[k]!)) k++;
	const text = sourceLines[k] ?? '';
	const def = DEF.exec(text);
	if (def) return `function '${def[1]}'`;
	const cls = CLASS.exec(text);
	if (cls) return `class '${cls[1]}'`;
	return null;
}

/** The words for the never-taken branch from `from` to `to` (negative `to`: exit of the code object on line −to). */
export function branchText(from: number, to: number, sourceLines: readonly string[] | null = null): string {
	if (to > 0) return `line ${from} didn't jump to line ${to}`;
	const start = -to;
	const owner = codeObjectAt(start, sourceLines);
	if (owner?.startsWith('function')) {
		const raises = /^\s*raise\b/.test(sourceLines?.[from - 1] ?? '');
		return `line ${from} didn't ${raises ? 'except' : 'return'} from ${owner}`;
	}
	if (owner?.startsWith('class')) return `line ${from} didn't exit the body of ${owner}`;
	if (start === 1 && sourceLines) return `line ${from} didn't exit the module`;
	return `line ${from} didn't jump to the function exit`;
}

/** The short form coverage.py prints beside a partial line: the target line, or `exit`. */
export function branchTarget(to: number): string {
	return to > 0 ? String(to) : 'exit';
}

/** The first coverage.py whose HTML report says "didn't jump anywhere" for a line that always raised. */
export const ALWAYS_RAISED_SINCE = [7, 6, 8] as const;

/** Whether coverage.py `version` (`meta.version` of its JSON report, e.g. `7.16.2`) words such lines as one sentence. */
export function saysAlwaysRaised(version: string): boolean {
	const parts = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
	if (!parts) return false;
	const [major, minor, patch] = [Number(parts[1]), Number(parts[2]), Number(parts[3] ?? 0)];
	const [a, b, c] = ALWAYS_RAISED_SINCE;
	return major !== a ? major > a : minor !== b ? minor > b : patch >= c;
}

/** The never-taken branches of line `from` as coverage.py `version` shows them: short targets and sentences. */
export function missedBranches(
	from: number,
	targets: readonly number[],
	sourceLines: readonly string[] | null,
	version: string,
): { targets: string[]; texts: string[] } {
	if (targets.length >= 2 && saysAlwaysRaised(version))
		return { targets: ['anywhere'], texts: [`line ${from} didn't jump anywhere: it always raised an exception.`] };
	return { targets: targets.map(branchTarget), texts: targets.map((to) => branchText(from, to, sourceLines)) };
}
