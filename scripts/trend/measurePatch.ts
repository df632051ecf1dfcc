import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { readInputBytes } from '../../src/lib/dataDir/dataStore.ts';
import { readLineCoverage } from '../../src/lib/coverage/lineCoverage.ts';
import { patchCoverage, type PatchResult } from '../../src/lib/coverage/patchCoverage.ts';
import { findPathMapping, prefixMapping, type PathMapping } from '../../src/lib/coverage/patchPaths.ts';
import { parseAddedLines } from '../../src/lib/git/addedLines.ts';
import { readPatchGit, type PatchGitInput } from './patchGit.ts';

/** Where a patch figure comes from: a report, a repository and the two refs. */
export interface PatchSources {
	reportFile: string;
	repo: string;
	base: string;
	head: string;
	/** `--path-prefix`; found from the repository's files when absent. */
	pathPrefix?: string | undefined;
	/** The option that named `head`, for errors (`--head`, or `--commit` for record). */
	headOption?: string;
}

/** Patch coverage of a report for the changes between the merge base of `base` and `head` (shared by `patch` and `record --base`). */
export function measurePatch(sources: PatchSources): { git: PatchGitInput; mapping: PathMapping; result: PatchResult } {
	const report = readLineCoverage(readInputBytes(sources.reportFile), sources.reportFile);
	const git = readPatchGit(sources.repo, sources.base, sources.head, sources.headOption);
	const found = sources.pathPrefix === undefined ? findPathMapping(report.paths, git.headFiles) : null;
	const mapping = found ? found.mapping : prefixMapping(sources.pathPrefix!);
	if (found && found.matched === 0)
		throw new DataError([
			{
				file: sources.reportFile,
				path: '',
				message: `expected files of the repository at ${git.head.slice(0, 40)}, found none (the report names e.g. "${report.paths[0]?.slice(0, 80) ?? 'nothing'}"; give the folder coverage ran in with --path-prefix)`,
			},
		]);
	return { git, mapping, result: patchCoverage(parseAddedLines(git.patch), report, mapping) };
}
