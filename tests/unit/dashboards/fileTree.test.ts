import { describe, expect, test } from 'vitest';
import { compactSnapshot } from '../../../src/lib/snapshot/compactSnapshot.ts';
import { summaryOf } from '../../../src/lib/coverage/counts.ts';
import { compactCounts, compactMissing, packFile } from '../../../src/lib/snapshot/compactFile.ts';
import { domainCoverage } from '../../../src/lib/coverage/domainCoverage.ts';
import { buildFileTree, fileRows, largestGapsFirst, packTree } from '../../../src/lib/snapshot/fileTree.ts';
import { countsByPath, diffSnapshots } from '../../../src/lib/snapshot/snapshotDiff.ts';
import { packCounts, unpackCounts } from '../../../src/lib/snapshot/packedCounts.ts';
import { packNode, unpackNode } from '../../../src/lib/snapshot/packedNode.ts';
import { figureCountsOf, fileCountsOf, packSnapshotCounts } from '../../../src/lib/snapshot/snapshotCountsJson.ts';
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

const meta = { version: '7.6.1', timestamp: '2026-11-20T10:00:00', branch_coverage: false, format: 3 };
const report = {
	meta,
	files: {
		'core/gov/a.py': file(10, 5, [1, 2, 3, 7, 8], { '': [2, 2], run: [8, 3] }),
		'core/gov/sub/b.py': file(20, 20),
		'core/gov/c.py': file(30, 10, [4]),
	},
} as unknown as CoverageReport;
const snapshot = compactSnapshot(report);

describe('file tree', () => {
	const rows = fileRows(snapshot, Object.keys(snapshot.files));

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

	test('packed rows unpack to the same rows, read by name', () => {
		const rows = packTree(buildFileTree(fileRows(snapshot, Object.keys(snapshot.files)))).map(unpackNode);
		const a = rows.find((r) => r.name === 'a.py')!;
		expect(a).toEqual({
			parent: 0,
			name: 'a.py',
			isFile: true,
			statements: 10,
			missing: 5,
			branches: 0,
			partial: 0,
			percent: 50,
			missingLines: '1-3, 7-8',
			functions: [{ name: 'run', statements: 8, missing: 5, percent: 37.5 }],
		});
		expect(rows.map((r) => unpackNode(packNode(r)))).toEqual(rows);
	});

	test('largest gaps first', () => {
		expect(largestGapsFirst(rows).map((r) => r.path)).toEqual(['core/gov/c.py', 'core/gov/a.py', 'core/gov/sub/b.py']);
	});
});

describe('snapshot diff', () => {
	test('sorts files into gained, lost, new and removed', () => {
		const snap = (files: Record<string, ReturnType<typeof file>>) =>
			compactSnapshot({ meta, files } as unknown as CoverageReport);
		const before = countsByPath(
			snap({ 'a.py': file(10, 5), 'b.py': file(10, 8), 'gone.py': file(4, 4), 'same.py': file(3, 1) }),
		);
		const after = countsByPath(
			snap({ 'a.py': file(10, 9), 'b.py': file(10, 2), 'new.py': file(5, 0), 'same.py': file(3, 1) }),
		);
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
	test('the counts JSON of a snapshot gives back its figures and files', () => {
		const gov = countsByPath(snapshot, ['core/gov/a.py'])['core/gov/a.py']!;
		const json = JSON.parse(
			JSON.stringify(packSnapshotCounts('s.json', { overall: gov, domains: { gov, none: null } }, snapshot.files)),
		);
		expect(figureCountsOf(json, 'overall')).toEqual(gov);
		expect(figureCountsOf(json, 'gov')).toEqual(gov);
		expect(figureCountsOf(json, 'none')).toBeNull();
		expect(figureCountsOf(json, 'unknown')).toBeNull();
		expect(fileCountsOf(json)).toEqual(countsByPath(snapshot));
	});
});

describe('compact snapshot', () => {
	test('keeps counts, missing ranges and named functions; drops the rest', () => {
		expect(snapshot.meta).toEqual(meta);
		expect(snapshot.files['core/gov/a.py']).toEqual([10, 5, 0, 0, 0, '1-3, 7-8', [['run', 8, 3, 0, 0]]]);
		expect(packFile(compactCounts(snapshot.files['core/gov/a.py']!), '1-3, 7-8', [['run', 8, 3, 0, 0]])).toEqual(
			snapshot.files['core/gov/a.py'],
		);
		expect(compactCounts(snapshot.files['core/gov/c.py']!)).toMatchObject({
			files: 1,
			num_statements: 30,
			covered_lines: 10,
		});
	});
	test('domain sums from the compact form equal those from the full report', () => {
		const config = {
			domains: [{ id: 'gov', label: 'Gov', description: '', include: ['core/gov/**'], exclude: ['**/sub/**'] }],
		};
		expect(domainCoverage(snapshot.files, config, compactCounts)).toEqual(
			domainCoverage(report.files, config, summaryOf),
		);
	});
	test('long lists of missing lines are cut to the first ranges', () => {
		const many = Array.from({ length: 40 }, (_, i) => 3 * i + 1);
		const s = compactSnapshot({ meta, files: { 'x.py': file(200, 160, many) } } as unknown as CoverageReport, 3);
		expect(compactMissing(s.files['x.py']!)).toBe('1, 4, 7, … (+37 more)');
	});
});
