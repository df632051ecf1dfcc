import { describe, expect, test } from 'vitest';
import { badgeSvg, shieldsEndpoint } from '../../../src/lib/charts/badge.ts';
import { changeAt, packLinks, stepIndices, unpackLinks } from '../../../src/lib/charts/chartData.ts';
import { formatLineRanges, lineRuns } from '../../../src/lib/text/lineRanges.ts';
import { repositoryUrl, shortCommit } from '../../../src/lib/trend/commitLinks.ts';
import { sparklinePath } from '../../../src/lib/charts/sparkline.ts';
import { toCoverForTarget } from '../../../src/lib/trend/targetGap.ts';

const counts = (s: number, c: number, b = 0, cb = 0) => ({
	files: 1,
	num_statements: s,
	covered_lines: c,
	num_branches: b,
	covered_branches: cb,
	num_partial_branches: 0,
});

describe('line ranges', () => {
	test('collapse consecutive lines like term-missing', () => {
		expect(lineRuns([9, 3, 4, 5, 12])).toEqual([
			[3, 5],
			[9, 9],
			[12, 12],
		]);
		expect(formatLineRanges([1, 2, 3, 7, 9, 10])).toBe('1-3, 7, 9-10');
		expect(formatLineRanges([])).toBe('');
	});
	test('long lists are shortened with a count of what was left out', () => {
		expect(formatLineRanges([1, 3, 5, 7], 2)).toBe('1, 3, … (+2 more)');
	});
});

describe('statements to cover for a target', () => {
	test('counts what must still run', () => {
		expect(toCoverForTarget(counts(100, 70), 80)).toBe(10);
		expect(toCoverForTarget(counts(100, 79), 80)).toBe(1);
	});
	test('zero once the target is met, including 100 %', () => {
		expect(toCoverForTarget(counts(100, 85), 80)).toBe(0);
		expect(toCoverForTarget(counts(6, 6), 100)).toBe(0);
	});
	test('branches count in the denominator as coverage.py counts them', () => {
		// (50 + 10) / (80 + 20) = 60 %; 80 % of 100 is 80, so 20 more lines or branches.
		expect(toCoverForTarget(counts(80, 50, 20, 10), 80)).toBe(20);
	});
	test('no float noise: 80 % of 5 statements is 4', () => {
		expect(toCoverForTarget(counts(5, 0), 80)).toBe(4);
	});
});

describe('chart data helpers', () => {
	test('links are packed by their common prefix and unpacked again', () => {
		const links = ['https://x/r/commit/abc', null, 'https://x/r/commit/abd'];
		const [prefix, rest] = packLinks(links);
		expect(prefix).toBe('https://x/r/commit/ab');
		expect(unpackLinks(prefix, rest)).toEqual(links);
		expect(packLinks([null])).toEqual(['', [null]]);
	});
	test('change at a point skips earlier gaps', () => {
		expect(changeAt([10, null, 13], 2)).toBe(3);
		expect(changeAt([10, null, 13], 0)).toBeNull();
		expect(changeAt([10, null, 13], 1)).toBeNull();
	});
	test('step series keep only the points around a change', () => {
		expect(stepIndices([70, 70, 70, 80, 80, 80])).toEqual([0, 2, 3, 5]);
	});
});

describe('repository links', () => {
	test('config first, then the GitHub Actions environment, else none', () => {
		expect(repositoryUrl('https://github.com/o/r/', {})).toBe('https://github.com/o/r');
		expect(repositoryUrl(undefined, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' })).toBe(
			'https://github.com/o/r',
		);
		expect(repositoryUrl(undefined, { GITHUB_REPOSITORY: 'o/r' })).toBeUndefined();
	});
	test('short commits shorten SHAs only', () => {
		expect(shortCommit('0123456789abcdef0123')).toBe('0123456');
		expect(shortCommit('initial')).toBe('initial');
	});
});

describe('sparkline', () => {
	test('needs two values and stays inside its box', () => {
		expect(sparklinePath([5], 100, 20)).toBe('');
		const d = sparklinePath([0, 50, 100], 100, 20);
		expect(d).toBe('M2.0 18.0 L50.0 10.0 L98.0 2.0');
	});
});

describe('badges', () => {
	test('wider text makes a wider badge', () => {
		const narrow = badgeSvg('coverage', '9%', 'red');
		const wide = badgeSvg('coverage', '100.00%', 'green');
		const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
		expect(width(wide)).toBeGreaterThan(width(narrow));
	});
	test('colour follows the status and text is escaped', () => {
		const svg = badgeSvg('<b>&', '50%', 'yellow');
		expect(svg).toContain('#8a5a00');
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('&lt;b&gt;&amp;');
		expect(badgeSvg(`"'`, '1%', 'red')).toContain('aria-label="&quot;&apos;: 1%"');
	});
	test('shields endpoint JSON', () => {
		expect(shieldsEndpoint('coverage', '81%', 'green')).toEqual({
			schemaVersion: 1,
			label: 'coverage',
			message: '81%',
			color: 'brightgreen',
		});
	});
});
