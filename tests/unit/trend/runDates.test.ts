import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/lib/dataDir/usageError.ts';
import { isoDateSchema, trendFileSchema } from '../../../src/lib/schemas/trend.ts';
import { runIdentity } from '../../../src/lib/trend/runIdentity.ts';
import { runTrend, SEED_DATA, tempDataDir, folderBytes } from '../../helpers/trend.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Dates that would make a point "the newest" for good, or that name no day (issue 11, item 7). */
const now = new Date('2026-05-04T03:02:01.000Z');
const sources = { env: {}, git: () => null, now };

describe('dates of a run', () => {
	test.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-02-30T10:00:00Z'])(
		'the schema refuses the impossible date %s',
		(date) => {
			expect(isoDateSchema.safeParse(date).success).toBe(false);
		},
	);
	test.each(['2024-02-29', '2026-02-28', '2026-12-31', '2026-02-11T09:30:00Z', '2026-02-11T09:30:00+05:30'])(
		'the schema keeps the real date %s',
		(date) => {
			expect(isoDateSchema.safeParse(date).success).toBe(true);
		},
	);
	test('every date already in the seed trend stays valid', () => {
		const trend = JSON.parse(readFileSync(join(SEED_DATA, 'coverage_trend.json'), 'utf8'));
		expect(trendFileSchema.safeParse(trend).success).toBe(true);
	});
	test.each([
		['a date two days ahead', '2026-05-06'],
		['a date-time 25 hours ahead', '2026-05-05T04:02:02Z'],
		['the far future', '9999-12-31'],
	])('record refuses %s', (_name, date) => {
		const run = () => runIdentity({ commit: 'abc1234', date }, sources);
		expect(run).toThrow(UsageError);
		expect(run).toThrow(/--date: expected a date at most a day after now/);
	});
	test.each([
		['tomorrow (a time zone ahead)', '2026-05-05'],
		['a date-time 23 hours ahead (clock skew)', '2026-05-05T02:02:01Z'],
		['a commit date with its offset', '2026-05-04T09:00:00+06:00'],
	])('record accepts %s', (_name, date) => {
		expect(runIdentity({ commit: 'abc1234', date }, sources).date).toBe(date.slice(0, 10));
	});
	test('an impossible --date is a usage error and leaves the data directory as it was', async () => {
		const dir = tempDataDir();
		const before = folderBytes(dir);
		const r = await runTrend([
			'record',
			'tests/fixtures/reports/coverage-branch.json',
			'--commit=abc1234',
			'--date=2026-02-30',
			`--data-dir=${dir}`,
		]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^trend record: --date: expected an ISO 8601 date .* found "2026-02-30"\n$/);
		expect(folderBytes(dir)).toEqual(before);
	});
});
