/**
 * `/tests/all.json`: every test with its counts, in the compact format of `testIndex.ts`, which
 * `/tests/all/` loads on demand to filter, sort and page in the browser.
 */
import { getTestHealth } from '../../data/testHealth.ts';
import { packTestIndex } from '../../lib/testHealth/testIndex.ts';

/** The index as JSON (no spaces: it is the largest file a reader loads). */
export async function GET(): Promise<Response> {
	const { tests, runs, repository } = await getTestHealth();
	return new Response(JSON.stringify(packTestIndex(tests, runs, repository)), {
		headers: { 'Content-Type': 'application/json' },
	});
}
