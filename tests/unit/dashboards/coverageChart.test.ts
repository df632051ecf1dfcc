import { expect, test } from 'vitest';
import { coverageChartData } from '../../../src/lib/charts/coverageChart.ts';
import { coverageConfigSchema } from '../../../src/lib/schemas/config.ts';
import { trendFileSchema } from '../../../src/lib/schemas/trend.ts';

const config = coverageConfigSchema.parse({
	project: 'p',
	domains: [{ id: 'sec', label: 'Security', include: ['s/**'] }],
	gate: { max_drop: 1 },
});
const trend = trendFileSchema.parse({
	coverage_history: [
		{
			date: '2026-01-01',
			commit: 'aaaaaaaaaaaa',
			overall_percent: 50,
			sec_percent: 60,
			test_count: 1,
			targets: { overall: 70 },
		},
		{
			date: '2026-01-02',
			commit: 'bbbbbbbbbbbb',
			overall_percent: 52,
			sec_percent: 57.5,
			test_count: 1,
			targets: { overall: 80 },
		},
		{ date: '2026-01-03', commit: 'initial', overall_percent: 52, sec_percent: null, test_count: 1 },
	],
	targets: { overall: 80 },
});

test('one line per figure, a step line per target, markers on regressions, links only for SHAs', () => {
	const d = coverageChartData(config, trend, 'https://github.com/o/r');
	expect(d.series.map((s) => s.id)).toEqual(['overall', 'overall-target', 'sec']);
	expect(d.series[1]).toMatchObject({ kind: 'threshold', of: 'overall', values: [70, 80, 80] });
	expect(d.series[2]!.values).toEqual([60, 57.5, null]);
	expect(d.markers).toEqual([{ series: 'sec', index: 1, text: expect.stringContaining('−2.50') }]);
	expect(d.links).toEqual([
		'https://github.com/o/r/commit/aaaaaaaaaaaa',
		'https://github.com/o/r/commit/bbbbbbbbbbbb',
		null,
	]);
	expect(d.commits).toEqual(['aaaaaaa', 'bbbbbbb', 'initial']);
	expect(d.x[1]! - d.x[0]!).toBe(86_400_000);
});

test('without a repository no point links anywhere', () => {
	expect(coverageChartData(config, trend, undefined).links).toEqual([null, null, null]);
});
