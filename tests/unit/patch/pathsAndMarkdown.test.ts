import { describe, expect, test } from 'vitest';
import { meetsMinimum, type PatchResult } from '../../../src/lib/coverage/patchCoverage.ts';
import { patchMarkdown, type PatchContext } from '../../../src/lib/coverage/patchMarkdown.ts';
import { findPathMapping, prefixMapping, toRepoPath } from '../../../src/lib/coverage/patchPaths.ts';

describe('mapping report paths onto the repository', () => {
	const repo = ['README.md', 'backend/core/a.py', 'backend/core/b/c.py', 'other/core/a.py', 'backend/setup.py'];

	test('finds the folder coverage ran in from the files that exist there', () => {
		const found = findPathMapping(['core/a.py', 'core/b/c.py', 'setup.py'], repo);
		expect(found).toEqual({ mapping: { strip: '', prefix: 'backend/' }, matched: 3 });
	});

	test('cuts an absolute checkout path that coverage wrote without relative_files', () => {
		const found = findPathMapping(
			['/home/runner/work/x/x/backend/core/a.py', '/home/runner/work/x/x/backend/setup.py'],
			repo,
		);
		expect(found.mapping).toEqual({ strip: '/home/runner/work/x/x/', prefix: '' });
		expect(found.matched).toBe(2);
	});

	test('matches nothing for a report of another project', () => {
		expect(findPathMapping(['lib/x.py'], repo).matched).toBe(0);
	});

	test('takes --path-prefix as given, with or without a trailing slash', () => {
		expect(toRepoPath('core/a.py', prefixMapping('other'))).toBe('other/core/a.py');
		expect(toRepoPath('core/a.py', prefixMapping('./'))).toBe('core/a.py');
		expect(toRepoPath('.\\core\\a.py', prefixMapping('backend/'))).toBe('backend/core/a.py');
	});
});

describe('the minimum, judged as coverage.py judges fail_under', () => {
	test.each([
		[79.994, 80, false],
		[79.995, 80, true],
		[99.999, 100, false],
		[100, 100, true],
		[null, 100, true],
	] as const)('%s against %s passes: %s', (figure, minimum, passes) => {
		expect(meetsMinimum(figure, minimum)).toBe(passes);
	});
});

describe('the Markdown block', () => {
	const context: PatchContext = {
		base: 'main',
		mergeBase: 'a'.repeat(40),
		head: 'b'.repeat(40),
		mapping: { strip: '', prefix: '' },
		minimum: 80,
		passed: false,
		annotated: 1,
		annotatable: 3,
	};
	const hostile: PatchResult = {
		statements: 2,
		covered: 1,
		branches: 0,
		covered_branches: 0,
		percent: 50,
		unmeasured: ['docs/<img src=x onerror=alert(1)>.md'],
		files: [
			{
				path: 'src/</td>|*x*`.py',
				reportPath: 'src/</td>|*x*`.py',
				statements: 2,
				covered: 1,
				branches: 0,
				covered_branches: 0,
				percent: 50,
				uncovered: [{ start: 3, end: 3, statements: 1 }],
				partial: [],
			},
		],
	};

	test('escapes paths from the diff: no HTML, no table break, no emphasis', () => {
		const md = patchMarkdown(hostile, context);
		expect(md).toContain('| src/&#60;/td&#62;\\|\\*x\\*\\`.py | 2 | 1 | 50.00% | 3 |');
		expect(md).toContain('docs/&#60;img src=x onerror=alert(1)&#62;.md');
		expect(md).not.toMatch(/<(?:td|img)/);
	});

	test('says how many uncovered ranges are not annotated', () => {
		expect(patchMarkdown(hostile, context)).toContain(
			'The diff carries annotations for the 1 largest uncovered ranges; 2 more are only in the table above.',
		);
	});

	test('lists at most maxFiles rows and says how many more there are', () => {
		const many: PatchResult = {
			...hostile,
			files: Array.from({ length: 7 }, (_, i) => ({ ...hostile.files[0]!, path: `f${i}.py` })),
		};
		const md = patchMarkdown(many, { ...context, maxFiles: 5 });
		expect(md.match(/^\| f\d\.py /gm)).toHaveLength(5);
		expect(md).toContain('_2 more changed files are not listed._');
	});
});

describe('the Markdown block at the edges', () => {
	const base: PatchContext = {
		base: 'main',
		mergeBase: 'c'.repeat(40),
		head: 'd'.repeat(40),
		mapping: { strip: '', prefix: '' },
		minimum: 80,
		passed: true,
		annotated: 0,
		annotatable: 0,
	};

	test('with no changed statement: no percentage, no table, and every changed file named as not counted', () => {
		const docs: PatchResult = {
			statements: 0,
			covered: 0,
			branches: 0,
			covered_branches: 0,
			percent: null,
			files: [],
			unmeasured: Array.from({ length: 12 }, (_, i) => `docs/page${i}.md`),
		};
		const md = patchMarkdown(docs, base);
		expect(md.split('\n')[0]).toBe('## Patch coverage: no executable line changed ✅');
		expect(md).not.toContain('| Changed file');
		expect(md).toContain(
			'Not counted: 12 changed files without a changed statement the report measures (docs/page0.md,',
		);
		expect(md).toContain('docs/page9.md, …).');
		expect(md).not.toContain('Report paths');
	});

	test('cuts a long list of uncovered runs and an absurdly long path', () => {
		const long = `${'deep/'.repeat(60)}x.py`;
		const runs = Array.from({ length: 25 }, (_, i) => ({ start: i * 3 + 1, end: i * 3 + 1, statements: 1 }));
		const result: PatchResult = {
			statements: 50,
			covered: 25,
			branches: 0,
			covered_branches: 0,
			percent: 50,
			unmeasured: [],
			files: [
				{
					path: long,
					reportPath: long,
					statements: 50,
					covered: 25,
					branches: 0,
					covered_branches: 0,
					percent: 50,
					uncovered: runs,
					partial: [],
				},
			],
		};
		const md = patchMarkdown(result, { ...base, passed: false });
		expect(md).toContain(', … (+5 more) |');
		expect(md).toContain('| …');
		expect(md).not.toContain(long);
		expect(md.split('\n')[0]).toBe('## Patch coverage: 50.00% (minimum 80%), failed ❌');
	});
});

test('finds the folder even when the sample of a large report misses the few files the repository holds', () => {
	const report = Array.from({ length: 10_000 }, (_, i) => `core/gen${i}/m.py`);
	const found = findPathMapping(report, ['README.md', 'svc/core/gen9999/m.py']);
	expect(found).toEqual({ mapping: { strip: '', prefix: 'svc/' }, matched: 1 });
});
