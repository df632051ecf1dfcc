import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { indexCoveragePyJson } from '../../../src/lib/reports/coveragepyIndex.ts';
import { REPORTS } from '../../helpers/trend.ts';

/** Every file's value parsed from its indexed bytes, as an object keyed by path. */
function filesFromIndex(text: string): Record<string, unknown> | null {
	const bytes = Buffer.from(text, 'utf8');
	const index = indexCoveragePyJson(bytes);
	if (!index) return null;
	return Object.fromEntries(
		[...index.files].map(([path, [start, end]]) => [path, JSON.parse(bytes.toString('utf8', start, end))]),
	);
}

const real = readFileSync(`${REPORTS}/coverage7-branch.json`, 'utf8');
const parsed = JSON.parse(real);

describe('the byte index of a coverage.py report finds exactly what JSON.parse finds', () => {
	test.each([
		['coverage.py 7.11 (format 3, function and class regions)', real],
		['coverage.py 6.5', readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8')],
		['pretty-printed with a BOM', `\uFEFF${JSON.stringify(parsed, null, 2)}`],
		[
			'keys and region names with quotes, backslashes, braces and non-ASCII',
			JSON.stringify({
				...parsed,
				files: {
					'core/a "b" \\ {x}.py': parsed.files['core/security/tokens.py'],
					'core/über.py': { ...parsed.files['core/security/tokens.py'], functions: { 'f}{"]': { summary: {} } } },
				},
			}),
		],
	])('%s', (_name, text) => {
		expect(filesFromIndex(text)).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')).files);
	});

	test.each([
		['not an object', '[1, 2]'],
		['no files', '{"meta": {}}'],
		['files that are a list', '{"files": []}'],
		['a cut-off report', real.slice(0, real.length / 2)],
		['text after the object', `${real} trailing`],
		['a key with a broken escape', '{"files": {"a\\q": {}}}'],
	])('is null for %s (the full parser then names the problem)', (_name, text) => {
		expect(indexCoveragePyJson(Buffer.from(text))).toBeNull();
	});
});
