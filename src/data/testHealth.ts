/**
 * The test-health picture for pages and the home tile, computed once per build: every `/tests/…`
 * page asks for it, and 5,000 test pages must not re-run the analysis 5,000 times. The kept records
 * are read and validated one file at a time straight from the data directory (the collection only
 * lists them), so a build never holds every parsed run at once.
 */
import { getCoverageConfig, getTestRunNames, getTrend } from './collections.ts';
import { memoise } from './memoise.ts';
import { dataDirFromEnv, loadTestRun } from '../lib/dataDir/dataDir.ts';
import { repositoryUrl } from '../lib/trend/commitLinks.ts';
import type { CoverageConfig } from '../lib/schemas/config.ts';
import { foldKeptRuns } from '../lib/testHealth/keptRuns.ts';
import { suiteHistoryOf, type SuiteRun } from '../lib/testHealth/suiteRuns.ts';
import { analyseHistories, type TestHealth } from '../lib/testHealth/testHealth.ts';

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
	const [config, trend, names] = await Promise.all([getCoverageConfig(), getTrend(), getTestRunNames()]);
	const dataDir = dataDirFromEnv();
	const kept = foldKeptRuns(names, (name) => loadTestRun(dataDir, name));
	return {
		...analyseHistories(kept.runs, kept.histories, config.flaky),
		config,
		suite: suiteHistoryOf(trend.coverage_history, kept.suite),
		repository: repositoryUrl(config.repository),
	};
}
