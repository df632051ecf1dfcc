/**
 * One terminal output shown on the site, as `npm run docs:outputs` produces it: the commands a reader
 * types, where they run, and what in their output varies between runs. Entries live in
 * `content/outputs/registry.ts`; each writes `content/outputs/<id>.txt`.
 */
export interface OutputEntry {
	/** File name of the output (`content/outputs/<id>.txt`) and the `id` a page includes it by: kebab-case. */
	id: string;
	/**
	 * The commands, run in order by bash in one working directory and shown as typed (`$ command`). The
	 * working directory is a scratch checkout: `package.json`, `node_modules`, `scripts/` and `src/` linked
	 * from the repository (so `npm run trend -- …` works there), `data/` a copy, `python3` the project's Python.
	 */
	commands: string[];
	/** Commands run first and not shown (creating a report, an earlier record): their output is dropped. */
	setup?: string[];
	/** Where `data/` in the scratch checkout is copied from (repository-relative); default: the repository's `data/`. */
	dataDir?: string;
	/** More copies into the scratch checkout: `{ 'coverage.json': 'tests/fixtures/reports/coverage-branch.json' }`. */
	files?: Record<string, string>;
	/** Directory (relative to the scratch checkout) the commands run in; `examples/…` folders are copied there first. */
	cwd?: string;
	/**
	 * Which Python `python3` and `python` are in the commands: Debian's pytest stack (`debian`, the default)
	 * or today's, the exact pins of scripts/ci/requirements-tests.txt in the virtualenv `.ci/run` makes (`current`).
	 */
	python?: 'debian' | 'current';
	/** Environment added to the commands' (which already have `NO_COLOR=1`, `TZ=UTC` and `LC_ALL=C.UTF-8`). */
	env?: Record<string, string>;
	/** Exit status the last command must end with (default 0): a command that fails differently is an error. */
	exitStatus?: number;
	/** Replacements for what varies between runs beyond the built-in ones (see `normaliseOutput`), applied in order. */
	normalise?: [RegExp, string][];
	/** Keep only the lines from the first that matches `from` to the last that matches `to` (of each command's output). */
	trim?: { from?: RegExp; to?: RegExp };
}

/** The registry's ids, checked: unique and kebab-case (they are file names and component props). */
export function checkOutputIds(entries: readonly OutputEntry[]): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const entry of entries) {
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id)) problems.push(`${entry.id}: id must be kebab-case`);
		if (seen.has(entry.id)) problems.push(`${entry.id}: id used twice`);
		if (entry.commands.length === 0) problems.push(`${entry.id}: no command`);
		seen.add(entry.id);
	}
	return problems;
}
