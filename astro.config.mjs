// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { sidebar } from './src/sidebar.ts';
import { sourcePages } from './src/integrations/sourcePages.ts';
import { testForwardPages } from './src/integrations/testForwardPages.ts';

/**
 * `SITE_URL` and `BASE_PATH` let one checkout deploy anywhere: GitHub Pages under
 * `https://<owner>.github.io/<repo>/`, a fork, or a local preview at `/`.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const rawBase = process.env.BASE_PATH?.trim() || '/';
const base = rawBase === '/' ? '/' : `/${rawBase.replace(/^\/+|\/+$/g, '')}`;

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Separate caches let builds of different data directories run side by side (the e2e sites do).
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	integrations: [
		starlight({
			title: 'Atom test quality',
			description:
				'Guides to reading coverage, isolating tests and stopping flaky ones, beside live coverage dashboards.',
			favicon: '/favicon.svg',
			lastUpdated: false,
			pagination: true,
			customCss: ['./src/styles/site.css'],
			sidebar: sidebar(),
		}),
		mdx(),
		// Every measured file's source page, written after the pages (see the file).
		sourcePages(),
		// After Starlight: its Pagefind step has read the built pages before these are written.
		testForwardPages(),
	],
	vite: {
		resolve: {
			// Load Pagefind's search UI when the search dialog first opens, not on every page (see the file).
			alias: [
				{
					find: /^@pagefind\/default-ui$/,
					replacement: fileURLToPath(new URL('./src/search/lazyPagefindUI.ts', import.meta.url)),
				},
			],
		},
		build: {
			rollupOptions: {
				// Astro's own MDX output carries a directive the bundler warns about on every page; it is harmless.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
						return;
					warn(warning);
				},
			},
		},
	},
});
