/**
 * The test-health picture for pages and the home tile, computed once per build: every `/tests/…`
 * page asks for it, and 5,000 test pages must not re-run the analysis 5,000 times.
 */
import { getCoverageConfig, getTestRuns, getTrend } from './collections.ts';
import { memoise } from './memoise.ts';
import { repositoryUrl } from '../lib/trend/commitLinks.ts';
import type { CoverageConfig } from '../lib/schemas/config.ts';
import { suiteHistory, type SuiteRun } from '../lib/testHealth/suiteRuns.ts';
import { analyseTestHealth, type TestHealth } from '../lib/testHealth/testHealth.ts';

/** What the test-health pages show. */
export interface TestHealthData extends TestHealth {
	config: CoverageConfig;
	/** Suite figures over the whole recorded history, oldest first. */
	suite: SuiteRun[];
	/** Repository URL for commit links, if known. */
	repository: string | undefined;
}

/** The analysed test runs with the config and the suite history. */
export const getTestHealth: () => Promise<TestHealthData> = memoise(compute);

async function compute(): Promise<TestHealthData> {
	const [config, trend, records] = await Promise.all([getCoverageConfig(), getTrend(), getTestRuns()]);
	return {
		...analyseTestHealth(records, config.flaky),
		config,
		suite: suiteHistory(trend.coverage_history, records),
		repository: repositoryUrl(config.repository),
	};
}
