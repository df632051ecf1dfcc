import { describe, expect, test } from 'vitest';
import { buildFileTree, fileRows, largestGapsFirst, packTree } from '../../../src/lib/fileTree.ts';
import { countsByPath, diffSnapshots, packCounts, unpackCounts } from '../../../src/lib/snapshotDiff.ts';
import type { CoverageReport } from '../../../src/lib/schemas/coveragepy.ts';

const file = (
	statements: number,
	covered: number,
	missing: number[] = [],
	functions?: Record<string, [number, number]>,
) => ({
	summary: {
		covered_lines: covered,
		num_statements: statements,
		percent_covered: (100 * covered) / statements,
		missing_lines: statements - covered,
		excluded_lines: 0,
	},
	missing_lines: missing,
	...(functions
		? {
				functions: Object.fromEntries(
					Object.entries(functions).map(([n, [s, c]]) => [
						n,
						{
							summary: {
								covered_lines: c,
								num_statements: s,
								percent_covered: (100 * c) / s,
								missing_lines: s - c,
								excluded_lines: 0,
							},
						},
					]),
				),
			}
		: {}),
});

const report = {
	files: {
		'core/gov/a.py': file(10, 5, [1, 2, 3, 7, 8], { '': [2, 2], run: [8, 3] }),
		'core/gov/sub/b.py': file(20, 20),
		'core/gov/c.py': file(30, 10, [4]),
	},
} as unknown as CoverageReport;

describe('file tree', () => {
	const rows = fileRows(report, Object.keys(report.files));

	test('rows carry ranges of missing lines and named functions only', () => {
		expect(rows[0]!.missing).toBe('1-3, 7-8');
		expect(rows[0]!.functions.map((f) => f.name)).toEqual(['run']);
		expect(rows[0]!.functions[0]!.counts.covered_lines).toBe(3);
		expect(rows[1]!.functions).toEqual([]);
	});

	test('directories sum their files, and single-directory chains are joined', () => {
		const root = buildFileTree(rows);
		expect(root.name).toBe('core/gov');
		expect(root.counts.num_statements).toBe(60);
		expect(root.counts.covered_lines).toBe(35);
		const sub = root.children.find((c) => c.name === 'sub')!;
		expect(sub.counts.num_statements).toBe(20);
	});

	test('packed rows point to their parent and keep the figures', () => {
		const packed = packTree(buildFileTree(rows));
		// The directory all files share is the single top row, with the domain's total.
		expect(packed.filter((r) => r[0] === -1).map((r) => r[1])).toEqual(['core/gov']);
		expect(packed[0]!.slice(3, 5)).toEqual([60, 25]);
		expect(
			packed
				.filter((r) => r[0] === 0)
				.map((r) => r[1])
				.sort(),
		).toEqual(['a.py', 'c.py', 'sub']);
		const b = packed.find((r) => r[1] === 'b.py')!;
		expect(packed[b[0]]![1]).toBe('sub');
		const c = packed.find((r) => r[1] === 'c.py')!;
		expect(c.slice(2, 8)).toEqual([1, 30, 20, 0, 0, 33.33]);
	});

	test('largest gaps first', () => {
		expect(largestGapsFirst(rows).map((r) => r.path)).toEqual(['core/gov/c.py', 'core/gov/a.py', 'core/gov/sub/b.py']);
	});
});

describe('snapshot diff', () => {
	test('sorts files into gained, lost, new and removed', () => {
		const before = countsByPath({
			files: { 'a.py': file(10, 5), 'b.py': file(10, 8), 'gone.py': file(4, 4), 'same.py': file(3, 1) },
		} as never);
		const after = countsByPath({
			files: { 'a.py': file(10, 9), 'b.py': file(10, 2), 'new.py': file(5, 0), 'same.py': file(3, 1) },
		} as never);
		const d = diffSnapshots(before, after);
		expect(d.gained.map((f) => [f.path, Math.round(f.change!)])).toEqual([['a.py', 40]]);
		expect(d.lost.map((f) => [f.path, Math.round(f.change!)])).toEqual([['b.py', -60]]);
		expect(d.added.map((f) => f.path)).toEqual(['new.py']);
		expect(d.removed.map((f) => f.path)).toEqual(['gone.py']);
		expect(d.unchanged).toBe(1);
	});
	test('counts survive packing', () => {
		const c = {
			files: 2,
			num_statements: 30,
			covered_lines: 20,
			num_branches: 8,
			covered_branches: 5,
			num_partial_branches: 2,
		};
		expect(unpackCounts(packCounts(c))).toEqual(c);
	});
});
