import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { LOCK_OWNER_NAME } from '../../../src/lib/dataDir/dataLock.ts';
import { stepListeners, type StopPoint } from '../../../src/lib/dataDir/stopPoint.ts';
import { folderBytes, REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';

let listener: ((step: StopPoint) => void) | null = null;

/** What another run leaves when it records in between: the trend with one more point, renamed into place. */
function anotherRunAdds(trendPath: string, point: Record<string, string>): void {
	const trend = JSON.parse(readFileSync(trendPath, 'utf8'));
	trend.coverage_history.push({ ...trend.coverage_history[0], ...point });
	writeFileSync(`${trendPath}.other`, `${JSON.stringify(trend, null, 2)}\n`);
	renameSync(`${trendPath}.other`, trendPath);
}

/** This run: the branch report recorded for commit mine0001 on 2026-06-01. */
function recordMine(dir: string, ...more: string[]) {
	return runTrend([
		'record',
		`${REPORTS}/coverage-branch.json`,
		...more,
		'--commit=mine0001',
		'--date=2026-06-01',
		`--data-dir=${dir}`,
	]);
}
afterEach(() => {
	if (listener) stepListeners.delete(listener);
});

test('when another run renames a trend in between its read and its rename, record plans again and keeps both points', async () => {
	const dir = tempDataDir();
	const trendPath = join(dir, 'coverage_trend.json');
	let played = 0;
	listener = (step) => {
		if (step !== 'prepared' || played++ > 0) return;
		// What a run that took a stale lock over would leave: a new trend with its own point.
		anotherRunAdds(trendPath, { commit: 'other01', date: '2026-05-01' });
	};
	stepListeners.add(listener);
	const r = await recordMine(dir, `--junit=${REPORTS}/junit-plain.xml`);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	expect(played).toBe(2); // the first plan was dropped, the second one renamed
	expect(loadTrend(dir).coverage_history.map((p) => p.commit)).toEqual(['initial', 'other01', 'mine0001']);
	expect(validateDataDir(dir)).toEqual([]);
});

test('a run whose lock was taken over writes nothing and exits 2 with one line', async () => {
	const dir = tempDataDir();
	const before = folderBytes(dir);
	listener = (step) => {
		// What a waiting run writes when it takes a lock it found stale.
		if (step === 'prepared') writeFileSync(join(dir, LOCK_OWNER_NAME), '4242 another-run\n');
	};
	stepListeners.add(listener);
	const r = await recordMine(dir, `--junit=${REPORTS}/junit-plain.xml`);
	expect(r.status).toBe(2);
	expect(r.stderr.trim().split('\n')).toEqual([
		`${join(dir, '.trend.lock')}: another run took the data directory's lock over (it names another holder); this run wrote nothing, run it again`,
	]);
	// The other run's lock and owner file stay; every data file is as it was, no temporary left.
	const after = folderBytes(dir);
	expect(after[LOCK_OWNER_NAME]).toBeDefined();
	delete after[LOCK_OWNER_NAME];
	expect(after).toEqual(before);
});

test('a plan made again that no longer keeps the snapshot leaves no snapshot file of its own behind', async () => {
	const dir = tempDataDir();
	const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
	writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify({ ...config, snapshots_keep: 1 }));
	const trendPath = join(dir, 'coverage_trend.json');
	let played = 0;
	listener = (step) => {
		if (step !== 'prepared' || played++ > 0) return;
		// The other run recorded a newer commit with its snapshot: with snapshots_keep 1, that one stays.
		mkdirSync(join(dir, 'snapshots'), { recursive: true });
		copyFileSync(`${REPORTS}/coverage-branch.json`, join(dir, 'snapshots', '2026-07-01_other01_coverage.json'));
		anotherRunAdds(trendPath, { commit: 'other01', date: '2026-07-01', snapshot: '2026-07-01_other01_coverage.json' });
	};
	stepListeners.add(listener);
	const r = await recordMine(dir);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	expect(readdirSync(join(dir, 'snapshots'))).toEqual(['2026-07-01_other01_coverage.json']);
	expect(loadTrend(dir).coverage_history.map((p) => [p.commit, p.snapshot ?? null])).toEqual([
		['initial', null],
		['mine0001', null],
		['other01', '2026-07-01_other01_coverage.json'],
	]);
	expect(validateDataDir(dir)).toEqual([]);
});
