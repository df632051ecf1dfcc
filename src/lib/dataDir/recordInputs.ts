import { parseJsonText, parseWith } from './dataError.ts';
import { readInputBytes, readInputFile } from './dataStore.ts';
import { parseJunit } from '../reports/junit.ts';
import { readReportForDomains } from '../coverage/reportPaths.ts';
import { attemptsFileSchema } from '../schemas/attempts.ts';
import { applyAttempts, mergeJunitReports } from '../testHealth/testRunBuild.ts';
import type { RecordRequest } from '../trend/recordRequest.ts';

/**
 * Read and check every input of a recording before the data directory is touched; a coverage.py
 * snapshot goes to `sink` as it is read.
 */
export function readRecordInputs(request: RecordRequest, sink: (chunk: Buffer) => void) {
	const { reportFile, junitFiles, attemptFiles, config } = request;
	const { report, format, snapshot } = readReportForDomains(
		readInputBytes(reportFile),
		reportFile,
		config.domains,
		sink,
	);
	const junit = junitFiles.map((f) => parseJunit(readInputFile(f), f));
	const attempts = attemptFiles.map((f) => parseWith(attemptsFileSchema, f, parseJsonText(f, readInputFile(f))));
	const tests = junit.length > 0 ? mergeJunitReports(junit) : null;
	if (tests) tests.cases = applyAttempts(tests.cases, attempts);
	// CI measures the suite's wall time itself (scripts/ci/run-backend-tests.sh); it replaces JUnit's sum.
	if (tests && request.durationSeconds !== undefined) tests.duration = request.durationSeconds;
	// Cobertura and LCOV may carry no time; the snapshot then says when it was recorded.
	if (typeof snapshot === 'object' && !Buffer.isBuffer(snapshot) && !snapshot.meta.timestamp)
		snapshot.meta.timestamp = request.identity.timestamp ?? request.identity.date;
	return { report, format, tests, snapshot };
}
