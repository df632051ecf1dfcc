/**
 * The Astro integration that adds source pages to the site: in `astro build` a worker thread writes
 * every measured file's data and address (`src/data/sourcePages.ts`) while Astro builds its own pages,
 * and once Astro is done they are moved into the output (`src/data/sourcePagesAhead.ts`); in
 * `astro dev` it answers the same addresses. Not Astro routes: a route render costs about a
 * millisecond of Astro's own work per file, seconds for a 2,000-file backend, twice (data and page).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { devSourcePage, sourcePagesOn } from '../data/sourcePages.ts';
import { startSourcePages, type SourcePagesAhead } from '../data/sourcePagesAhead.ts';

/** The integration; `astro.config.mjs` lists it after Starlight. */
export function sourcePages(): AstroIntegration {
	let base = '/';
	let root = process.cwd();
	let command = '';
	let ahead: SourcePagesAhead | null = null;
	return {
		name: 'source-pages',
		hooks: {
			'astro:config:setup': (options) => {
				command = options.command;
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
				// Started now, before Astro syncs its content and bundles: the pages need only the data directory.
				if (command === 'build' && sourcePagesOn())
					ahead = startSourcePages(fileURLToPath(config.cacheDir), base, root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!ahead) return;
				const started = performance.now();
				const { files, highlighted, kept, seconds, cpu } = await ahead.finish(fileURLToPath(dir));
				const after = ((performance.now() - started) / 1000).toFixed(1);
				if (files)
					logger.info(
						`${files} source pages (code highlighted: ${highlighted}, kept from an earlier build: ${kept}): ${seconds.toFixed(1)} s in worker threads alongside the build (${cpu.toFixed(1)} s of CPU), ${after} s after it`,
					);
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
