import type { PatchJson } from '../schemas/patch.ts';
import type { PatchResult } from './patchCoverage.ts';
import type { PatchContext } from './patchMarkdown.ts';

/** `trend patch --json`: the figures, per file and in total, in the documented layout. */
export function patchJson(result: PatchResult, ctx: PatchContext): PatchJson {
	const counted = result.files.filter((f) => f.statements > 0);
	return {
		base: ctx.base,
		merge_base: ctx.mergeBase,
		head: ctx.head,
		path_prefix: ctx.mapping.prefix,
		minimum: ctx.minimum,
		passed: ctx.passed,
		statements: result.statements,
		covered: result.covered,
		branches: result.branches,
		covered_branches: result.covered_branches,
		percent: result.percent,
		files: counted.map((f) => ({
			path: f.path,
			report_path: f.reportPath,
			statements: f.statements,
			covered: f.covered,
			branches: f.branches,
			covered_branches: f.covered_branches,
			percent: f.percent,
			uncovered: f.uncovered.map((r): [number, number] => [r.start, r.end]),
			partial: f.partial,
		})),
		not_counted: [...result.files.filter((f) => f.statements === 0).map((f) => f.path), ...result.unmeasured],
		annotations: { written: ctx.annotated, total: ctx.annotatable },
	};
}
