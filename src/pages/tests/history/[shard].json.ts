/**
 * `/tests/history/<shard>.json`: the result and duration per kept run of the tests without a page
 * of their own, in 256 shards (see `historyShard.ts`), fetched when `/tests/all/` opens one.
 */
import type { APIRoute } from 'astro';
import { getTestHealth } from '../../../data/testHealth.ts';
import { packShards } from '../../../lib/testHealth/historyShard.ts';

/** One path per shard that holds a test. */
export async function getStaticPaths() {
	const { tests, runs } = await getTestHealth();
	const shards = packShards(
		tests.filter((t) => !t.page),
		runs.length,
	);
	return [...shards].map(([shard, histories]) => ({ params: { shard }, props: { histories } }));
}

/** The shard as JSON. */
export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.histories), { headers: { 'Content-Type': 'application/json' } });
