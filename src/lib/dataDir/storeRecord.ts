/** Record one run into the data directory: plan under the lock, write every file aside, then rename in link order. */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { commitFile, prepareFile, syncFolder, unlinkIfPresent, type PreparedFile } from './atomicFile.ts';
import { DataError } from './dataError.ts';
import { DATA_FILES, listJsonFiles, loadTrend } from './dataDir.ts';
import { withDataLock } from './dataLock.ts';
import { jsonText } from './dataStore.ts';
import { readRecordInputs } from './recordInputs.ts';
import { stopPoint } from './stopPoint.ts';
import { streamedFile } from './streamedFile.ts';
import { refuseLink } from './symlinks.ts';
import { removeLeftTemporaries } from './temporaries.ts';
import type { RecordOutcome, RecordRequest } from '../trend/recordRequest.ts';
import { planRecord, type RecordPlan } from '../trend/recordRun.ts';

/** How often a run plans again when the trend changed under it (another run took a stale lock over). */
const PLANS = 5;

/** Which file is at a path (inode, size, times): a rename puts a different one there. */
function fileIdentity(path: string): string | null {
	try {
		const s = lstatSync(path, { bigint: true });
		return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Check the trend read back from the disk: the same bytes, valid JSON, every point there. */
function trendCheck(expected: Buffer, points: number, file: string) {
	return (written: Buffer) => {
		const parsed = written.equals(expected) ? (JSON.parse(written.toString('utf8')) as unknown) : null;
		const history = (parsed as { coverage_history?: unknown[] } | null)?.coverage_history;
		if (!Array.isArray(history) || history.length !== points)
			throw new DataError([
				{ file, path: '', message: 'read back different from what was written; the old file is kept' },
			]);
	};
}

/**
 * Record one run into its data directory. Every input is read first (a coverage.py snapshot streams
 * to a temporary file). Under the directory's lock the run plans against the current trend, writes
 * every new file to a temporary one (whole, flushed, size checked, the trend parsed back), and only
 * then renames: the linked files, then the trend that links them, then removes what is no longer
 * linked. A full disk therefore fails before anything is renamed, and a kill at any step leaves a
 * valid data directory. Links are refused everywhere it writes or deletes.
 */
export async function storeRecord(request: RecordRequest): Promise<RecordOutcome> {
	const dir = request.dataDir;
	const snapshotsDir = join(dir, DATA_FILES.snapshots);
	const testRunsDir = join(dir, DATA_FILES.testRuns);
	const trendPath = join(dir, DATA_FILES.trend);
	const maxBytes = request.config.snapshot_max_bytes;
	refuseLink(snapshotsDir, 'folder');
	refuseLink(testRunsDir, 'folder');
	const stream = streamedFile(dir, maxBytes);
	const temporaries: PreparedFile[] = [];
	try {
		const { report, format, tests, snapshot } = readRecordInputs(request, stream.sink);
		const streamed = snapshot === 'streamed' ? stream.finish() : null;
		const snapshotBytes =
			snapshot === 'streamed'
				? null
				: Buffer.isBuffer(snapshot)
					? snapshot
					: Buffer.from(`${JSON.stringify(snapshot)}\n`);
		const size = streamed ? streamed.bytes : snapshotBytes!.length;
		const warnings: string[] = [];
		const snapshotSkipped = size > maxBytes || (streamed !== null && streamed.temporary === null);
		if (size > maxBytes)
			warnings.push(
				`the snapshot is ${mib(size)}, over snapshot_max_bytes (${mib(maxBytes)}): the point is kept without its per-file snapshot`,
			);
		stopPoint('inputs-read');

		const plan = await withDataLock(dir, async (lock): Promise<RecordPlan> => {
			stopPoint('locked');
			removeLeftTemporaries([dir, snapshotsDir, testRunsDir]);
			let snapshotFile: PreparedFile | null = null;
			for (let attempt = 1; ; attempt++) {
				for (const [path, kind] of [
					[snapshotsDir, 'folder'],
					[testRunsDir, 'folder'],
					[trendPath, 'file'],
				] as const)
					refuseLink(path, kind);
				const before = fileIdentity(trendPath);
				const plan = planRecord({
					config: request.config,
					trend: loadTrend(dir),
					report,
					tests,
					identity: request.identity,
					patch: request.patch,
					existingSnapshots: listJsonFiles(snapshotsDir),
					existingTestRuns: listJsonFiles(testRunsDir),
					snapshotSkipped,
				});
				await lock.refresh();
				const drops = [
					...plan.dropSnapshots.map((n) => join(snapshotsDir, n)),
					...plan.dropTestRuns.map((n) => join(testRunsDir, n)),
				];
				// Every path this run will write or delete, checked before the first byte is written.
				const targets = [
					...(plan.snapshot ? [join(snapshotsDir, plan.snapshot.name)] : []),
					...(plan.testRun ? [join(testRunsDir, plan.testRun.name)] : []),
				];
				for (const path of [...targets, ...drops]) refuseLink(path, 'file');

				if (plan.snapshot && !snapshotFile) {
					const target = join(snapshotsDir, plan.snapshot.name);
					snapshotFile = streamed?.temporary
						? { target, temporary: streamed.temporary, bytes: streamed.bytes }
						: prepareFile(target, snapshotBytes!);
					temporaries.push(snapshotFile);
				}
				let testRunFile: PreparedFile | null = null;
				if (plan.testRun) {
					testRunFile = prepareFile(join(testRunsDir, plan.testRun.name), jsonText(plan.testRun.run));
					temporaries.push(testRunFile);
				}
				const trendBytes = Buffer.from(jsonText(plan.trend));
				const trendFile = prepareFile(
					trendPath,
					trendBytes,
					trendCheck(trendBytes, plan.trend.coverage_history.length, trendPath),
				);
				temporaries.push(trendFile);
				stopPoint('prepared');
				await lock.refresh();

				lock.assertHeld();
				if (fileIdentity(trendPath) !== before) {
					// Another run renamed a trend in since this one read it: plan again on top of it.
					unlinkIfPresent(trendFile.temporary);
					if (testRunFile) unlinkIfPresent(testRunFile.temporary);
					if (attempt < PLANS) continue;
					throw new DataError([
						{ file: trendPath, path: '', message: `changed ${PLANS} times while this run planned; it wrote nothing` },
					]);
				}
				// A plan made again may no longer keep the snapshot prepared for the first one.
				if (snapshotFile && plan.snapshot) commitFile(snapshotFile);
				stopPoint('snapshot-renamed');
				if (testRunFile) commitFile(testRunFile);
				stopPoint('test-run-renamed');
				lock.assertHeld();
				commitFile(trendFile);
				stopPoint('trend-renamed');
				for (const path of drops) unlinkIfPresent(path);
				if (plan.dropSnapshots.length > 0) syncFolder(snapshotsDir);
				if (plan.dropTestRuns.length > 0) syncFolder(testRunsDir);
				stopPoint('pruned');
				return plan;
			}
		});
		const wrote = [trendPath];
		if (plan.snapshot) wrote.push(join(snapshotsDir, plan.snapshot.name));
		if (plan.testRun) wrote.push(join(testRunsDir, plan.testRun.name));
		return { plan, format, wrote, warnings };
	} finally {
		stream.discard();
		// What was renamed into place is no longer there under its temporary name.
		for (const file of temporaries) unlinkIfPresent(file.temporary);
	}
}
