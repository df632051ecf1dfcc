/**
 * An Astro integration that writes the forwarding page of every test without a full page
 * (`src/lib/testHealth/forwardPage.ts`) from the built `/tests/all.json`, once the build is done.
 * Plain file writes instead of 20,000 Astro routes: at 20,000 tests those routes took 80 of the
 * build's 140 s. Listed after Starlight, so Pagefind (which skips these pages anyway) never reads them.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forwardPages } from '../lib/testHealth/forwardPage.ts';
import { siteOutput } from './siteOutput.ts';
import type { TestIndexJson } from '../lib/testHealth/testIndex.ts';

/** The integration. */
export function testForwardPages(): AstroIntegration {
	let base = '/';
	return {
		name: 'atom:test-forward-pages',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const indexFile = join(out, 'tests', 'all.json');
				if (!existsSync(indexFile)) return;
				const index = JSON.parse(readFileSync(indexFile, 'utf8')) as TestIndexJson;
				const output = siteOutput(out);
				let written = 0;
				// A full page at the same address wins (it cannot happen: the index marks those).
				for (const [path, html] of forwardPages(base, index)) if (output.write(path, html)) written++;
				logger.info(`${written} forwarding pages of tests without a page of their own`);
			},
		},
	};
}
