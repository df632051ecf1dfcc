/**
 * The storage budget: a recorded run of a 5,000-test suite adds at most 100 KB to the repository,
 * measured as git stores a new file (a zlib-compressed loose object). Size is deterministic, so
 * this is a test; `scripts/bench/test-runs.ts` prints the same figures.
 */
import { describe, expect, test } from 'vitest';
import { storedSize } from '../../../src/lib/testHealth/storedSize.ts';
import { jsonText } from '../../../src/lib/dataDir/dataStore.ts';
import { testRunSchema } from '../../../src/lib/schemas/testRun.ts';
import { buildTestRun } from '../../../src/lib/testHealth/testRunBuild.ts';
import { syntheticSuite } from '../../../scripts/shared/syntheticSuite.ts';

const BUDGET = 100 * 1024;

/** The record file of one run of a synthetic suite, exactly as `trend record` writes it. */
function recordText(tests: number, wide: boolean): string {
	const run = buildTestRun(
		{ commit: 'f'.repeat(40), date: '2026-03-01', branch: 'main' },
		syntheticSuite(tests, { wide }),
		312.5,
	);
	testRunSchema.parse(run);
	return jsonText(run);
}

describe('per-test record size', () => {
	test.each([
		['a domain vocabulary', false],
		['3,000 made-up words (pessimistic)', true],
	])('5,000 tests named from %s stay under 100 KB as git stores them', (_, wide) => {
		const text = recordText(5000, wide);
		expect(Buffer.byteLength(text)).toBeGreaterThan(200_000);
		expect(storedSize(text)).toBeLessThanOrEqual(BUDGET);
	});

	test('the stored size grows with the suite, so the check above can fail', () => {
		expect(storedSize(recordText(20_000, true))).toBeGreaterThan(BUDGET);
	});
});
