import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reduceCoveragePyJson } from '../../../src/lib/reports/coveragepyReduce.ts';
import { readCoveragePyJson } from '../../../src/lib/reports/coveragepyJson.ts';
import { REPORTS } from '../../helpers/trend.ts';

/** `[1, 2, 3, 7]` as `1-3,7`, written out plainly here so that the reduction's own code is not its oracle. */
function ranges(lines: number[]): string {
	const out: string[] = [];
	let k = 0;
	while (k < lines.length) {
		let j = k;
		while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
		out.push(j === k ? `${lines[k]}` : `${lines[k]}-${lines[j]}`);
		k = j + 1;
	}
	return out.join(',');
}

/**
 * What a snapshot keeps of a parsed report: meta, totals, and per file summary, missing lines and
 * arcs, excluded lines, executed lines as ranges, and named functions' summaries with their first line.
 */
function snapshotOf(report: { meta: unknown; totals: unknown; files: Record<string, Record<string, unknown>> }) {
	const files: Record<string, unknown> = {};
	for (const [path, f] of Object.entries(report.files)) {
		const kept: Record<string, unknown> = { summary: f.summary, missing_lines: f.missing_lines };
		if (f.executed_lines !== undefined) kept.executed_ranges = ranges(f.executed_lines as number[]);
		if (f.excluded_lines !== undefined) kept.excluded_lines = f.excluded_lines;
		if (f.missing_branches !== undefined) kept.missing_branches = f.missing_branches;
		if (f.functions !== undefined) {
			const regions = f.functions as Record<string, Record<string, number[]>>;
			kept.functions = Object.fromEntries(
				Object.entries(regions)
					.filter(([name]) => name !== '')
					.map(([name, r]) => [
						name,
						{ summary: r.summary, start_line: Math.min(...r.executed_lines!, ...r.missing_lines!) },
					]),
			);
		}
		files[path] = kept;
	}
	return { meta: report.meta, files, totals: report.totals };
}

const branch = readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8');
const parsed = JSON.parse(branch);

/** A real coverage.py 7.11 report (JSON format 3, `functions` and `classes` per file), made by make-reports.sh. */
const format3Real = readFileSync(`${REPORTS}/coverage7-branch.json`, 'utf8');

/** The real 7.x report with awkward values in its regions (quotes, backslashes, booleans, null): the reducer must skip them whole. */
function format3(): string {
	const r = JSON.parse(format3Real);
	for (const f of Object.values(r.files) as Array<Record<string, unknown>>) {
		const region = {
			executed_lines: f.executed_lines,
			summary: f.summary,
			missing_lines: f.missing_lines,
			excluded_lines: [],
			executed_branches: f.executed_branches ?? [],
			missing_branches: f.missing_branches ?? [],
		};
		f.functions = {
			'': region,
			'Policy.allows': {
				...region,
				summary: { ...(f.summary as object), note: 'a "quoted" \\ value', flag: true, none: null },
			},
		};
		f.classes = { '': region };
	}
	return JSON.stringify(r, null, 4);
}

