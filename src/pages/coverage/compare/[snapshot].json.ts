/**
 * `/coverage/compare/<snapshot>.json`: one kept snapshot in compact form — per-domain and per-file
 * counts as tuples (`packSnapshotCounts`) — for the compare page, which diffs any two in the browser.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { packSnapshotCounts } from '../../../lib/snapshot/snapshotCountsJson.ts';
import { keptSnapshots, type KeptSnapshot } from '../../../data/snapshots.ts';

export const getStaticPaths = (async () =>
	(await keptSnapshots()).map((s) => ({ params: { snapshot: s.id }, props: { s } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const s = (props as { s: KeptSnapshot }).s;
	return new Response(JSON.stringify(packSnapshotCounts(s.name, s.coverage, s.report.files)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
