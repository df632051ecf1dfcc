import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { PatchFile, PatchResult } from '../../../src/lib/coverage/patchCoverage.ts';
import { patchMarkdown, type PatchContext } from '../../../src/lib/coverage/patchMarkdown.ts';
import {
	siteAddress,
	sitePageLink,
	siteSourcePages,
	type SiteSourcePages,
} from '../../../src/lib/coverage/patchSourceLinks.ts';
import { fileSlug } from '../../../src/lib/snapshot/fileSlug.ts';

const work = mkdtempSync(join(tmpdir(), 'patch-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = (path: string, reportPath: string, uncovered: number): PatchFile => ({
	path,
	reportPath,
	statements: 4,
	covered: 4 - uncovered,
	branches: 0,
	covered_branches: 0,
	percent: (100 * (4 - uncovered)) / 4,
	uncovered: uncovered ? [{ start: 40, end: 39 + uncovered, statements: uncovered }] : [],
	partial: [],
});
const result: PatchResult = {
	statements: 12,
	covered: 9,
	branches: 0,
	covered_branches: 0,
	percent: 75,
	unmeasured: [],
	files: [
		file('backend/core/a.py', 'core/a.py', 2),
		file('backend/core/new.py', 'core/new.py', 1),
		file('backend/core/</td>|*x*.py', 'core/</td>|*x*.py', 0),
	],
};
const context: PatchContext = {
	base: 'main',
	mergeBase: 'a'.repeat(40),
	head: 'b'.repeat(40),
	mapping: { strip: '', prefix: 'backend/' },
	minimum: 80,
	passed: false,
	annotated: 0,
	annotatable: 0,
};
const pages: SiteSourcePages = {
	site: 'https://owner.github.io/atom (docs)/',
	paths: new Set(['core/a.py', 'core/</td>|*x*.py']),
	commit: 'c'.repeat(40),
};

describe("the patch block's links to source pages", () => {
	test('each file the site measured links to its source page there, without a line anchor', () => {
		const md = patchMarkdown(result, { ...context, sourcePages: pages });
		const link = `https://owner.github.io/atom%20%28docs%29/coverage/files/${fileSlug('core/a.py')}/`;
		expect(md).toContain(`| [backend/core/a.py](${link}) | 4 | 2 |`);
		expect(md).not.toMatch(/\]\([^)]*#L/);
		expect(md).toContain(
			"File names link to their source pages on the site, which show the base branch's newest snapshot (ccccccc): the line numbers there are that code's, not this change's.",
		);
	});

	test('a file the site has no page for (new in this change) is plain text', () => {
		const md = patchMarkdown(result, { ...context, sourcePages: pages });
		expect(md).toContain('| backend/core/new.py | 4 | 3 |');
		expect(md).not.toContain('new-py');
	});

	test('a hostile path is escaped text inside its link, and cannot break the table or the link', () => {
		const md = patchMarkdown(result, { ...context, sourcePages: pages });
		const row = md.split('\n').find((l) => l.includes('x\\*.py'))!;
		expect(row).toMatch(/^\| \[backend\/core\/&#60;\/td&#62;\\\|\\\*x\\\*\.py\]\(https:\/\/[^ ()|<>]+\) \| 4 \|/);
	});

	test('without the site address the block has no links and no note', () => {
		const md = patchMarkdown(result, context);
		expect(md).not.toContain('](');
		expect(md).not.toContain('source pages');
	});

	test('the site address must be a plain http(s) address; a trailing slash is added', () => {
		expect(siteAddress('https://owner.github.io/repo')).toBe('https://owner.github.io/repo/');
		expect(siteAddress(' http://localhost:4321/ ')).toBe('http://localhost:4321/');
		for (const bad of [
			'javascript:alert(1)',
			'owner.github.io',
			'https://x/?a=1',
			'https://x/#top',
			'https://u:p@x/',
			'',
		])
			expect(siteAddress(bad), bad).toBeNull();
	});

	test("the site's pages are the data directory's newest snapshot, with the commit its point names", () => {
		const data = join(work, 'data');
		mkdirSync(join(data, 'snapshots'), { recursive: true });
		const summary = { covered_lines: 1, num_statements: 1, percent_covered: 100, missing_lines: 0, excluded_lines: 0 };
		const snapshot = (paths: string[]) =>
			JSON.stringify({
				meta: { version: '7.16.2', timestamp: '2026-12-01T10:00:00', branch_coverage: false },
				files: Object.fromEntries(paths.map((p) => [p, { summary, missing_lines: [] }])),
				totals: summary,
			});
		writeFileSync(join(data, 'coverage.config.json'), JSON.stringify({ project: 'x', domains: [] }));
		expect(siteSourcePages('https://x/', data).paths.size).toBe(0);
		writeFileSync(join(data, 'snapshots', '2026-11-30_aaaaaaa_coverage.json'), snapshot(['core/old.py']));
		writeFileSync(join(data, 'snapshots', '2026-12-01_ddddddd_coverage.json'), snapshot(['core/a.py']));
		writeFileSync(
			join(data, 'coverage_trend.json'),
			JSON.stringify({
				coverage_history: [
					{
						date: '2026-12-01',
						commit: 'd'.repeat(40),
						overall_percent: 100,
						test_count: 1,
						snapshot: '2026-12-01_ddddddd_coverage.json',
					},
				],
				targets: {},
			}),
		);
		const site = siteSourcePages('https://x/', data);
		expect([...site.paths]).toEqual(['core/a.py']);
		expect(site.commit).toBe('d'.repeat(40));
		expect(sitePageLink(site, 'core/old.py')).toBeNull();
		expect(sitePageLink(site, 'core/a.py')).toBe(`https://x/coverage/files/${fileSlug('core/a.py')}/`);
	});
});
