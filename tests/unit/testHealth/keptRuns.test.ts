import { describe, expect, test } from 'vitest';
import { foldKeptRuns } from '../../../src/lib/testHealth/keptRuns.ts';
import { analyseHistories, analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { suiteHistory, suiteHistoryOf } from '../../../src/lib/testHealth/suiteRuns.ts';
import { run, series } from './records.ts';

const settings = { window: 20, min_flips: 2 };

describe('reading the kept runs one file at a time', () => {
	const runs = series({
		'm::flipper': ['passed', 'failed', 'passed', 'failed'],
		'm::stable': ['passed', 'passed', 'passed', 'passed'],
		'm::rerun': ['passed', ['passed', 0.2, ['failed']], 'passed', 'passed'],
		'n::late': [undefined!, undefined!, 'failed', 'passed'],
	});
	const byName = new Map(runs.map((r) => [r.name, r.run]));

	test('gives the same analysis as holding every parsed run', () => {
		const reads: string[] = [];
		const kept = foldKeptRuns([...byName.keys()], (name) => (reads.push(name), byName.get(name)!));
		expect(reads).toEqual([...byName.keys()]);
		const folded = analyseHistories(kept.runs, kept.histories, settings);
		const whole = analyseTestHealth(runs, settings);
		expect(folded.tests).toEqual(whole.tests);
		expect(folded.runs.map((r) => r.name)).toEqual(whole.runs.map((r) => r.name));
		expect(suiteHistoryOf([], kept.suite)).toEqual(suiteHistory([], runs));
	});

	test('keeps no test results on the runs it returns', () => {
		const kept = foldKeptRuns([...byName.keys()], (name) => byName.get(name)!);
		for (const r of kept.runs) expect(Object.keys(r.run)).not.toContain('tests');
	});

	test('orders runs by their time, not their file names, and points observations at that order', () => {
		// Two runs of one day: the file named first was recorded later.
		const later = run('bbbbbbb', '2026-02-01', { 'm::a': 'failed' });
		later.run.timestamp = '2026-02-01T18:00:00Z';
		const earlier = run('ccccccc', '2026-02-01', { 'm::a': 'passed' });
		earlier.run.timestamp = '2026-02-01T09:00:00Z';
		const files = new Map([
			['a.json', later.run],
			['b.json', earlier.run],
		]);
		const kept = foldKeptRuns([...files.keys()], (name) => files.get(name)!);
		expect(kept.runs.map((r) => r.run.commit)).toEqual(['ccccccc', 'bbbbbbb']);
		expect(kept.histories[0]!.observations.map((o) => [o.run, o.status])).toEqual([
			[0, 'passed'],
			[1, 'failed'],
		]);
		expect(kept.suite.map((s) => s.commit)).toEqual(['ccccccc', 'bbbbbbb']);
	});
});
