import { z } from 'zod';
import { DataError, parseJsonText, parseWith, problemsFromZod } from '../dataDir/dataError.ts';
import { reduceCoveragePyJson } from './coveragepyReduce.ts';
import type { ByteSink } from './snapshotOutput.ts';
import { snapshotFile } from './snapshotFile.ts';
import { coverageMetaSchema, coverageReportSchema, coverageSummarySchema } from '../schemas/coveragepy.ts';
import type { CoverageFile, CoverageReport } from '../schemas/coveragepy.ts';

/** The small parts of a report, validated by the schema itself. */
const headSchema = z.object({ meta: coverageMetaSchema, totals: coverageSummarySchema });

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isOptionalCount = (v: unknown): boolean => v === undefined || isCount(v);

/** The lean twin of `coverageSummarySchema`: true when zod would accept the summary. */
function summaryLooksValid(s: unknown): boolean {
	if (s === null || typeof s !== 'object' || Array.isArray(s)) return false;
	const o = s as Record<string, unknown>;
	const pc = o.percent_covered;
	if (!isCount(o.covered_lines) || !isCount(o.num_statements) || !isCount(o.missing_lines)) return false;
	if (typeof pc !== 'number' || !(pc >= 0 && pc <= 100)) return false;
	if (o.percent_covered_display !== undefined && typeof o.percent_covered_display !== 'string') return false;
	if (!isOptionalCount(o.excluded_lines) || !isOptionalCount(o.num_branches)) return false;
	if (!isOptionalCount(o.num_partial_branches) || !isOptionalCount(o.covered_branches)) return false;
	if (!isOptionalCount(o.missing_branches)) return false;
	if ((o.covered_lines as number) > (o.num_statements as number)) return false;
	if (
		o.covered_branches !== undefined &&
		o.num_branches !== undefined &&
		(o.covered_branches as number) > (o.num_branches as number)
	)
		return false;
	return true;
}

function lineListValid(v: unknown, optional: boolean): boolean {
	if (v === undefined) return optional;
	if (!Array.isArray(v)) return false;
	for (let i = 0; i < v.length; i++) if (!isCount(v[i])) return false;
	return true;
}

function arcListValid(v: unknown): boolean {
	if (v === undefined) return true;
	if (!Array.isArray(v)) return false;
	for (let i = 0; i < v.length; i++) {
		const arc = v[i];
		if (!Array.isArray(arc) || arc.length !== 2 || !Number.isInteger(arc[0]) || !Number.isInteger(arc[1])) return false;
	}
	return true;
}

/** The lean twin of `coverageFileSchema` for the fields a snapshot keeps (regions are dropped, not checked). */
function fileLooksValid(f: unknown): boolean {
	if (f === null || typeof f !== 'object' || Array.isArray(f)) return false;
	const o = f as Record<string, unknown>;
	return (
		summaryLooksValid(o.summary) &&
		lineListValid(o.missing_lines, true) &&
		lineListValid(o.executed_lines, true) &&
		lineListValid(o.excluded_lines, true) &&
		arcListValid(o.executed_branches) &&
		arcListValid(o.missing_branches) &&
		(o.functions === undefined || (typeof o.functions === 'object' && o.functions !== null)) &&
		(o.classes === undefined || (typeof o.classes === 'object' && o.classes !== null))
	);
}

/** The figures of a report: `meta`, `totals` and each file's `summary` (what aggregation reads). */
export interface CoverageFigures {
	meta: CoverageReport['meta'];
	files: Record<string, Pick<CoverageFile, 'summary'>>;
	totals: CoverageReport['totals'];
}

/**
 * A coverage.py report read for recording: its figures, and its snapshot: bytes cut from the input,
 * `'streamed'` when those bytes went to the caller's sink, or a report to serialise.
 */
export interface CoveragePyRead {
	report: CoverageFigures;
	snapshot: Buffer | 'streamed' | CoverageReport;
}

/** Check the figures of a parsed report (lean, with the schema's own message on the first failure). */
function checkFigures(file: string, data: unknown): CoverageFigures {
	if (
		data === null ||
		typeof data !== 'object' ||
		Array.isArray(data) ||
		typeof (data as { files?: unknown }).files !== 'object'
	)
		return parseWith(coverageReportSchema, file, data); // throws, naming what is wrong at the top level
	const raw = data as { meta?: unknown; files: unknown; totals?: unknown };
	if (raw.files === null || Array.isArray(raw.files)) return parseWith(coverageReportSchema, file, data);
	const { meta, totals } = parseWith(headSchema, file, { meta: raw.meta, totals: raw.totals });
	const files = raw.files as Record<string, unknown>;
	for (const path in files) {
		const f = files[path];
		if (fileLooksValid(f)) continue;
		// Let the schema say precisely what is wrong, with the full JSON path.
		const probe = { meta: raw.meta, files: { [path]: f }, totals: raw.totals };
		const result = coverageReportSchema.safeParse(probe);
		if (!result.success) throw new DataError(problemsFromZod(file, result.error, probe));
	}
	return { meta, files: raw.files as CoverageFigures['files'], totals };
}

/**
 * Read a coverage.py JSON report (6.x or 7.x, with or without branch data). Usually the bytes are cut
 * down first (see `reduceCoveragePyJson`): only the per-file summaries are parsed, and the snapshot is
 * the input's own bytes of what the site shows (summaries, missing lines, missing branch arcs, excluded
 * lines; executed lines as ranges and function regions reduced, see `snapshotFile`). When
 * the bytes are unusual the whole text is parsed instead and the snapshot is built from it. Either
 * way, validation is the schema's, run in full only on a part that fails a lean check, so a 100 MB
 * report is not walked by zod while errors read exactly as zod's.
 */
export function readCoveragePyJson(bytes: Buffer, file: string, sink?: ByteSink): CoveragePyRead {
	const reduced = reduceCoveragePyJson(bytes, sink);
	if (reduced !== null)
		return { report: checkFigures(file, reduced.figures), snapshot: reduced.snapshot ?? 'streamed' };
	const data = parseJsonText(file, bytes.toString('utf8'));
	const { meta, totals, files: checked } = checkFigures(file, data);
	const files: Record<string, CoverageFile> = {};
	for (const [path, f] of Object.entries(checked)) {
		files[path] = snapshotFile(f as CoverageFile);
	}
	const report = { meta, files, totals };
	return { report, snapshot: report };
}
