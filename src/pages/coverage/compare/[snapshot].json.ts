/**
 * `/coverage/compare/<snapshot>.json`: one kept snapshot in compact form — per-domain and per-file
 * counts as tuples (`packCounts`) — for the compare page, which diffs any two in the browser.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { packCounts, type PackedCounts } from '../../../lib/snapshot/snapshotDiff.ts';
import { compactCounts } from '../../../lib/snapshot/compactSnapshot.ts';
import { keptSnapshots, type KeptSnapshot } from '../../../data/snapshots.ts';

export const getStaticPaths = (async () =>
	(await keptSnapshots()).map((s) => ({ params: { snapshot: s.id }, props: { s } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const s = (props as { s: KeptSnapshot }).s;
	const files: Record<string, PackedCounts> = {};
	for (const [path, file] of Object.entries(s.report.files)) files[path] = packCounts(compactCounts(file));
	const domains = Object.fromEntries(
		Object.entries(s.coverage.domains).map(([id, c]) => [id, c ? packCounts(c) : null]),
	);
	return new Response(JSON.stringify({ name: s.name, overall: packCounts(s.coverage.overall), domains, files }), {
		headers: { 'Content-Type': 'application/json' },
	});
};
