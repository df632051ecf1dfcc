import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroEnv, buildWorkDir } from '../../helpers/astro.ts';

/** Run the Pages build script as the workflow does (SITE_URL and BASE_PATH as configure-pages gives them). */
function buildPagesSite(html: string, out: string): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn('scripts/ci/build-pages-site.sh', [html, out], {
			env: astroEnv({
				SITE_URL: 'https://atom.github.io',
				BASE_PATH: '/atom-backend',
				COVERAGE_DATA_DIR: 'data',
				ASTRO_CACHE_DIR: join(mkdtempSync(join(tmpdir(), 'pages-cache-')), 'cache'),
				// The project's Node 24 first, as under `npm run`.
				PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH}`,
			}),
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => done({ code, output }));
	});
}

describe('build-pages-site.sh', () => {
	test(
		'builds under the Pages base path and publishes the HTML report at coverage_reports/html/',
		{ timeout: 240_000 },
		async () => {
			// Inside the checkout: an outDir elsewhere shares .astro/ with every other build (see buildWorkDir).
			const work = buildWorkDir();
			const html = join(work, 'reports', 'html');
			mkdirSync(html, { recursive: true });
			writeFileSync(join(html, 'index.html'), '<title>Coverage report</title><h1>Coverage report: 84%</h1>');
			writeFileSync(join(html, '.gitignore'), '*\n');
			const out = join(work, 'dist');
			const run = await buildPagesSite(html, out);
			expect(run.code, run.output.slice(-2000)).toBe(0);
			expect(run.output).toContain('SITE_URL=https://atom.github.io BASE_PATH=/atom-backend');
			expect(readFileSync(join(out, 'coverage_reports', 'html', 'index.html'), 'utf8')).toContain(
				'Coverage report: 84%',
			);
			expect(existsSync(join(out, 'coverage_reports', 'html', '.gitignore'))).toBe(false);
			const home = readFileSync(join(out, 'index.html'), 'utf8');
			expect(home).toContain('href="/atom-backend/coverage/"');
			expect(home).not.toMatch(/href="\/coverage\//);
		},
	);
});

describe('publish-coverage-html.sh', () => {
	test('without a report the site is left alone, with a warning annotation', () => {
		const site = mkdtempSync(join(tmpdir(), 'site-'));
		const run = spawnSync('scripts/ci/publish-coverage-html.sh', [join(site, 'missing'), site], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^::warning title=No coverage HTML report::/);
		expect(existsSync(join(site, 'coverage_reports'))).toBe(false);
	});
	test('replaces an older report instead of mixing the two', () => {
		const work = mkdtempSync(join(tmpdir(), 'site-'));
		const site = join(work, 'dist');
		mkdirSync(join(site, 'coverage_reports', 'html'), { recursive: true });
		writeFileSync(join(site, 'coverage_reports', 'html', 'old_file.html'), 'stale');
		const html = join(work, 'html');
		mkdirSync(html);
		writeFileSync(join(html, 'index.html'), 'new');
		const run = spawnSync('scripts/ci/publish-coverage-html.sh', [html, site], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(existsSync(join(site, 'coverage_reports', 'html', 'old_file.html'))).toBe(false);
		expect(readFileSync(join(site, 'coverage_reports', 'html', 'index.html'), 'utf8')).toBe('new');
	});
	test('refuses a site folder that does not exist', () => {
		const run = spawnSync('scripts/ci/publish-coverage-html.sh', ['x', '/nonexistent/dist'], { encoding: 'utf8' });
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("site directory '/nonexistent/dist' not found");
	});
});
