import type { TrendChartData } from '../charts/chartData.ts';
import { sampleChartData } from '../charts/downsample.ts';
import { commitUrl, shortCommit } from '../trend/commitLinks.ts';
import { SUITE_DURATION_LIMITS } from './suiteDuration.ts';
import type { SuiteRun } from './suiteRuns.ts';

/**
 * Chart data for the suite over time. Like the coverage trend, a long history is sampled at build
 * time (the last 90 days whole), so that 10,000 runs stay a light page.
 */

/** The x axis, dates, commits and links every suite chart shares. */
function axis(runs: readonly SuiteRun[], repository: string | undefined) {
	return {
		x: runs.map((r) => r.time),
		dates: runs.map((r) => r.date.slice(0, 10)),
		commits: runs.map((r) => shortCommit(r.commit)),
		links: runs.map((r) => commitUrl(repository, r.commit)),
		markers: [],
	};
}

/** Tests per run: all of them, the failed ones (failures and errors) and the skipped ones. */
export function testCountChart(runs: readonly SuiteRun[], repository: string | undefined): TrendChartData {
	return sampleChartData({
		...axis(runs, repository),
		series: [
			{ id: 'tests', label: 'Tests', values: runs.map((r) => r.tests) },
			{ id: 'failed', label: 'Failed', values: runs.map((r) => r.failed) },
			{ id: 'skipped', label: 'Skipped', values: runs.map((r) => r.skipped) },
		],
		unit: '',
		decimals: 0,
	});
}

/** Pass rate per run, in percent of the tests that ran. */
export function passRateChart(runs: readonly SuiteRun[], repository: string | undefined): TrendChartData {
	return sampleChartData({
		...axis(runs, repository),
		series: [{ id: 'pass-rate', label: 'Pass rate', values: runs.map((r) => r.passRate) }],
		unit: '%',
		decimals: 1,
		bounds: [0, 100],
	});
}

/** Suite duration per run in seconds, with the 5-minute warning and 10-minute failure lines. */
export function durationChart(runs: readonly SuiteRun[], repository: string | undefined): TrendChartData {
	const line = (seconds: number) => runs.map(() => seconds);
	return sampleChartData({
		...axis(runs, repository),
		series: [
			{ id: 'duration', label: 'Suite duration', values: runs.map((r) => r.duration) },
			{
				id: 'warning',
				label: 'Warning (5 min)',
				kind: 'threshold',
				of: 'duration',
				values: line(SUITE_DURATION_LIMITS.warning),
			},
			{
				id: 'failure',
				label: 'Failure (10 min)',
				kind: 'threshold',
				of: 'duration',
				values: line(SUITE_DURATION_LIMITS.failure),
			},
		],
		unit: ' s',
		decimals: 1,
		// No negative durations; the upper bound is left open (JSON has no Infinity).
		bounds: [0, Number.MAX_SAFE_INTEGER],
	});
}
