import { describe, expect, test } from 'vitest';
import { contrastRatio, readableOn } from '../../../src/lib/snapshot/colorContrast.ts';
import { fileSlug, sourcePageUrl, sourceViewerUrl } from '../../../src/lib/snapshot/fileSlug.ts';
import { sourceFile } from '../../../src/lib/snapshot/sourceFile.ts';
import { packTokens, unpackTokens } from '../../../src/lib/snapshot/sourceFileJson.ts';
import { sameCommit, sourceState } from '../../../src/lib/snapshot/sourceMatch.ts';
import { decodeSource, sourceLines } from '../../../src/lib/text/decodeSource.ts';

describe('source files read as Python reads them', () => {
	test('UTF-8 (with or without a BOM), the PEP 263 encoding, else Windows-1252', () => {
		expect(decodeSource(Buffer.from('\uFEFFx = "é"\n', 'utf8'))).toEqual({ text: 'x = "é"\n', encoding: 'utf-8' });
		const latin = Buffer.concat([
			Buffer.from('# -*- coding: latin-1 -*-\nx = "'),
			Buffer.from([0xe9]),
			Buffer.from('"\n'),
		]);
		expect(decodeSource(latin).text).toBe('# -*- coding: latin-1 -*-\nx = "é"\n');
		expect(decodeSource(Buffer.from([0x78, 0x93, 0x94])).text).toBe('x“”');
		expect(decodeSource(Buffer.from([0x78, 0x93, 0x94])).encoding).toBe('windows-1252');
	});
	test('lines split on \\n, \\r\\n and \\r; tabs kept', () => {
		expect(sourceLines('a\r\n\tb\rc\n')).toEqual(['a', '\tb', 'c']);
		expect(sourceLines('')).toEqual(['']);
	});
});

describe('whether the code is the snapshot’s', () => {
	const checkout = { head: 'abcdef1234567890', changed: new Set(['src/b.py']) };
	test('same commit, or unchanged since it', () => {
		expect(sourceState('src/a.py', true, 'abcdef1', checkout)).toBe('shown');
		expect(sourceState('src/a.py', true, '1234567', checkout)).toBe('shown');
		expect(sourceState('src/b.py', true, '1234567', checkout)).toBe('changed');
	});
	test('missing, outside, or no way to tell', () => {
		expect(sourceState('src/a.py', false, 'abcdef1', checkout)).toBe('missing');
		expect(sourceState(null, true, 'abcdef1', checkout)).toBe('outside');
		expect(sourceState('src/a.py', true, 'initial', { head: 'abcdef1', changed: null })).toBe('unverified');
		expect(sameCommit('initial', 'initial')).toBe(false);
	});
});

describe('source page data', () => {
	const file = {
		summary: {
			covered_lines: 2,
			num_statements: 3,
			percent_covered: 60,
			missing_lines: 1,
			excluded_lines: 0,
			num_branches: 2,
			covered_branches: 1,
			num_partial_branches: 1,
		},
		executed_ranges: '1-2',
		missing_lines: [3],
		missing_branches: [[2, 3]] as Array<[number, number]>,
		functions: {
			f: {
				summary: { covered_lines: 2, num_statements: 3, percent_covered: 60, missing_lines: 1, excluded_lines: 0 },
				start_line: 2,
			},
		},
	};
	const header = {
		domains: [],
		snapshotDate: '2026-11-30',
		commit: null,
		commitUrl: null,
		fileUrl: null,
		branchCoverage: true,
	};
	const code = {
		lines: ['def f(x):', '    if x:', '        return "</script>"', ''],
		encoding: 'utf-8',
		tokens: [],
		styles: [],
	};

	test('marks every line of the code, with the partial line in words', () => {
		const page = sourceFile('a.py', file, 'shown', code, header);
		expect(page.marks).toBe('rpm-');
		expect(page.partial).toEqual([{ line: 2, targets: ['3'], texts: ["line 2 didn't jump to line 3"] }]);
		expect(page.lines[2]).toBe('        return "</script>"');
		expect(page.functions).toEqual([{ name: 'f', line: 2, statements: 3, missing: 1, percent: (100 * 2) / 3 }]);
		expect(page.header.percent).toBe(60);
	});
	test('without matching code: no code, marks up to the last marked line', () => {
		const page = sourceFile('a.py', file, 'changed', null, header);
		expect(page).toMatchObject({ state: 'changed', lines: [], marks: 'rpm', encoding: null });
	});
});

describe('wire details', () => {
	test('tokens merge neighbours of one style and unpack to the same runs', () => {
		const packed = packTokens([
			{ length: 3, style: 1 },
			{ length: 1, style: 0 },
			{ length: 2, style: 0 },
			{ length: 0, style: 4 },
			{ length: 5, style: 2 },
		]);
		expect(packed).toEqual([3, 1, 3, 0, 5, 2]);
		expect(unpackTokens(packed).reduce((n, t) => n + t.length, 0)).toBe(11);
	});
	test('slugs are URL-safe and unique where paths only differ in case or punctuation', () => {
		const slugs = ['core/A.py', 'core/a.py', 'core/a_py', 'core/</script>.py'].map(fileSlug);
		expect(new Set(slugs).size).toBe(4);
		for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]+$/);
		expect(fileSlug('core/a.py')).toBe(fileSlug('core/a.py'));
		expect(sourcePageUrl('/atom-docs/', 'core/a b.py', 12)).toBe(
			`/atom-docs/coverage/files/${fileSlug('core/a b.py')}/#L12`,
		);
		expect(sourcePageUrl('/', 'core/a.py')).toBe(`/coverage/files/${fileSlug('core/a.py')}/`);
		expect(sourceViewerUrl('/atom-docs/', 'core/a b.py')).toBe('/atom-docs/coverage/files/?file=core%2Fa%20b.py');
	});
	test('token colours reach the contrast asked for, and readable ones are kept', () => {
		expect(contrastRatio(readableOn('#989fb1', '#fbfbfb'), '#fbfbfb')).toBeGreaterThanOrEqual(5.5);
		expect(contrastRatio(readableOn('#637777', '#011627'), '#011627')).toBeGreaterThanOrEqual(5.5);
		expect(readableOn('#000000', '#ffffff')).toBe('#000000');
	});
});
