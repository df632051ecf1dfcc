import { describe, expect, test } from 'vitest';
import type { RecordedRun } from '../../../src/lib/testHealth/testHistory.ts';
import { orderRuns, testHistories } from '../../../src/lib/testHealth/testHistory.ts';
import { testKey, testLabel, testSlug } from '../../../src/lib/testHealth/testIdentity.ts';
import { testStats } from '../../../src/lib/testHealth/testStats.ts';
import { run, series } from './records.ts';

describe('test identity', () => {
	test('classname and name together identify a test, parameters included', () => {
		expect(testKey({ classname: 'a.b', name: 'c' })).not.toBe(testKey({ classname: 'a', name: 'b.c' }));
		expect(testSlug({ classname: 'm', name: 'test_x[1]' })).not.toBe(testSlug({ classname: 'm', name: 'test_x[2]' }));
	});

	test('slugs are URL-safe, readable and stable', () => {
		const slug = testSlug({ classname: 'tests.unit.test_acl', name: 'test_grant[</script>-ünï]' });
		expect(slug).toMatch(/^test-grant-script-n-[0-9a-f]{10}$/);
		expect(testSlug({ classname: 'tests.unit.test_acl', name: 'test_grant[</script>-ünï]' })).toBe(slug);
		expect(testSlug({ classname: 'x', name: '[]' })).toMatch(/^[0-9a-f]{10}$/);
	});

	test('the label is pytest-like', () => {
		expect(testLabel({ classname: 'tests.unit.test_acl', name: 'test_grant' })).toBe('tests.unit.test_acl::test_grant');
	});
});

describe('testHistories', () => {
	test('collects one observation per run a test appeared in', () => {
		const runs = series({ 'm::a': ['passed', 'failed', 'passed'], 'm::b': ['passed'], 'n::a': ['skipped', 'skipped'] });
		const histories = testHistories(runs);
		expect(histories.map((h) => [h.classname, h.name, h.observations.map((o) => `${o.run}:${o.status}`)])).toEqual([
			['m', 'a', ['0:passed', '1:failed', '2:passed']],
			['m', 'b', ['0:passed']],
			['n', 'a', ['0:skipped', '1:skipped']],
		]);
	});

	test('a test listed twice in one run (rerunfailures ≥ 16.6.1) was rerun: the last entry is its outcome', () => {
		const r = run('abc1234', '2026-01-01', {});
		r.run.classnames = ['m'];
		r.run.tests = [
			[0, 'flaky', 'failed', 0.5],
			[0, 'stable', 'passed', 0.1],
			[0, 'flaky', 'passed', 0.2],
		];
		const [flaky] = testHistories([r]);
		expect(flaky!.observations).toEqual([{ run: 0, status: 'passed', duration: 0.2, attempts: ['failed'] }]);
	});

	test('earlier attempts from the record are kept', () => {
		const [h] = testHistories([run('abc1234', '2026-01-01', { 'm::a': ['passed', 0.3, ['failed', 'error']] })]);
		expect(h!.observations[0]!.attempts).toEqual(['failed', 'error']);
	});

	test('runs are ordered by timestamp, then date, then name', () => {
		const late: RecordedRun = { ...run('bbbbbbb', '2026-01-01', {}), name: '2026-01-01_aaaaaaa_tests.json' };
		late.run.timestamp = '2026-01-01T18:00:00Z';
		const early: RecordedRun = { ...run('aaaaaaa', '2026-01-01', {}), name: '2026-01-01_bbbbbbb_tests.json' };
		early.run.timestamp = '2026-01-01T09:00:00Z';
		const before = run('ccccccc', '2025-12-31', {});
		expect(orderRuns([late, early, before]).map((r) => r.run.commit)).toEqual(['ccccccc', 'aaaaaaa', 'bbbbbbb']);
	});
});

describe('testStats', () => {
	test('counts statuses and takes the latest and the median duration', () => {
		const runs = series({
			'm::a': [
				['passed', 1],
				['failed', 3],
				['error', 2],
				['skipped', 0],
				['passed', 4],
			],
		});
		expect(testStats(testHistories(runs)[0]!)).toEqual({
			runs: 5,
			passed: 2,
			failed: 1,
			errors: 1,
			skipped: 1,
			lastStatus: 'passed',
			lastRun: 4,
			durationNow: 4,
			durationMedian: 2,
			failingSince: null,
		});
	});

	test('a failing test knows when its current streak of failures began; skips do not end it', () => {
		const runs = series({ 'm::a': ['failed', 'passed', 'error', 'skipped', 'failed'] });
		expect(testStats(testHistories(runs)[0]!).failingSince).toBe(2);
		const fixed = series({ 'm::a': ['failed', 'failed', 'skipped'] });
		expect(testStats(testHistories(fixed)[0]!).failingSince).toBeNull();
	});
});
