import { describe, expect, test } from 'vitest';
import { dedent, extractRegion, regionNames } from '../../../src/lib/docs/codeRegion.ts';
import { DataError } from '../../../src/lib/dataDir/dataError.ts';

const conftest = [
	'import os',
	'',
	'# region: unique_resource_name',
	'@pytest.fixture',
	'def unique_resource_name():',
	'    # region: body',
	'    worker = os.environ.get("PYTEST_XDIST_WORKER", "master")',
	'    return f"{worker}-x"',
	'    # endregion: body',
	'# endregion: unique_resource_name',
	'',
	'class Helpers:',
	'    # region: method',
	'    def ok(self):',
	'        return True',
	'',
	'    # endregion: method',
].join('\n');

describe('extractRegion', () => {
	test('returns the lines between the markers, without the markers of nested regions', () => {
		const r = extractRegion(conftest, 'unique_resource_name', 'tests/conftest.py');
		expect(r.code).toBe(
			[
				'@pytest.fixture',
				'def unique_resource_name():',
				'    worker = os.environ.get("PYTEST_XDIST_WORKER", "master")',
				'    return f"{worker}-x"',
			].join('\n'),
		);
		expect(r.startLine).toBe(4);
	});

	test('dedents a region cut from an indented block and trims blank edges', () => {
		const r = extractRegion(conftest, 'method', 'tests/conftest.py');
		expect(r.code).toBe('def ok(self):\n    return True');
		expect(r.startLine).toBe(14);
	});

	test('a nested region is cut on its own', () => {
		expect(extractRegion(conftest, 'body', 'f.py').code).toBe(
			'worker = os.environ.get("PYTEST_XDIST_WORKER", "master")\nreturn f"{worker}-x"',
		);
	});

	test('accepts // markers and Windows line endings', () => {
		const src = '// region: a\r\nconst x = 1;\r\n// endregion: a\r\n';
		expect(extractRegion(src, 'a', 'x.ts').code).toBe('const x = 1;');
	});

	test.each([
		[
			'missing',
			conftest,
			'nope',
			/tests\/conftest\.py: region "nope" not found \(regions in the file: unique_resource_name, body, method\)/,
		],
		['unclosed', '# region: a\nx = 1\n', 'a', /f\.py: region "a" opened on line 1 but never closed/],
		[
			'opened twice',
			'# region: a\n# region: a\nx\n# endregion: a',
			'a',
			/f\.py: region "a" opened twice \(lines 1 and 2\)/,
		],
		['closed first', '# endregion: a\n# region: a\nx\n', 'a', /f\.py: region "a" closed on line 1 before it is opened/],
		['empty', '# region: a\n\n# endregion: a', 'a', /f\.py: region "a" is empty/],
	])('a %s region is a DataError naming the file and the region', (_label, src, name, message) => {
		const file = name === 'nope' ? 'tests/conftest.py' : 'f.py';
		expect(() => extractRegion(src, name, file)).toThrow(DataError);
		expect(() => extractRegion(src, name, file)).toThrow(message);
	});
});

describe('regionNames', () => {
	test('lists regions in opening order', () => {
		expect(regionNames(conftest)).toEqual(['unique_resource_name', 'body', 'method']);
		expect(regionNames('x = 1')).toEqual([]);
	});
});

describe('dedent', () => {
	test('removes only the indentation every non-blank line shares', () => {
		expect(dedent(['    a', '', '      b', '    c'])).toEqual(['a', '', '  b', 'c']);
		expect(dedent(['a', '  b'])).toEqual(['a', '  b']);
	});
});