describe('reduceCoveragePyJson keeps exactly what a snapshot needs', () => {
	test.each([
		['coverage.py 6.5 with branches', branch],
		['coverage.py 6.5 without branches', readFileSync(`${REPORTS}/coverage-nobranch.json`, 'utf8')],
		['pretty-printed with indent=4 and a BOM', `\uFEFF${JSON.stringify(parsed, null, 4)}`],
		['coverage.py 7.11 format 3 with function and class regions (real)', format3Real],
		['coverage.py 7.11 format 3 with awkward values in its regions', format3()],
	])('%s', (_name, text) => {
		const reduced = reduceCoveragePyJson(Buffer.from(text, 'utf8'));
		expect(reduced).not.toBeNull();
		const full = snapshotOf(JSON.parse(text.replace(/^\uFEFF/, '')));
		expect(JSON.parse(reduced!.snapshot!.toString('utf8'))).toEqual(full);
		const summaries = Object.fromEntries(
			Object.entries(full.files).map(([p, f]) => [p, { summary: (f as { summary: unknown }).summary }]),
		);
		const { files, ...rest } = JSON.parse(text.replace(/^\uFEFF/, ''));
		expect(reduced!.figures).toEqual({ ...rest, files: summaries });
		expect(Object.keys(files)).toEqual(Object.keys(summaries));
		expect(reduced!.snapshot!.length).toBeLessThan(Buffer.byteLength(text));
	});

	test('with a sink, the snapshot arrives in chunks that add up to the same bytes', () => {
		const big = JSON.stringify({
			...parsed,
			files: Object.fromEntries(
				Array.from({ length: 300 }, (_, i) => Object.entries(parsed.files).map(([p, f]) => [`c${i}/${p}`, f])).flat(),
			),
		});
		const whole = reduceCoveragePyJson(Buffer.from(big))!;
		const chunks: Buffer[] = [];
		const streamed = reduceCoveragePyJson(Buffer.from(big), (c) => chunks.push(c))!;
		expect(streamed.snapshot).toBeNull();
		expect(chunks.length).toBeGreaterThan(1);
		expect(Buffer.concat(chunks).equals(whole.snapshot!)).toBe(true);
		expect(streamed.figures).toEqual(whole.figures);
	});

	test('numbers and strings in summaries read exactly as JSON.parse reads them', () => {
		const numbers = [
			'0',
			'7',
			'100.0',
			'12.50',
			'0.1',
			'33.333333333333336',
			'99.99999999999999',
			'1e2',
			'2.5E-3',
			'-0',
			'123456789012345678',
			'87.34177215189874',
		];
		const r = structuredClone(parsed);
		const path = Object.keys(r.files)[0]!;
		numbers.forEach((n, i) => (r.files[path].summary[`n${i}`] = `@${n}@`));
		r.files[path].summary.label = 'caf\u00e9 "quoted" \\ back';
		r.files[path].summary.short = '86';
		const text = JSON.stringify(r).replace(/"@([^@]+)@"/g, '$1');
		const reduced = reduceCoveragePyJson(Buffer.from(text))!;
		const expected = JSON.parse(text).files[path].summary;
		expect((reduced.figures.files as Record<string, { summary: unknown }>)[path]!.summary).toEqual(expected);
		numbers.forEach((n, i) =>
			expect(
				Object.is(
					(reduced.figures.files as Record<string, { summary: Record<string, number> }>)[path]!.summary[`n${i}`],
					Number(n),
				),
				n,
			).toBe(true),
		);
	});

	test.each(['007', '1.', '.5', '1e', '--1', '1.2.3'])(
		'the number %s, not JSON, sends the report to the ordinary parse',
		(n) => {
			const text = branch.replace('"covered_lines": ', `"covered_lines": ${n}, "was": `);
			expect(reduceCoveragePyJson(Buffer.from(text))).toBeNull();
		},
	);

	test('the fast and the ordinary path read the same report', () => {
		const fast = readCoveragePyJson(Buffer.from(branch), 'fast.json');
		expect(Buffer.isBuffer(fast.snapshot)).toBe(true);
		// `1.0` is valid JSON for line 1 but not the digits-only list the reducer expects: the ordinary path runs.
		const odd = branch.replace('"executed_lines": [', '"executed_lines": [1.0, ');
		expect(reduceCoveragePyJson(Buffer.from(odd))).toBeNull();
		const ordinary = readCoveragePyJson(Buffer.from(odd), 'odd.json');
		expect(Buffer.isBuffer(ordinary.snapshot)).toBe(false);
		expect(JSON.parse((fast.snapshot as Buffer).toString('utf8'))).toEqual(
			JSON.parse(JSON.stringify(ordinary.snapshot)),
		);
		for (const [path, f] of Object.entries(fast.report.files))
			expect(ordinary.report.files[path]!.summary).toEqual(f.summary);
	});

	test.each([
		['NaN in a skipped list', branch.replace('"executed_lines": [', '"executed_lines": [NaN, ')],
		['a truncated file', branch.slice(0, branch.length - 10)],
		['trailing garbage', `${branch} x`],
		['a string in a line list', branch.replace('"excluded_lines": [', '"excluded_lines": ["7", ')],
		['an unclosed string', branch.replace('"meta": {', '"meta": {"x": "abc')],
		['a control character in a key', branch.replace('"core/', '"co\u0001re/')],
	])('%s: returns null so the ordinary parse names the problem', (_name, text) => {
		expect(reduceCoveragePyJson(Buffer.from(text, 'utf8'))).toBeNull();
	});
});
