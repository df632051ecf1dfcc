/**
 * The proof on real reports: JUnit XML (and attempts files) that pytest wrote for
 * `examples/atom-backend` (tests/fixtures/reports/, made by scripts/fixtures/make-reports.sh),
 * turned into per-test records by the recording pipeline's own conversion, then analysed.
 * `test_flaky_by_environment` is flaky by construction (ATOM_FLAKY_FAILS); every other test is
 * stable, apart from `test_default_policy_denies`, which errors in setup when told to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseJunit } from '../../../src/lib/reports/junit.ts';
import { attemptsFileSchema } from '../../../src/lib/schemas/attempts.ts';
import { applyAttempts, buildTestRun, mergeJunitReports } from '../../../src/lib/testHealth/testRunBuild.ts';
import { analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import type { RecordedRun } from '../../../src/lib/testHealth/testHistory.ts';
import { suiteRunFromRecord } from '../../../src/lib/testHealth/suiteRuns.ts';
import { unpackTestResult } from '../../../src/lib/schemas/testResult.ts';

const DIR = 'tests/fixtures/reports';
const FLAKY = 'test_flaky_by_environment';
const SETUP = 'test_default_policy_denies';
const settings = { window: 20, min_flips: 2 };

/** One recorded run from real report files, as `trend record --junit … --attempts …` builds it. */
function recorded(
	i: number,
	junit: string[],
	attempts: string[] = [],
	commit = `${i}`.repeat(40).slice(0, 40),
): RecordedRun {
	const reports = junit.map((f) => parseJunit(readFileSync(`${DIR}/${f}`, 'utf8'), f));
	const merged = mergeJunitReports(reports);
	const files = attempts.map((f) => attemptsFileSchema.parse(JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))));
	const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
	const run = buildTestRun({ commit, date }, applyAttempts(merged.cases, files), merged.duration);
	return { name: `${date}_${commit.slice(0, 7)}_tests.json`, run };
}

const plain = (i: number, commit?: string) => recorded(i, ['junit-plain.xml'], [], commit);
const xdist = (i: number) => recorded(i, ['junit-xdist.xml']);
const rerunPass = (i: number) => recorded(i, ['junit-rerun-pass.xml'], ['attempts-rerun-pass.json']);
const rerunFail = (i: number) => recorded(i, ['junit-rerun-fail.xml'], ['attempts-rerun-fail.json']);
const flakyFail = (i: number, commit?: string) => recorded(i, ['junit-flaky-fail.xml'], [], commit);
const setupError = (i: number) => recorded(i, ['junit-setup-error.xml'], ['attempts-setup-error.json']);
const rerun1661 = (i: number) => recorded(i, ['junit-rerun-16.6.1.xml']);

const names = (tests: Array<{ name: string }>) => tests.map((t) => t.name);

describe('real pytest reports of the example backend', () => {
	test('plain and xdist runs hold the same tests, with the skip and the xfail as skipped and nothing flaky', () => {
		const health = analyseTestHealth([plain(0), xdist(1), plain(2)], settings);
		const [a, b] = [suiteRunFromRecord(health.runs[0]!), suiteRunFromRecord(health.runs[1]!)];
		expect(a.tests).toBeGreaterThan(90);
		expect(b).toMatchObject({ tests: a.tests, skipped: 2, failed: 0 });
		expect(
			health.tests
				.filter((t) => t.stats.lastStatus === 'skipped')
				.map((t) => t.name)
				.sort(),
		).toEqual(['test_known_bug', 'test_skipped_on_purpose']);
		expect(health.flaky).toEqual([]);
		expect(health.failing).toEqual([]);
	});

	test('a rerun that passed (rerunfailures 10.2 with the attempts file) flags exactly the flaky test', () => {
		const health = analyseTestHealth([plain(0), xdist(1), rerunPass(2), plain(3)], settings);
		expect(names(health.flaky)).toEqual([FLAKY]);
		expect(health.flaky[0]!.flakiness).toMatchObject({ reasons: ['rerun'], flips: 0, firstSeen: 2, lastSeen: 2 });
		expect(health.failing).toEqual([]);
	});

	test('the rerunfailures ≥ 16.6.1 layout (a duplicate <testcase> per rerun) flags exactly the flaky test', () => {
		const health = analyseTestHealth([plain(0), rerun1661(1)], settings);
		expect(names(health.flaky)).toEqual([FLAKY]);
		expect(health.flaky[0]!.flakiness.reasons).toEqual(['rerun']);
		const record = health.runs[1]!.run;
		expect(record.tests.map(unpackTestResult).filter((t) => t.name === FLAKY)).toHaveLength(1);
	});

	test('failing without reruns on alternate runs flips: exactly the flaky test', () => {
		const health = analyseTestHealth([plain(0), flakyFail(1), plain(2), flakyFail(3), plain(4)], settings);
		expect(names(health.flaky)).toEqual([FLAKY]);
		expect(health.flaky[0]!.flakiness).toMatchObject({ reasons: ['flips'], flips: 4, comparisons: 4 });
	});

	test('one failing run of an otherwise passing test is one flip: failing, not flaky', () => {
		const health = analyseTestHealth([plain(0), plain(1), flakyFail(2)], settings);
		expect(health.flaky).toEqual([]);
		expect(names(health.failing)).toEqual([FLAKY]);
	});

	test('a test that fails every attempt of every run is failing, not flaky', () => {
		const health = analyseTestHealth([rerunFail(0), rerunFail(1), rerunFail(2)], settings);
		const flaky = health.tests.find((t) => t.name === FLAKY)!;
		expect(flaky.observations[0]!.attempts).toEqual(['failed', 'failed']);
		expect(health.flaky).toEqual([]);
		expect(names(health.failing)).toEqual([FLAKY]);
		expect(flaky.stats).toMatchObject({ runs: 3, failed: 3, failingSince: 0 });
	});

	test('an error in setup is an error and failing, not flaky; the other tests stay stable', () => {
		const health = analyseTestHealth([plain(0), xdist(1), setupError(2)], settings);
		expect(health.flaky).toEqual([]);
		expect(names(health.failing)).toEqual([SETUP]);
		expect(health.failing[0]!.stats.lastStatus).toBe('error');
	});

	test('two runs of one commit that disagree flag exactly the flaky test', () => {
		const commit = 'abcdef0123456789abcdef0123456789abcdef01';
		const health = analyseTestHealth([plain(0, commit), flakyFail(1, commit)], settings);
		expect(names(health.flaky)).toEqual([FLAKY]);
		expect(health.flaky[0]!.flakiness.reasons).toEqual(['same-commit']);
	});

	test('the done-when history: plain, xdist, rerun that passed, failure, setup error → one flaky, one failing', () => {
		const health = analyseTestHealth([plain(0), xdist(1), rerunPass(2), flakyFail(3), setupError(4)], settings);
		expect(names(health.flaky)).toEqual([FLAKY]);
		expect(health.flaky[0]!.flakiness.reasons).toEqual(['rerun', 'flips']);
		expect(names(health.failing)).toEqual([SETUP]);
	});
});
