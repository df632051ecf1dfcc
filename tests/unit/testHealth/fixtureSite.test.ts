/**
 * "Done when", without a browser: the committed `test-health` data directory holds what its generator
 * records from the real example-suite reports with the `trend` CLI, and the analysis of it flags
 * exactly the test that was made flaky (and the one made to error in setup as failing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DATA_FILES, listJsonFiles, loadConfig, loadTestRun } from '../../../src/lib/dataDir/dataDir.ts';
import { analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { generate } from '../../fixtures/sites/test-health/generate.ts';

const FIXTURE = 'tests/fixtures/sites/test-health';

describe('the test-health fixture site', () => {
	const fresh = mkdtempSync(join(tmpdir(), 'test-health-'));
	afterAll(() => rmSync(fresh, { recursive: true, force: true }));

	test('is what the generator records today', () => {
		generate(fresh);
		const files = (dir: string) => [
			DATA_FILES.config,
			DATA_FILES.trend,
			...listJsonFiles(join(dir, DATA_FILES.testRuns)).map((f) => `${DATA_FILES.testRuns}/${f}`),
			...listJsonFiles(join(dir, DATA_FILES.snapshots)).map((f) => `${DATA_FILES.snapshots}/${f}`),
		];
		expect(files(fresh)).toEqual(files(FIXTURE));
		// Compared as JSON values: how the CLI spaces its output may change, what it records may not.
		for (const file of files(FIXTURE))
			expect(JSON.parse(readFileSync(join(fresh, file), 'utf8')), `${file} differs; re-run generate.ts`).toEqual(
				JSON.parse(readFileSync(join(FIXTURE, file), 'utf8')),
			);
	});

	test('flags exactly the injected flaky test, and the setup error as failing', () => {
		const records = listJsonFiles(join(FIXTURE, DATA_FILES.testRuns)).map((name) => ({
			name,
			run: loadTestRun(FIXTURE, name),
		}));
		const health = analyseTestHealth(records, loadConfig(FIXTURE).flaky);
		expect(records).toHaveLength(5);
		expect(health.flaky.map((t) => t.name)).toEqual(['test_flaky_by_environment']);
		expect(health.failing.map((t) => t.name)).toEqual(['test_default_policy_denies']);
	});
});
