/**
 * `/tests/history/<shard>.json`: the result and duration per kept run of the tests without a page
 * of their own, in 256 shards (see `historyShard.ts`), fetched when `/tests/all/` opens one. Each
 * shard is packed when its file is written: Astro keeps every path's props until the build ends,
 * and 20,000 packed histories held there were 27 MB of its heap.
 */
import type { APIRoute } from 'astro';
import { getTestHealth } from '../../../data/testHealth.ts';
import { packShard, shardGroups } from '../../../lib/testHealth/historyShard.ts';
import type { TestReport } from '../../../lib/testHealth/testHealth.ts';

/** One path per shard that holds a test. */
export async function getStaticPaths() {
	const { tests } = await getTestHealth();
	return [...shardGroups(tests.filter((t) => !t.page))].map(([shard, group]) => ({
		params: { shard },
		props: { tests: group },
	}));
}

/** The shard as JSON. */
export const GET: APIRoute<{ tests: TestReport[] }> = async ({ props }) => {
	const { runs } = await getTestHealth();
	return new Response(JSON.stringify(packShard(props.tests, runs.length)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
