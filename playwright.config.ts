import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_BASE, selectedSites, siteOutDir, sitePort } from './scripts/shared/e2eSites.ts';

const sites = selectedSites();

/** Debian's Chromium where it is installed (no test tool downloads a browser here), else Playwright's own. */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const launchOptions = {
	...(systemChromium ? { executablePath: systemChromium } : {}),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
};

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: `test-results/slot${process.env.E2E_SLOT ?? 0}`,
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	// A hang guard, not a speed goal: axe on a long page took over the default 30 s on a loaded 2-core machine.
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: { trace: 'retain-on-failure', launchOptions },
	projects: sites.map((site) => ({
		name: site.name,
		testMatch: site.testMatch,
		use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://localhost:${sitePort(site)}${E2E_BASE}/` },
	})),
	webServer: sites.map((site) => ({
		// --ignore-lock: Astro 7 refuses a second preview server per project root, and each site needs its own.
		command: `astro preview --ignore-lock --outDir ${siteOutDir(site)} --port ${sitePort(site)} --host localhost`,
		url: `http://localhost:${sitePort(site)}${E2E_BASE}/`,
		env: { COVERAGE_DATA_DIR: site.dataDir, BASE_PATH: E2E_BASE },
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
	})),
});
