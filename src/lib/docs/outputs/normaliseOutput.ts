import { stripVTControlCharacters } from 'node:util';

/** What a run's output is normalised against: the paths that differ from one machine or run to the next. */
export interface NormaliseContext {
	/** The scratch checkout the commands ran in (absolute); shown as `.` or cut from `…/path`. */
	workDir: string;
	/** The repository's own checkout (absolute). */
	repoDir: string;
	/** Today's date (`YYYY-MM-DD`, UTC) when the commands ran. */
	today: string;
}

/** Escape a string for use inside a regular expression. */
function literal(text: string): RegExp {
	return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
}

/**
 * Output as the page shows it: terminal escape sequences stripped, the scratch and repository paths cut
 * to relative ones, pytest's durations (`in 1.23s`) and today's date written as placeholders,
 * trailing blanks dropped; then the entry's own replacements. A run on another day or machine gives the
 * same text, so a difference is a real change of what the command prints.
 */
export function normaliseOutput(text: string, context: NormaliseContext, extra: [RegExp, string][] = []): string {
	// Escape sequences (colour, cursor) never belong in a page.
	let out = stripVTControlCharacters(text.replace(/\r\n/g, '\n'));
	for (const dir of [context.workDir, context.repoDir]) {
		out = out.replace(new RegExp(literal(dir).source + '/', 'g'), '').replace(literal(dir), '.');
	}
	out = out
		.replace(/\b(in )\d+(?:\.\d+)?s\b/g, '$1N.NNs')
		.replace(new RegExp(`${context.today}(?:T\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z)?`, 'g'), 'YYYY-MM-DD');
	for (const [pattern, replacement] of extra) out = out.replace(pattern, replacement);
	return out
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n');
}
