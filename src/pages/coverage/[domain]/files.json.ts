/**
 * `/coverage/<domain>/files.json`: the domain's files in the newest kept snapshot as a packed
 * directory tree (see `packTree`), loaded by the domain page's file table when it is opened,
 * so that a domain of 20,000 files does not weigh on the page itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCoverageConfig } from '../../../data/collections.ts';
import { buildFileTree, fileRows, packTree } from '../../../lib/snapshot/fileTree.ts';
import { keptSnapshots } from '../../../data/snapshots.ts';

export const getStaticPaths = (async () => {
	const config = await getCoverageConfig();
	return config.domains.map((d) => ({ params: { domain: d.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const newest = (await keptSnapshots()).at(-1);
	const paths = newest?.coverage.filesByDomain[params.domain!] ?? [];
	const rows = newest ? packTree(buildFileTree(fileRows(newest.report, paths))) : [];
	return new Response(JSON.stringify({ snapshot: newest?.name ?? null, files: paths.length, rows }), {
		headers: { 'Content-Type': 'application/json' },
	});
};
