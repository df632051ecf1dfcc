/**
 * The sites the end-to-end suite builds and serves: one per data directory, each under the
 * non-root base `/atom-docs/` that GitHub Pages gives a project site. Add a fixture data
 * directory under `tests/fixtures/sites/<name>/` and a line here to get a site for it.
 */
export interface E2ESite {
	/** Playwright project name and output folder `.e2e/<name>`. */
	name: string;
	/** `COVERAGE_DATA_DIR` for the build. */
	dataDir: string;
	/** Port `astro preview` listens on. */
	port: number;
	/** Spec files (globs relative to tests/e2e) that run against this site. */
	testMatch: string[];
}

/** Base path every e2e build uses, as on GitHub Pages. */
export const E2E_BASE = '/atom-docs';

/**
 * `E2E_SLOT` (0–9) lets several checkouts or people run the suite at once on one machine:
 * each slot has its own ports and output folder.
 */
export const E2E_SLOT = Number(process.env.E2E_SLOT ?? 0);

/** Output folder of a site's build. */
export function siteOutDir(site: E2ESite): string {
	return `.e2e/slot${E2E_SLOT}/${site.name}`;
}

/** Port of a site's preview server. */
export function sitePort(site: E2ESite): number {
	return site.port + 20 * E2E_SLOT;
}

export const allSites: E2ESite[] = [
	{ name: 'default', dataDir: 'data', port: 4401, testMatch: ['default/**/*.spec.ts'] },
	{
		name: 'long-history',
		dataDir: 'tests/fixtures/sites/long-history',
		port: 4402,
		testMatch: ['long-history/**/*.spec.ts'],
	},
	{ name: 'empty', dataDir: 'tests/fixtures/sites/empty', port: 4403, testMatch: ['empty/**/*.spec.ts'] },
	{ name: 'edge', dataDir: 'tests/fixtures/sites/edge', port: 4404, testMatch: ['edge/**/*.spec.ts'] },
	{ name: 'xss', dataDir: 'tests/fixtures/sites/xss', port: 4405, testMatch: ['xss/**/*.spec.ts'] },
	{
		name: 'test-health',
		dataDir: 'tests/fixtures/sites/test-health',
		port: 4407,
		testMatch: ['test-health/**/*.spec.ts'],
	},
	// Twelve domains with long labels: the home grid and the dashboards' width at 1280 and 1920 px.
	{
		name: 'many-domains',
		dataDir: 'tests/fixtures/sites/many-domains',
		port: 4409,
		testMatch: ['many-domains/**/*.spec.ts'],
	},
	// Source pages: the fixture with the checkout's commit, written by `prepareSourceSite` before the build.
	{
		name: 'source',
		dataDir: `.e2e/slot${E2E_SLOT}/source-data`,
		port: 4408,
		testMatch: ['source/**/*.spec.ts'],
	},
	// The local CI pipeline's site: `node scripts/ci/local-pipeline.ts record` (run first by `npm run test:e2e`) creates its data.
	...(process.getBuiltinModule('node:fs').existsSync(`.e2e/slot${E2E_SLOT}/pipeline-data`)
		? [
				{
					name: 'pipeline',
					dataDir: `.e2e/slot${E2E_SLOT}/pipeline-data`,
					port: 4406,
					testMatch: ['pipeline/**/*.spec.ts'],
				},
			]
		: []),
];

/**
 * The sites of this run: every one, or those named in `E2E_SITES` (comma-separated, e.g.
 * `E2E_SITES=source,test-health`), so that a change to one page can be checked without building all.
 * An unknown name is an error that names the known sites.
 */
export function selectedSites(value = process.env.E2E_SITES): E2ESite[] {
	const wanted = value
		?.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (!wanted?.length) return allSites;
	const unknown = wanted.filter((name) => !allSites.some((site) => site.name === name));
	if (unknown.length)
		throw new Error(
			`E2E_SITES: no site named ${unknown.join(', ')}; known: ${allSites.map((site) => site.name).join(', ')}`,
		);
	return allSites.filter((site) => wanted.includes(site.name));
}
