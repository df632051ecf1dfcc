import { roundPercent } from './counts.ts';
import { formatPercent } from '../text/format.ts';
import type { PatchFigures } from '../schemas/patch.ts';
import type { PatchCounts } from './patchCoverage.ts';

/** What a trend point keeps of a patch: the counts, the percentage rounded as the trend stores figures, the base. */
export function patchFigures(result: PatchCounts & { percent: number | null }, mergeBase: string): PatchFigures {
	return {
		base: mergeBase,
		statements: result.statements,
		covered: result.covered,
		branches: result.branches,
		covered_branches: result.covered_branches,
		percent: result.percent === null ? null : roundPercent(result.percent),
	};
}

/** A stored patch in words: `75.00% (3 of 4 changed statements, 1 of 2 branches)`, or that nothing executable changed. */
export function patchSummary(patch: PatchFigures): string {
	if (patch.percent === null) return 'no executable line changed';
	const branches = patch.branches > 0 ? `, ${patch.covered_branches} of ${patch.branches} branches` : '';
	return `${formatPercent(patch.percent)} (${patch.covered} of ${patch.statements} changed statement${patch.statements === 1 ? '' : 's'}${branches})`;
}
