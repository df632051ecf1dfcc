/**
 * `/coverage/files/<slug>.json`: one measured file of the newest snapshot for the file viewer
 * (`/coverage/files/?file=<path>`): its highlighted code when it matches the snapshot, every line's
 * mark, the never-taken branches in words, its functions and figures (see `sourceFileJson.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sourcePage, sourcePages } from '../../../data/sourceFiles.ts';

export const getStaticPaths = (async () =>
	(await sourcePages()).map(({ slug, path }) => ({ params: { slug }, props: { path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
	new Response(JSON.stringify(await sourcePage((props as { path: string }).path)), {
		headers: { 'Content-Type': 'application/json' },
	});
