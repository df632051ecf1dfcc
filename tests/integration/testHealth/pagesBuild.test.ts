/**
 * The test-health pages built by Astro from two small data directories: one with no JUnit recorded
 * (the empty state says how to record one), one whose test names carry HTML (shown as text, never
 * markup) and whose older runs exist only as trend points (the charts still cover them).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildWorkDir, runAstro, type AstroRun } from '../../helpers/astro.ts';
import { unpackTestIndexRow, type TestIndexJson } from '../../../src/lib/testHealth/testIndex.ts';

const EVIL = '</title></script><img src=x onerror=alert(1)>';
const work = mkdtempSync(join(tmpdir(), 'test-health-pages-'));
const OUT = buildWorkDir();
let empty: AstroRun;
let evil: AstroRun;
let broken: AstroRun;

beforeAll(async () => {
	const emptyDir = join(work, 'empty');
	mkdirSync(emptyDir);
	cpSync('data/coverage.config.json', join(emptyDir, 'coverage.config.json'));
	// Coverage recorded, JUnit never: the home page shows its tiles, the test-health one empty.
	writeFileSync(
		join(emptyDir, 'coverage_trend.json'),
		JSON.stringify({
			coverage_history: [{ date: '2026-02-11', commit: 'initial', overall_percent: 15.57, test_count: 0 }],
			targets: {},
		}),
	);

	const evilDir = join(work, 'evil');
	mkdirSync(join(evilDir, 'test-runs'), { recursive: true });
	cpSync('data/coverage.config.json', join(evilDir, 'coverage.config.json'));
	const point = (date: string, commit: string, extra: object) => ({
		date,
		commit,
		overall_percent: 80,
		test_count: 3,
		...extra,
	});
	writeFileSync(
		join(evilDir, 'coverage_trend.json'),
		JSON.stringify({
			coverage_history: [
				point('2026-01-01', 'aaaaaaa1', { tests_failed: 0, tests_skipped: 0, duration_seconds: 400 }),
				point('2026-01-02', 'bbbbbbb2', { tests_failed: 1, tests_skipped: 0, duration_seconds: 700 }),
				point('2026-01-03', 'ccccccc3', {
					tests_failed: 1,
					tests_skipped: 1,
					duration_seconds: 2,
					test_run: '2026-01-03_ccccccc_tests.json',
				}),
			],
			targets: {},
		}),
	);
	writeFileSync(
		join(evilDir, 'test-runs', '2026-01-03_ccccccc_tests.json'),
		JSON.stringify({
			format: 1,
			commit: 'ccccccc3',
			date: '2026-01-03',
			duration_seconds: 2,
			classnames: [`tests.${EVIL}`],
			tests: [
				[0, `test_a[${EVIL}]`, 'failed', 1.5],
				[0, 'test_b', 'passed', 0.2],
				[0, 'test_c', 'skipped', 0],
			],
		}),
	);
	// Out-dirs inside the checkout: for an out-dir elsewhere Astro puts its prerender chunks in the
	// shared `.astro/.prerender/`, where builds running at the same time overwrite each other's.
	// One build at a time: the machine has two cores.
	empty = await runAstro('build', { COVERAGE_DATA_DIR: emptyDir, BASE_PATH: '/atom-docs' }, join(OUT, 'empty'));
	evil = await runAstro('build', { COVERAGE_DATA_DIR: evilDir, BASE_PATH: '/atom-docs' }, join(OUT, 'evil'));
	// The records are read when the pages are built, not by the content loader: a bad one must still stop the build.
	const brokenDir = join(work, 'broken');
	cpSync(evilDir, brokenDir, { recursive: true });
	const bad = join(brokenDir, 'test-runs', '2026-01-03_ccccccc_tests.json');
	writeFileSync(bad, readFileSync(bad, 'utf8').replace('"format":1', '"format":7'));
	broken = await runAstro('build', { COVERAGE_DATA_DIR: brokenDir, BASE_PATH: '/atom-docs' }, join(OUT, 'broken'));
}, 240_000);

afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	rmSync(OUT, { recursive: true, force: true });
});

const page = (run: AstroRun, path: string) => readFileSync(join(run.outDir, path), 'utf8');

describe('test-health pages', () => {
	test('with coverage but no JUnit recorded, /tests/ and the home tile say how to record some', () => {
		expect(empty.code, empty.output).toBe(0);
		const tests = page(empty, 'tests/index.html');
		expect(tests).toContain('data-testid="tests-empty"');
		expect(tests).toContain('No JUnit results have been recorded yet');
		expect(tests).toContain('--junit');
		expect(tests).not.toContain('<trend-chart');
		expect(page(empty, 'index.html')).toContain('data-testid="tile-empty"');
		// No test pages; the every-test list's data is an empty list.
		expect(readdirSync(join(empty.outDir, 'tests'))).toEqual(['all', 'all.json', 'index.html']);
		expect(JSON.parse(page(empty, 'tests/all.json')).tests).toEqual([]);
	});

	test('test names and classnames from data are text, never markup (the <title> too)', () => {
		expect(evil.code, evil.output).toBe(0);
		const slug = readdirSync(join(evil.outDir, 'tests')).find((d) => d.startsWith('test-a-'))!;
		// /tests/all/ carries no test: its script reads them from all.json and sets them as text.
		expect(page(evil, 'tests/all/index.html')).not.toContain('test_a[');
		const index = JSON.parse(page(evil, 'tests/all.json')) as TestIndexJson;
		expect(index.tests.map((row) => unpackTestIndexRow(row, index.classnames).name)).toContain(`test_a[${EVIL}]`);
		for (const file of ['tests/index.html', `tests/${slug}/index.html`]) {
			// Attribute values are quoted and escaped by Astro, so only the markup outside them matters.
			const markup = page(evil, file).replace(/="[^"]*"/g, '=""');
			expect(markup, file).not.toContain('<img src=x');
			expect(markup, file).toMatch(
				/&lt;\/title&gt;&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;|&#60;\/title&#62;&#60;\/script&#62;&#60;img/,
			);
		}
		const title = /<title>(.*?)<\/title>/s.exec(page(evil, `tests/${slug}/index.html`))![1]!;
		expect(title).toBe(
			'test_a[&#60;/title&#62;&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;] | Atom test quality',
		);
	});

	test('a bad per-test record stops the build with one line naming the file and the field', () => {
		expect(broken.code).not.toBe(0);
		expect(broken.output).toContain('2026-01-03_ccccccc_tests.json: format: expected one of 1, found 7');
	});

	test('runs kept only as trend points still appear in the suite charts', () => {
		const tests = page(evil, 'tests/index.html');
		// The duration table: the two older points (400 s and 700 s) and the kept record (2 s).
		expect(tests).toContain('400.0 s');
		expect(tests).toContain('700.0 s');
		expect(tests).toContain('2.0 s');
		expect(tests).toMatch(/ran <strong data-testid="tests-count"[^>]*>3<\/strong> tests/);
	});
});
