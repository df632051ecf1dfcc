import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATA_FILES, listJsonFiles, loadTrend } from './dataDir.ts';
import { jsonText, removeIfPresent, withDataLock, writeFileAtomically } from './dataStore.ts';
import { readRecordInputs } from './recordInputs.ts';
import { removeStaleTemporaries, streamedFile } from './streamedFile.ts';
import type { RecordOutcome, RecordRequest } from '../trend/recordRequest.ts';
import { planRecord } from '../trend/recordRun.ts';

/**
 * Record one run into its data directory: read every input first, then, under the directory's lock,
 * plan against the current trend and write the linked files, then the trend that links them, then
 * remove what is no longer linked. A failure leaves each file old or new, never half.
 */
export async function storeRecord(request: RecordRequest): Promise<RecordOutcome> {
	const dir = request.dataDir;
	const stream = streamedFile(dir);
	try {
		const { report, format, tests, snapshot } = readRecordInputs(request, stream.sink);
		const streamed = snapshot === 'streamed' ? stream.finish() : null;
		const plan = await withDataLock(dir, () => {
			const plan = planRecord({
				config: request.config,
				trend: loadTrend(dir),
				report,
				tests,
				identity: request.identity,
				existingSnapshots: listJsonFiles(join(dir, DATA_FILES.snapshots)),
				existingTestRuns: listJsonFiles(join(dir, DATA_FILES.testRuns)),
			});
			removeStaleTemporaries(dir);
			if (plan.snapshot) {
				const target = join(dir, DATA_FILES.snapshots, plan.snapshot.name);
				if (streamed) {
					mkdirSync(dirname(target), { recursive: true });
					renameSync(streamed, target);
				} else if (snapshot !== 'streamed')
					writeFileAtomically(target, Buffer.isBuffer(snapshot) ? snapshot : `${JSON.stringify(snapshot)}\n`);
			}
			if (plan.testRun)
				writeFileAtomically(join(dir, DATA_FILES.testRuns, plan.testRun.name), jsonText(plan.testRun.run));
			writeFileAtomically(join(dir, DATA_FILES.trend), jsonText(plan.trend));
			for (const name of plan.dropSnapshots) removeIfPresent(join(dir, DATA_FILES.snapshots, name));
			for (const name of plan.dropTestRuns) removeIfPresent(join(dir, DATA_FILES.testRuns, name));
			return plan;
		});
		const wrote = [join(dir, DATA_FILES.trend)];
		if (plan.snapshot) wrote.push(join(dir, DATA_FILES.snapshots, plan.snapshot.name));
		if (plan.testRun) wrote.push(join(dir, DATA_FILES.testRuns, plan.testRun.name));
		return { plan, format, wrote, warnings: [] };
	} finally {
		stream.discard();
	}
}
