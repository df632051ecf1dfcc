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

export const sites: E2ESite[] = [
	{ name: 'default', dataDir: 'data', port: 4401, testMatch: ['default/**/*.spec.ts'] },
];
