/**
 * Dashboard budgets, measured and printed (never a pass/fail test):
 * - JavaScript per dashboard page, gzip (budget ≤ 70 KB), and that guide pages load no chart code;
 * - the trend chart's first draw for 10,000 points in headless Chromium (budget < 150 ms);
 * - a domain page's HTML, gzip, for a 20,000-file snapshot (budget < 400 KB);
 * - the build with that snapshot and 10,000 points against the build with the default data (≤ 2×).
 *
 * `npm run bench dashboards` (or `npx node scripts/bench/dashboards.ts`). Output goes to `.bench/`.
 */
import { chromium, type Response } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeDataDir } from '../shared/longHistory.ts';

const OUT = resolve('.bench/dashboards');
const BASE = '/atom-docs';
const POINTS = 10_000;
const FILES = 20_000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Build the site for a data directory; returns the wall time in seconds. */
function build(dataDir: string, name: string): number {
	const started = performance.now();
	const r = spawnSync('npx', ['astro', 'build', '--outDir', join(OUT, `dist-${name}`)], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			COVERAGE_DATA_DIR: dataDir,
			BASE_PATH: BASE,
			SITE_URL: 'http://localhost',
			ASTRO_CACHE_DIR: join(OUT, `cache-${name}`),
		},
	});
	if (r.status !== 0) throw new Error(`build of ${name} failed`);
	return (performance.now() - started) / 1000;
}

/** A static server for a build under the base path. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
	const types: Record<string, string> = {
		'.html': 'text/html',
		'.js': 'text/javascript',
		'.css': 'text/css',
		'.json': 'application/json',
		'.svg': 'image/svg+xml',
	};
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
		let file = join(dir, path.startsWith(BASE) ? path.slice(BASE.length) : path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	});
	return new Promise((ok) =>
		server.listen(0, '127.0.0.1', () =>
			ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
		),
	);
}

mkdirSync(OUT, { recursive: true });
const bigData = join(OUT, 'data-big');
rmSync(bigData, { recursive: true, force: true });
mkdirSync(bigData, { recursive: true });
const t = performance.now();
writeDataDir(bigData, POINTS, FILES, 1);
console.log(
	`generated ${POINTS} points and a snapshot of ${FILES} files in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// Cold (no Astro cache, as on a fresh CI runner), then warm (content layer and Vite caches reused).
for (const name of ['default', 'big']) rmSync(join(OUT, `cache-${name}`), { recursive: true, force: true });
for (const cache of ['cold', 'warm']) {
	const defaultSeconds = build('data', 'default');
	const bigSeconds = build(bigData, 'big');
	console.log(
		`build (${cache} cache): default data ${defaultSeconds.toFixed(1)} s, ${POINTS} points + ${FILES} files ${bigSeconds.toFixed(1)} s, ratio ${(bigSeconds / defaultSeconds).toFixed(2)}× (budget ≤ 2×)`,
	);
}

const distBig = join(OUT, 'dist-big');
const domainPages = readdirSync(join(distBig, 'coverage'))
	.filter((d) => existsSync(join(distBig, 'coverage', d, 'index.html')) && d !== 'compare')
	.map((d) => {
		const html = readFileSync(join(distBig, 'coverage', d, 'index.html'));
		return { d, raw: html.length, gz: gzipSync(html).length };
	});
const largest = domainPages.reduce((a, b) => (b.gz > a.gz ? b : a));
console.log(
	`domain page HTML, largest (${largest.d}): ${kb(largest.gz)} gzip, ${kb(largest.raw)} raw (budget < 400 KB gzip)`,
);
const filesJson = readFileSync(join(distBig, 'coverage', largest.d, 'files.json'));
console.log(`  its lazily loaded files.json: ${kb(gzipSync(filesJson).length)} gzip`);
const trendHtml = readFileSync(join(distBig, 'coverage', 'index.html'));
console.log(
	`trend page HTML (chart data sampled, table of the newest 500 points): ${kb(gzipSync(trendHtml).length)} gzip`,
);

const chartChunk = readdirSync(join(distBig, '_astro')).find((f) => f.startsWith('TrendChart') && f.endsWith('.js'));
if (chartChunk)
	console.log(
		`chart chunk (Chart.js + <trend-chart>): ${kb(gzipSync(readFileSync(join(distBig, '_astro', chartChunk))).length)} gzip`,
	);
const { server, origin } = await serve(distBig);
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const browser = await chromium.launch({
	...(systemChromium ? { executablePath: systemChromium } : {}),
	args: ['--no-sandbox'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const pages = ['/', '/coverage/', `/coverage/${largest.d}/`, '/coverage/compare/', '/guides/coverage/'];
	for (const path of pages) {
		const scripts = new Map<string, number>();
		const onResponse = async (r: Response) => {
			if (!r.url().endsWith('.js')) return;
			scripts.set(r.url(), gzipSync(await r.body()).length);
		};
		page.on('response', onResponse);
		await page.goto(`${origin}${BASE}${path}`, { waitUntil: 'networkidle' });
		// Give idle-time imports (Starlight's search UI) the chance to load, so every page is counted alike.
		await page.waitForTimeout(1500);
		page.off('response', onResponse);
		const total = [...scripts.values()].reduce((a, b) => a + b, 0);
		// Starlight's search box imports Pagefind's UI (`ui-core`) when the browser is idle, on every page.
		const search = [...scripts]
			.filter(([u]) => u.includes('ui-core') || u.includes('pagefind'))
			.reduce((a, [, b]) => a + b, 0);
		const chart = [...scripts.keys()].some((u) => u.includes('TrendChart'));
		console.log(
			`JS on ${path.padEnd(24)} ${kb(total).padStart(9)} gzip in ${scripts.size} files, of which ${kb(search)} Starlight's idle-loaded search UI${chart ? '; includes the chart' : '; no chart code'} (budget ≤ 70 KB)`,
		);
	}
	const draws: number[] = [];
	for (let run = 0; run < 5; run++) {
		await page.goto(`${origin}${BASE}/coverage/`, { waitUntil: 'load' });
		await page.waitForSelector('trend-chart[data-ready="true"]');
		draws.push(Number(await page.getAttribute('trend-chart', 'data-first-draw-ms')));
	}
	draws.sort((a, b) => a - b);
	console.log(
		`chart first draw, ${POINTS} points (script start → first draw): median ${draws[2]!.toFixed(1)} ms, runs ${draws.map((d) => d.toFixed(0)).join(', ')} ms (budget < 150 ms)`,
	);
} finally {
	await browser.close();
	server.close();
}
