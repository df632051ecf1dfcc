import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readLineCoverage } from '../../../src/lib/coverage/lineCoverage.ts';
import { patchCoverage, type PatchResult } from '../../../src/lib/coverage/patchCoverage.ts';
import { patchJson } from '../../../src/lib/coverage/patchJson.ts';
import { patchMarkdown, type PatchContext } from '../../../src/lib/coverage/patchMarkdown.ts';
import { parseNumstat } from '../../../src/lib/git/numstat.ts';
import { patchJsonSchema } from '../../../src/lib/schemas/patch.ts';
import { REPORTS } from '../../helpers/trend.ts';

const report = JSON.parse(readFileSync(`${REPORTS}/coverage7-branch.json`, 'utf8'));
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('reading a report line by line: bad input names the file and the field', () => {
	test('a measured file with a broken line list', () => {
		const broken = structuredClone(report);
		broken.files['core/security/tokens.py'].missing_lines = ['x'];
		const lines = readLineCoverage(bytes(broken), 'coverage.json');
		expect(() => lines.file('core/security/tokens.py')).toThrow(
			'coverage.json: files["core/security/tokens.py"].missing_lines[0]: expected a number, found the string "x"',
		);
	});

	test('no meta, or files that are not an object', () => {
		expect(() => readLineCoverage(bytes({ files: {} }), 'c.json')).toThrow(
			'c.json: meta: expected an object, found nothing',
		);
		expect(() => readLineCoverage(bytes({ meta: report.meta, files: [] }), 'c.json')).toThrow(
			'c.json: files: expected an object of measured files',
		);
		expect(() => readLineCoverage(bytes([1]), 'c.json')).toThrow('c.json: expected a coverage.py JSON object');
	});

	test('a file the report does not name is undefined, not an error', () => {
		expect(readLineCoverage(bytes(report), 'c.json').file('core/nowhere.py')).toBeUndefined();
	});

	test('garbage in numstat output is refused', () => {
		expect(() => parseNumstat('what\0')).toThrow(/unexpected git diff --numstat output/);
	});
});

describe('--json and the Markdown of a real change', () => {
	const lines = readLineCoverage(bytes(report), 'coverage.json');
	// Lines 20–25 of sanitize.py and the whole of tokens.py's first 40 lines changed.
	const changes = new Map(
		[
			['app/core/security/sanitize.py', [20, 21, 22, 23, 24, 25]],
			['app/core/security/tokens.py', Array.from({ length: 40 }, (_, i) => i + 1)],
			['app/README.md', [1]],
		].map(([path, l]) => [path as string, { path: path as string, lines: l as number[], text: new Map() }]),
	);
	const result: PatchResult = patchCoverage(changes, lines, { strip: '', prefix: 'app/' });
	const context: PatchContext = {
		base: 'origin/main',
		mergeBase: '1'.repeat(40),
		head: '2'.repeat(40),
		mapping: { strip: '', prefix: 'app/' },
		minimum: 80,
		passed: true,
		annotated: 2,
		annotatable: 2,
	};

	test('the JSON follows its schema and carries the same figures as the result', () => {
		const json = patchJsonSchema.parse(patchJson(result, context));
		expect(json).toMatchObject({
			base: 'origin/main',
			path_prefix: 'app/',
			statements: result.statements,
			covered: result.covered,
			percent: result.percent,
			annotations: { written: 2, total: 2 },
		});
		expect(json.not_counted).toEqual(['app/README.md']);
		expect(json.files.map((f) => f.report_path)).toEqual(['core/security/sanitize.py', 'core/security/tokens.py']);
	});

	test('with branch data the table has a branches column and names partly covered lines', () => {
		const md = patchMarkdown(result, context);
		expect(md).toMatch(
			/^\| Changed file \| Statements \| Covered \| Branches \| Patch \| Uncovered changed lines \|$/m,
		);
		const sanitize = result.files.find((f) => f.path.endsWith('sanitize.py'))!;
		expect(md).toContain(
			`| app/core/security/sanitize.py | ${sanitize.statements} | ${sanitize.covered} | ${sanitize.covered_branches}/${sanitize.branches} |`,
		);
		expect(sanitize.partial).toEqual([20]);
		expect(md).toContain('partly: 20');
	});

	test('says what was cut from the report’s paths', () => {
		const md = patchMarkdown(result, { ...context, mapping: { strip: '/ci/checkout/', prefix: '' } });
		expect(md).toContain('Report paths less `/ci/checkout/` are under `./` in the repository.');
	});
});
