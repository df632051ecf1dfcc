/**
 * One source page's data, put together from the snapshot's line lists, the file's code (when it
 * matches the snapshot) and its highlight: the marks of every line, the never-taken branches in
 * coverage.py's words, the functions table and the header's figures.
 */
import { missedBranches } from '../coverage/branchText.ts';
import { lineStatus } from '../coverage/lineStatus.ts';
import { fileCounts, missingLines, percentCovered } from '../coverage/counts.ts';
import type { CoverageFile } from '../schemas/coveragepy.ts';
import { MARK, type PackedTokens, type SourceFileJson, type SourceHeader, type TokenStyle } from './sourceFileJson.ts';
import type { SourceState } from './sourceMatch.ts';

/** The code of a file as read from the checkout, with its highlight. */
export interface SourceCode {
	lines: string[];
	encoding: string;
	tokens: PackedTokens[];
	styles: TokenStyle[];
}

/** Everything a source page needs, from a snapshot file entry and (when shown) its code. */
export function sourceFile(
	path: string,
	file: CoverageFile,
	state: SourceState,
	code: SourceCode | null,
	header: Omit<SourceHeader, 'statements' | 'missing' | 'branches' | 'partial' | 'excluded' | 'percent'>,
	/** The coverage.py that measured the file (`meta.version`): its wording of never-taken branches. */
	coverageVersion = '',
): SourceFileJson {
	const shown = state === 'shown' && code !== null;
	const { status, missedTargets, knowsExecuted } = lineStatus(file, shown ? code.lines : null);
	let lastMarked = 0;
	for (const line of status.keys()) if (line > lastMarked) lastMarked = line;
	const count = shown ? code.lines.length : lastMarked;
	let marks = '';
	for (let n = 1; n <= count; n++) marks += MARK[status.get(n) ?? 'none'];
	const partial = [...missedTargets.entries()]
		.sort(([a], [b]) => a - b)
		.map(([line, targets]) => ({ line, ...missedBranches(line, targets, shown ? code.lines : null, coverageVersion) }));
	const functions = Object.entries(file.functions ?? {})
		.filter(([name]) => name !== '')
		.map(([name, region]) => {
			const c = fileCounts(region.summary);
			return {
				name,
				line: region.start_line ?? null,
				statements: c.num_statements,
				missing: missingLines(c),
				percent: percentCovered(c),
			};
		});
	const c = fileCounts(file.summary);
	return {
		path,
		state: shown ? 'shown' : state === 'shown' ? 'missing' : state,
		knowsExecuted,
		encoding: shown ? code.encoding : null,
		lines: shown ? code.lines : [],
		tokens: shown ? code.tokens : [],
		styles: shown ? code.styles : [],
		marks,
		partial,
		functions,
		header: {
			...header,
			statements: c.num_statements,
			missing: missingLines(c),
			branches: c.num_branches,
			partial: c.num_partial_branches,
			excluded: file.summary.excluded_lines,
			percent: percentCovered(c),
		},
	};
}
