/**
 * The Astro integration that adds source pages to the site: once Astro has written its pages, it
 * writes every measured file's data and address (`src/data/sourcePages.ts`) into the output; in
 * `astro dev` it answers the same addresses. Not Astro routes: a route render costs about a
 * millisecond of Astro's own work per file, seconds for a 2,000-file backend, twice (data and page).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { devSourcePage, writeSourcePages } from '../data/sourcePages.ts';

/** The integration; `astro.config.mjs` lists it after Starlight. */
export function sourcePages(): AstroIntegration {
	let base = '/';
	let root = process.cwd();
	return {
		name: 'source-pages',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const files = await writeSourcePages(fileURLToPath(dir), base, root);
				if (files) logger.info(`${files} source pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					devSourcePage(new URL(req.url ?? '/', 'http://dev').pathname, base, root).then(
						(answer) => {
							if (!answer) return next();
							res.setHeader('Content-Type', answer.type);
							res.end(answer.body);
						},
						(err: unknown) => next(err),
					);
				});
			},
		},
	};
}
