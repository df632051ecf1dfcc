import { z } from 'zod';
import { DataError, formatJsonPath, parseJsonText, parseWith } from '../dataDir/dataError.ts';
import { readCobertura } from '../reports/cobertura.ts';
import type { LineData } from '../reports/convertedFile.ts';
import { readLcovLines } from '../reports/lcov.ts';
import { indexCoveragePyJson } from '../reports/coveragepyIndex.ts';
import { detectCoverageFormat, type CoverageFormat } from '../reports/readCoverageReport.ts';
import { coverageFileSchema, coverageMetaSchema } from '../schemas/coveragepy.ts';
import type { Counts } from './counts.ts';

/** Branch destinations of one source line: how many, and how many were taken. */
export interface LineBranches {
	total: number;
	taken: number;
}

/** What a report says about each line of one file. */
export interface FileLineCoverage {
	/** Lines the report lists as statements, ascending. */
	statements: number[];
	/** The statements that ran. */
	covered: Set<number>;
	/** Branches per source line, where the report names the source line. */
	branches: Map<number, LineBranches>;
	/** The file's own counts, as the report sums them (coverage.py's `Numbers`). */
	counts: Pick<Counts, 'num_statements' | 'covered_lines' | 'num_branches' | 'covered_branches'>;
	/**
	 * How many of `statements` are not statements to coverage.py: 6.x and 7.x JSON (and 6.x LCOV) list
	 * executed docstring lines among the executed lines, while their counts leave them out.
	 */
	nonStatements: number;
}

/** A coverage report read line by line; files are decoded when asked for, so a 100 MB report stays cheap. */
export interface LineCoverageReport {
	format: CoverageFormat;
	/** Whether the report measured branches. */
	branchData: boolean;
	/** Every file the report names, as it names it. */
	paths: string[];
	/** One file's lines; undefined for a path the report does not name. */
	file(path: string): FileLineCoverage | undefined;
}

/** Lines of a Cobertura or LCOV file (hits per line, branches grouped per source line when known). */
function fromLineData(data: LineData): FileLineCoverage {
	const statements = [...data.hits.keys()].sort((a, b) => a - b);
	const covered = new Set(statements.filter((l) => (data.hits.get(l) ?? 0) > 0));
	const branches = new Map<number, LineBranches>();
	let numBranches = 0;
	let coveredBranches = 0;
	for (const b of data.branches.values()) {
		numBranches += b.total;
		coveredBranches += b.taken;
		if (b.line < 0) continue;
		const at = branches.get(b.line) ?? { total: 0, taken: 0 };
		at.total += b.total;
		at.taken += b.taken;
		branches.set(b.line, at);
	}
	if (data.branchTotals) {
		numBranches = data.branchTotals.total;
		coveredBranches = data.branchTotals.taken;
	}
	const numStatements = data.statements ?? statements.length;
	const missed = statements.length - covered.size;
	return {
		statements,
		covered,
		branches,
		counts: {
			num_statements: numStatements,
			covered_lines: numStatements - missed,
			num_branches: numBranches,
			covered_branches: coveredBranches,
		},
		nonStatements: Math.max(0, statements.length - numStatements),
	};
}

/**
 * Lines of one coverage.py JSON file. Branches per source line are the distinct arcs leaving it, not
 * counting an arc back to itself (a comprehension's loop, which coverage.py does not count either).
 */
function fromCoveragePyFile(raw: unknown, file: string): FileLineCoverage {
	const f = parseWith(coverageFileSchema, file, raw);
	const executed = f.executed_lines ?? [];
	const statements = [...new Set([...executed, ...f.missing_lines])].sort((a, b) => a - b);
	const branches = new Map<number, LineBranches>();
	const seen = new Set<string>();
	const add = (arcs: Array<[number, number]> | undefined, taken: boolean) => {
		for (const [from, to] of arcs ?? []) {
			const key = `${from}>${to}`;
			if (from === to || seen.has(key)) continue;
			seen.add(key);
			const at = branches.get(from) ?? { total: 0, taken: 0 };
			at.total++;
			if (taken) at.taken++;
			branches.set(from, at);
		}
	};
	add(f.executed_branches, true);
	add(f.missing_branches, false);
	const s = f.summary;
	return {
		statements,
		covered: new Set(executed),
		branches,
		counts: {
			num_statements: s.num_statements,
			covered_lines: s.covered_lines,
			num_branches: s.num_branches ?? 0,
			covered_branches: s.covered_branches ?? 0,
		},
		nonStatements: Math.max(0, statements.length - s.num_statements),
	};
}

/**
 * coverage.py JSON: the bytes are indexed (see `indexCoveragePyJson`) and each file is parsed and
 * validated by the schema only when it is asked for; unusual bytes are parsed whole instead, which
 * names the problem.
 */
function readCoveragePyLines(bytes: Buffer, file: string): LineCoverageReport {
	const index = indexCoveragePyJson(bytes);
	let metaRaw: unknown;
	let rawFile: (path: string) => unknown;
	let paths: string[];
	if (index) {
		const meta = index.top.get('meta');
		metaRaw = meta ? parseJsonText(file, bytes.toString('utf8', meta[0], meta[1])) : undefined;
		paths = [...index.files.keys()];
		rawFile = (path) => {
			const at = index.files.get(path)!;
			return parseJsonText(file, bytes.toString('utf8', at[0], at[1]));
		};
	} else {
		const data = parseJsonText(file, bytes.toString('utf8').replace(/^\uFEFF/, ''));
		if (data === null || typeof data !== 'object' || Array.isArray(data))
			throw new DataError([{ file, path: '', message: 'expected a coverage.py JSON object' }]);
		const raw = data as { meta?: unknown; files?: unknown };
		if (raw.files === null || typeof raw.files !== 'object' || Array.isArray(raw.files))
			throw new DataError([{ file, path: 'files', message: 'expected an object of measured files' }]);
		const files = raw.files as Record<string, unknown>;
		metaRaw = raw.meta;
		paths = Object.keys(files);
		rawFile = (path) => files[path];
	}
	const meta = parseWith(z.object({ meta: coverageMetaSchema }), file, { meta: metaRaw }).meta;
	const known = new Set(paths);
	return {
		format: 'coveragepy-json',
		branchData: meta.branch_coverage,
		paths,
		file(path) {
			if (!known.has(path)) return undefined;
			try {
				return fromCoveragePyFile(rawFile(path), file);
			} catch (err) {
				if (!(err instanceof DataError)) throw err;
				// Name the file inside the report, not only the field inside the file.
				const p = err.problems[0]!;
				const inner = p.path === '' || p.path.startsWith('[') ? p.path : `.${p.path}`;
				throw new DataError([{ ...p, path: `${formatJsonPath(['files', path])}${inner}` }]);
			}
		},
	};
}

/** Read a coverage report (coverage.py JSON, Cobertura XML or LCOV, told from the content) line by line. */
export function readLineCoverage(bytes: Buffer, file: string): LineCoverageReport {
	const format = detectCoverageFormat(bytes, file);
	if (format === 'coveragepy-json') return readCoveragePyLines(bytes, file);
	const read =
		format === 'lcov' ? readLcovLines(bytes.toString('utf8'), file) : readCobertura(bytes.toString('utf8'), file);
	const lines = read.lines;
	return {
		format,
		branchData: read.report.meta.branch_coverage,
		paths: [...lines.keys()],
		file: (path) => {
			const data = lines.get(path);
			return data ? fromLineData(data) : undefined;
		},
	};
}
