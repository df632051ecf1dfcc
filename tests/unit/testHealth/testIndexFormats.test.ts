import { describe, expect, test } from 'vitest';
import { analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { packTestIndex, unpackTestIndexRow } from '../../../src/lib/testHealth/testIndex.ts';
import { packShards, shardOf, unpackShardEntry } from '../../../src/lib/testHealth/historyShard.ts';
import { series } from './records.ts';

const runs = series({
	'a::flaky': ['passed', ['passed', 0.2, ['failed']], 'failed'],
	'b::steady': [
		['passed', 0.5],
		['skipped', 0],
		['passed', 0.7],
	],
	'a::old': ['passed'],
});
const health = analyseTestHealth(runs, { window: 20, min_flips: 2 }, 0);

describe('the every-test index (/tests/all.json)', () => {
	test('round-trips each test with its counts, flags and classname', () => {
		const index = packTestIndex(health.tests, health.runs, 'https://example.invalid/repo');
		expect(index.runs.map(([date]) => date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
		const entries = index.tests.map((row) => unpackTestIndexRow(row, index.classnames));
		const flaky = entries.find((e) => e.name === 'flaky')!;
		expect(flaky).toMatchObject({
			classname: 'a',
			runs: 3,
			passed: 2,
			failed: 1,
			last: 'failed',
			flaky: true,
			story: true,
			current: true,
		});
		expect(entries.find((e) => e.name === 'steady')).toMatchObject({
			classname: 'b',
			skipped: 1,
			durationNow: 0.7,
			flaky: false,
			// skipped, then passed: its status just changed
			story: true,
		});
		expect(entries.find((e) => e.name === 'old')).toMatchObject({ current: false, story: false });
		expect(new Set(entries.map((e) => e.slug)).size).toBe(3);
	});
});

describe('history shards (/tests/history/<shard>.json)', () => {
	test('each test sits in the shard named by its slug’s last two hex digits, one letter per run', () => {
		const shards = packShards(health.tests, health.runs.length);
		for (const t of health.tests) expect(shards.get(shardOf(t.slug))?.[t.slug]).toBeDefined();
		const steady = health.tests.find((t) => t.name === 'steady')!;
		const entry = shards.get(shardOf(steady.slug))![steady.slug]!;
		expect(entry[0]).toBe('psp');
		expect(unpackShardEntry(entry).map((r) => [r.status, r.duration])).toEqual([
			['passed', 0.5],
			['skipped', 0],
			['passed', 0.7],
		]);
	});

	test('a rerun is an upper-case letter and a run without the test a dash', () => {
		const flaky = health.tests.find((t) => t.name === 'flaky')!;
		const old = health.tests.find((t) => t.name === 'old')!;
		const shards = packShards([flaky, old], 3);
		expect(shards.get(shardOf(flaky.slug))![flaky.slug]![0]).toBe('pPf');
		expect(unpackShardEntry(shards.get(shardOf(flaky.slug))![flaky.slug]!)[1]).toMatchObject({
			status: 'passed',
			rerun: true,
		});
		const oldRuns = unpackShardEntry(shards.get(shardOf(old.slug))![old.slug]!);
		expect(oldRuns.map((r) => r.status)).toEqual(['passed', null, null]);
	});
});
