import { formatLineRanges } from '../text/lineRanges.ts';
import { formatPercent } from '../text/format.ts';
import { markdownText } from '../trend/trendCheck.ts';
import { shortCommit } from '../trend/commitLinks.ts';
import type { PatchFile, PatchResult } from './patchCoverage.ts';
import type { PathMapping } from './patchPaths.ts';
import { sitePageLink, type SiteSourcePages } from './patchSourceLinks.ts';

/** What the Markdown block says besides the figures: what was compared, the gate, the annotations. */
export interface PatchContext {
	/** The `--base` the user gave, and the merge base and head commits it resolved to. */
	base: string;
	mergeBase: string;
	head: string;
	mapping: PathMapping;
	minimum: number;
	passed: boolean;
	/** Annotations written, and how many places there were to annotate. */
	annotated: number;
	annotatable: number;
	/** At most this many file rows (a pull-request comment holds 65,536 characters). */
	maxFiles?: number;
	/** The published site's source pages, when its address is known: file names link to them. */
	sourcePages?: SiteSourcePages | undefined;
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
const short = (sha: string) => markdownText(shortCommit(sha));
/** A path from the diff, escaped, and cut so that one absurd name cannot fill a comment. */
const shownPath = (p: string) => markdownText(p.length > 200 ? `…${p.slice(-199)}` : p);

function uncoveredCell(f: PatchFile): string {
	const runs = f.uncovered.map((r) => `${r.start}${r.end === r.start ? '' : `–${r.end}`}`);
	const shown = runs.slice(0, 20).join(', ') + (runs.length > 20 ? `, … (+${runs.length - 20} more)` : '');
	const partial = f.partial.length ? `partly: ${formatLineRanges(f.partial, 10)}` : '';
	return [shown, partial].filter(Boolean).join('; ') || '—';
}

/**
 * The patch coverage block for a job summary and a pull-request comment: the figure against the
 * minimum, what was compared, then one row per changed file the report measures (files with uncovered
 * lines first), then the changed files it does not measure and the annotations left out.
 */
export function patchMarkdown(result: PatchResult, ctx: PatchContext): string {
	const verdict = ctx.passed ? 'passed ✅' : 'failed ❌';
	const out: string[] = [];
	if (result.percent === null) out.push(`## Patch coverage: no executable line changed ✅`, '');
	else out.push(`## Patch coverage: ${pct(result.percent)} (minimum ${ctx.minimum}%), ${verdict}`, '');
	const branches =
		result.branches > 0 ? ` and ${result.covered_branches} of the ${result.branches} branches from them` : '';
	if (result.percent !== null)
		out.push(`${result.covered} of ${result.statements} changed statements${branches} ran in the tests.`);
	const where =
		ctx.mapping.prefix || ctx.mapping.strip
			? ` Report paths${ctx.mapping.strip ? ` less \`${markdownText(ctx.mapping.strip)}\`` : ''} are under \`${markdownText(ctx.mapping.prefix || './')}\` in the repository.`
			: '';
	out.push(
		`Lines added or changed from ${short(ctx.mergeBase)} (merge base of ${markdownText(ctx.base)}) to ${short(ctx.head)}.${where}`,
		'',
	);
	const rows = result.files.filter((f) => f.statements > 0);
	if (rows.length > 0) {
		const withBranches = rows.some((f) => f.branches > 0);
		out.push(
			`| Changed file | Statements | Covered |${withBranches ? ' Branches |' : ''} Patch | Uncovered changed lines |`,
			`| --- | ---: | ---: |${withBranches ? ' ---: |' : ''} ---: | --- |`,
		);
		const ordered = [...rows].sort(
			(a, b) => b.statements - b.covered - (a.statements - a.covered) || (a.path < b.path ? -1 : 1),
		);
		const max = ctx.maxFiles ?? 50;
		const pages = ctx.sourcePages;
		const name = (f: PatchFile) => {
			const link = pages ? sitePageLink(pages, f.reportPath) : null;
			return link ? `[${shownPath(f.path)}](${link})` : shownPath(f.path);
		};
		let linked = 0;
		for (const f of ordered.slice(0, max)) {
			if (pages && sitePageLink(pages, f.reportPath)) linked++;
			out.push(
				`| ${name(f)} | ${f.statements} | ${f.covered} |${withBranches ? ` ${f.covered_branches}/${f.branches} |` : ''} ${pct(f.percent)} | ${uncoveredCell(f)} |`,
			);
		}
		if (pages && linked > 0)
			out.push(
				'',
				`File names link to their source pages on the site, which show the base branch's newest snapshot${pages.commit ? ` (${short(pages.commit)})` : ''}: the line numbers there are that code's, not this change's.`,
			);
		if (ordered.length > max) out.push('', `_${ordered.length - max} more changed files are not listed._`);
		out.push('');
	}
	const notCounted = result.files.length - rows.length + result.unmeasured.length;
	if (notCounted > 0) {
		const names = [...result.files.filter((f) => f.statements === 0).map((f) => f.path), ...result.unmeasured];
		const listed = names.slice(0, 10).map(shownPath).join(', ');
		out.push(
			`Not counted: ${notCounted} changed file${notCounted === 1 ? '' : 's'} without a changed statement the report measures (${listed}${names.length > 10 ? ', …' : ''}).`,
			'',
		);
	}
	if (ctx.annotatable > ctx.annotated)
		out.push(
			`The diff carries annotations for the ${ctx.annotated} largest uncovered ranges; ${ctx.annotatable - ctx.annotated} more are only in the table above.`,
			'',
		);
	return `${out.join('\n').trimEnd()}\n`;
}
