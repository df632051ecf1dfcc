import { roundPercent } from './counts.ts';
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
