import { describe, expect, test } from 'vitest';
import { coverageConfigSchema } from '../../../src/lib/schemas/config.ts';
import type { TrendFile, TrendPoint } from '../../../src/lib/schemas/trend.ts';
import { figureNow } from '../../../src/lib/trend/figureNow.ts';

const config = coverageConfigSchema.parse({
	project: 'Atom',
	domains: [{ id: 'security', label: 'Security', include: ['src/security/**'] }],
});
const counts = (statements: number, covered: number) => ({
	files: 1,
	num_statements: statements,
	covered_lines: covered,
	num_branches: 0,
	covered_branches: 0,
	num_partial_branches: 0,
});
const point = (date: string, overall: number, security: number | null, extra: Partial<TrendPoint> = {}): TrendPoint =>
	({ date, commit: date, overall_percent: overall, security_percent: security, test_count: 0, ...extra }) as TrendPoint;

describe('the figure now', () => {
	const trend: TrendFile = {
		coverage_history: [
			point('2026-01-01', 40, 50),
			point('2026-02-10', 47, 60),
			point('2026-02-15', 46.5, 61, { targets: { security: 70 }, counts: { security: counts(100, 61) } }),
		],
		targets: { overall: 45, security: 90 },
	};

	test('value, status, change since the previous point and over 30 days', () => {
		const f = figureNow(trend, config, 'security');
		expect(f).toMatchObject({ id: 'security', label: 'Security', value: 61, status: 'yellow' });
		expect(f.sincePrevious).toEqual({ change: 1, sinceDate: '2026-02-10', fullWindow: true });
		expect(f.over30Days).toEqual({ change: 11, sinceDate: '2026-01-01', fullWindow: true });
	});

	test('the newest point’s own target comes before the file’s, with the gap and statements to cover', () => {
		const f = figureNow(trend, config, 'security');
		expect(f.target).toBe(70);
		expect(f.gap).toBe(9);
		expect(f.toCover).toBe(9);
	});

	test('falls back to the file’s target; a met target has no gap and nothing to cover', () => {
		const f = figureNow(trend, config, 'overall');
		expect(f.target).toBe(45);
		expect(f.gap).toBe(0);
		// The newest point kept no overall counts: unknown, not 0.
		expect(f.toCover).toBeNull();
		expect(figureNow(trend, config, 'overall', counts(10, 5)).toCover).toBe(0);
	});

	test('nothing recorded: no value, no gap, the file’s target, status none', () => {
		const f = figureNow({ coverage_history: [], targets: { security: 90 } }, config, 'security');
		expect(f).toMatchObject({ value: null, target: 90, gap: null, toCover: null, status: 'none' });
		expect(f.sincePrevious).toBeNull();
		expect(f.over30Days).toBeNull();
	});

	test('a figure without a value in the newest point has no gap even with a target', () => {
		const f = figureNow(
			{ coverage_history: [point('2026-01-01', 40, 50), point('2026-01-02', 41, null)], targets: { security: 90 } },
			config,
			'security',
		);
		expect(f).toMatchObject({ value: null, target: 90, gap: null, status: 'none' });
	});
});
