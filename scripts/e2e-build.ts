/**
 * Builds one site per e2e fixture data directory (see scripts/shared/e2eSites.ts) into `.e2e/<name>/`,
 * under the base path `/atom-docs`. Usage: `node scripts/e2e-build.ts`; `E2E_SITES=name,…` builds
 * only those sites (the same list Playwright then tests).
 */
import { spawnSync } from 'node:child_process';
import { E2E_BASE, selectedSites, siteOutDir, type E2ESite } from './shared/e2eSites.ts';
import { prepareSourceSite } from './shared/sourceSite.ts';

let sites: E2ESite[];
try {
	sites = selectedSites();
} catch (err) {
	// A mistyped name: its one line, not a stack trace.
	console.error(`e2e-build: ${(err as Error).message}`);
	process.exit(1);
}

for (const site of sites) {
	const started = Date.now();
	if (site.name === 'source') prepareSourceSite(site.dataDir);
	const result = spawnSync('astro', ['build', '--outDir', siteOutDir(site)], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			COVERAGE_DATA_DIR: site.dataDir,
			BASE_PATH: E2E_BASE,
			SITE_URL: 'http://localhost',
			ASTRO_CACHE_DIR: `${siteOutDir(site)}-cache`,
		},
	});
	if (result.status !== 0) {
		console.error(`e2e-build: the ${site.name} site (data ${site.dataDir}) failed to build`);
		process.exit(1);
	}
	console.log(`e2e-build: ${site.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
