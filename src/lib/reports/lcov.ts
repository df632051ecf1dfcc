import { DataError } from '../dataDir/dataError.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';
import { emptyLineData, toCoverageFile, totalsOf, type LineData } from './convertedFile.ts';

const RECORD_LINE = /^([A-Z][A-Z0-9_]*):(.*)$/;

/**
 * Read an LCOV tracefile (`coverage lcov`, genhtml-style tools) into coverage.py's layout. Each file's
 * record runs from `SF:` to `end_of_record`; statements come from `DA:`, branches from `BRDA:`.
 */
export function readLcov(text: string, file: string): CoverageReport {
	return readLcovLines(text, file).report;
}

/** An LCOV tracefile read both ways: in coverage.py's layout, and line by line per file (for patch coverage). */
export function readLcovLines(text: string, file: string): { report: CoverageReport; lines: Map<string, LineData> } {
	const lines = text.split(/\r?\n/);
	const byFile = new Map<string, LineData>();
	let current: { name: string; data: LineData; line: number; lf?: number; brf?: number; brh?: number } | null = null;
	let withBranches = false;
	const fail = (n: number, message: string): never => {
		throw new DataError([{ file, path: `line ${n + 1}`, message }]);
	};
	/**
	 * coverage.py 6.x writes `DA` lines for every executed line, statements or not (docstrings, for one),
	 * while `LF` is the true statement count and its `DA:n,0` lines are exactly the missed statements.
	 * When the two disagree, `LF` wins and covered = LF − missed, which is coverage.py's own arithmetic.
	 */
	const closeRecord = (rec: NonNullable<typeof current>, at: number) => {
		// coverage.py 6.x also writes BRDA lines for arcs it does not count as branches; BRF/BRH are its counts.
		if (rec.brf !== undefined && rec.brh !== undefined) {
			if (rec.brh > rec.brf) fail(at, `BRH: expected at most BRF (${rec.brf}) in ${rec.name}, found ${rec.brh}`);
			rec.data.branchTotals = { total: rec.brf, taken: rec.brh };
		}
		if (rec.lf === undefined || rec.lf === rec.data.hits.size) return;
		let missed = 0;
		for (const h of rec.data.hits.values()) if (h === 0) missed++;
		if (rec.lf < missed)
			fail(at, `LF: expected at least the ${missed} lines DA reports as missed in ${rec.name}, found ${rec.lf}`);
		rec.data.statements = rec.lf;
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		if (line === '') continue;
		if (line === 'end_of_record') {
			if (!current) fail(i, 'end_of_record without an SF: record before it');
			closeRecord(current!, i);
			current = null;
			continue;
		}
		const m = RECORD_LINE.exec(line);
		if (!m) fail(i, `expected an LCOV line such as "DA:3,1", found ${JSON.stringify(line.slice(0, 60))}`);
		const [, tag, value] = m!;
		if (tag === 'TN') continue;
		if (tag === 'SF') {
			if (current)
				fail(i, `expected end_of_record for ${current.name} (from line ${current.line + 1}) before a new SF:`);
			if (value!.trim() === '') fail(i, 'SF: expected a source file name');
			const name = value!.trim();
			const data = byFile.get(name) ?? emptyLineData();
			byFile.set(name, data);
			current = { name, data, line: i };
			continue;
		}
		if (!current) fail(i, `${tag}: found outside a record (expected SF: first)`);
		const data = current!.data;
		if (tag === 'DA') {
			const parts = value!.split(',');
			const n = Number(parts[0]);
			const hits = Number(parts[1]);
			if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(hits) || hits < 0)
				fail(i, `DA: expected "line,hits" with a line ≥ 1 and hits ≥ 0, found ${JSON.stringify(value)}`);
			data.hits.set(n, Math.max(hits, data.hits.get(n) ?? 0));
		} else if (tag === 'BRDA') {
			const parts = value!.split(',');
			const n = Number(parts[0]);
			const taken = parts[3] === '-' ? 0 : Number(parts[3]);
			// coverage.py 6.x writes line 0 for a branch that leaves the function.
			if (parts.length < 4 || !Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(taken) || taken < 0)
				fail(i, `BRDA: expected "line,block,branch,taken" with taken a count or "-", found ${JSON.stringify(value)}`);
			withBranches = true;
			// coverage.py up to 7.6.1 numbers one block per branching line and writes each destination's line,
			// so group by block; a block whose lines differ has no known source line (-1). Later versions
			// write the source line, block 0 for every line and a description as the branch: group by line.
			const key = /^\d+$/.test(parts[2]!) ? `b${parts[1]}` : `b${parts[1]}@${n}`;
			const group = data.branches.get(key) ?? { line: n > 0 ? n : -1, taken: 0, total: 0 };
			if (group.line !== n) group.line = -1;
			group.total += 1;
			if (taken > 0) group.taken += 1;
			data.branches.set(key, group);
		} else if (tag === 'LF') {
			const lf = Number(value);
			if (!Number.isSafeInteger(lf) || lf < 0)
				fail(i, `LF: expected a whole number ≥ 0, found ${JSON.stringify(value)}`);
			current!.lf = lf;
		} else if (tag === 'BRF' || tag === 'BRH') {
			const n = Number(value);
			if (!Number.isSafeInteger(n) || n < 0)
				fail(i, `${tag}: expected a whole number ≥ 0, found ${JSON.stringify(value)}`);
			if (tag === 'BRF') {
				current!.brf = n;
				if (n > 0) withBranches = true;
			} else current!.brh = n;
		}
		// LH is not trusted (coverage.py 6.x counts non-statements in it); FN* lines are not used.
	}
	if (current)
		fail(
			lines.length - 1,
			`expected end_of_record for ${current.name} (from line ${current.line + 1}) before the end of the file`,
		);
	const files: CoverageReport['files'] = {};
	for (const [name, data] of byFile) files[name] = toCoverageFile(data, withBranches);
	const meta = { version: 'unknown', timestamp: '', branch_coverage: withBranches, source_format: 'lcov' };
	return { report: { meta, files, totals: totalsOf(files, withBranches) }, lines: byFile };
}
