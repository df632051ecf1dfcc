import { workflowCommand } from '../text/workflowCommand.ts';
import type { PatchResult } from './patchCoverage.ts';

/** One place on the diff a reviewer should look at: uncovered changed statements, or a partly run line. */
export interface PatchAnnotation {
	path: string;
	start: number;
	end: number;
	/** Statements in the range (1 for a partly covered line): what orders the annotations. */
	size: number;
	kind: 'uncovered' | 'partial';
}

/** Every place to annotate, the largest uncovered ranges first (GitHub shows only the first 10 per step). */
export function patchAnnotations(result: PatchResult): PatchAnnotation[] {
	const all: PatchAnnotation[] = [];
	for (const f of result.files) {
		for (const r of f.uncovered)
			all.push({ path: f.path, start: r.start, end: r.end, size: r.statements, kind: 'uncovered' });
		for (const line of f.partial) all.push({ path: f.path, start: line, end: line, size: 1, kind: 'partial' });
	}
	return all.sort(
		(a, b) =>
			b.size - a.size ||
			(a.kind === b.kind ? 0 : a.kind === 'uncovered' ? -1 : 1) ||
			(a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
			a.start - b.start,
	);
}

/** The workflow command for one annotation: a warning on the changed lines, with a title saying why. */
export function annotationCommand(a: PatchAnnotation): string {
	const lines = a.start === a.end ? `Line ${a.start}` : `Lines ${a.start}–${a.end}`;
	const [title, message] =
		a.kind === 'uncovered'
			? [
					a.size === 1 ? 'Uncovered changed line' : `${a.size} uncovered changed statements`,
					`${lines} changed in this diff and no test ran ${a.size === 1 ? 'it' : 'them'}.`,
				]
			: ['Partly covered changed line', `${lines} changed and ran, but a branch from it was never taken.`];
	return workflowCommand('warning', { file: a.path, line: a.start, endLine: a.end, title }, message);
}
