import {
	closeSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	renameSync,
	statSync,
	writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError, parseJsonText, parseWith } from '../../src/lib/dataDir/dataError.ts';
import { DATA_FILES, listJsonFiles, loadConfig, loadTrend } from '../../src/lib/dataDir/dataDir.ts';
import {
	jsonText,
	readInputBytes,
	readInputFile,
	removeIfPresent,
	withDataLock,
	writeFileAtomically,
} from '../../src/lib/dataDir/dataStore.ts';
import { figureLabel, OVERALL, pointValue } from '../../src/lib/trend/figures.ts';
import { parseJunit } from '../../src/lib/reports/junit.ts';
import { planRecord, type RecordPlan } from '../../src/lib/trend/recordRun.ts';
import type { ByteSink } from '../../src/lib/reports/coveragepyReduce.ts';
import { readCoverageReport } from '../../src/lib/reports/readCoverageReport.ts';
import { attemptsFileSchema } from '../../src/lib/schemas/attempts.ts';
import { isoDateSchema } from '../../src/lib/schemas/trend.ts';
import { applyAttempts, mergeJunitReports } from '../../src/lib/testHealth/testRunBuild.ts';
import { gitOutput } from './git.ts';
import { dataDirOption, parseCommandArgs, plain, UsageError } from './usage.ts';

const COMMIT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Commit, date, branch and message of the run, from options, CI variables or git. */
export function runIdentity(values: Record<string, unknown>, now = new Date()) {
	const commit = (values.commit as string | undefined) ?? process.env.GITHUB_SHA ?? gitOutput(['rev-parse', 'HEAD']);
	if (!commit)
		throw new UsageError('trend record: --commit: required when $GITHUB_SHA is unset and this is not a git checkout');
	if (!COMMIT.test(commit) || commit.includes('..'))
		throw new UsageError(
			`trend record: --commit: expected a SHA or a name of letters, digits, ".", "_" or "-", found ${JSON.stringify(commit.slice(0, 60))}`,
		);
	let date: string;
	let timestamp: string | undefined;
	const rawDate = values.date as string | undefined;
	if (rawDate === undefined) {
		timestamp = now.toISOString();
		date = timestamp.slice(0, 10);
	} else {
		if (!isoDateSchema.safeParse(rawDate).success)
			throw new UsageError(
				`trend record: --date: expected an ISO 8601 date such as 2026-02-11 or 2026-02-11T09:30:00Z, found ${JSON.stringify(rawDate.slice(0, 60))}`,
			);
		date = rawDate.slice(0, 10);
		timestamp = rawDate.length > 10 ? rawDate.replace(' ', 'T') : undefined;
	}
	const branch =
		(values.branch as string | undefined) ??
		process.env.GITHUB_REF_NAME ??
		gitOutput(['rev-parse', '--abbrev-ref', 'HEAD']) ??
		undefined;
	if (branch !== undefined && (branch.length > 300 || /[\u0000-\u001f\u007f]/.test(branch)))
		throw new UsageError(
			'trend record: --branch: expected a branch name of at most 300 characters without control characters',
		);
	let message =
		(values.message as string | undefined) ?? gitOutput(['log', '-1', '--format=%s', commit, '--']) ?? undefined;
	message = message?.split(/\r?\n/)[0]!.slice(0, 2000);
	return { commit, date, timestamp, branch: branch === 'HEAD' ? undefined : branch, message: message || undefined };
}

/** Read and check every input before the data directory is touched. */
function readInputs(
	reportFile: string,
	junitFiles: string[],
	attemptFiles: string[],
	domains: Parameters<typeof readCoverageReport>[2],
	sink: ByteSink,
) {
	const { report, format, snapshot } = readCoverageReport(readInputBytes(reportFile), reportFile, domains, sink);
	const junit = junitFiles.map((f) => parseJunit(readInputFile(f), f));
	const attempts = attemptFiles.map((f) => parseWith(attemptsFileSchema, f, parseJsonText(f, readInputFile(f))));
	const tests = junit.length > 0 ? mergeJunitReports(junit) : null;
	if (tests) tests.cases = applyAttempts(tests.cases, attempts);
	return { report, format, tests, snapshot };
}

/** Temporary snapshots left by killed runs (older than ten minutes) are removed by the next run. */
function removeStaleTemporaries(dir: string): void {
	for (const name of readdirSync(dir)) {
		if (!/^\.snapshot-\d+\.tmp$/.test(name)) continue;
		const path = join(dir, name);
		if (Date.now() - statSync(path).mtimeMs > 10 * 60_000) removeIfPresent(path);
	}
}

const FORMAT_NAME = { 'coveragepy-json': 'coverage.py JSON', cobertura: 'Cobertura XML', lcov: 'LCOV' } as const;

function change(now: number | null, before: number | null): string {
	if (now === null || before === null) return '';
	const d = Math.round((now - before) * 100) / 100;
	return d === 0 ? '±0.00' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)}`;
}

/** The short summary `record` prints. */
function summaryText(
	plan: RecordPlan,
	format: keyof typeof FORMAT_NAME,
	dir: string,
	config: Parameters<typeof figureLabel>[1] & { domains: Array<{ id: string; include: string[] }> },
): string {
	const { point, previous } = plan;
	const out: string[] = [];
	const files = plan.coverage.overall.files;
	out.push(
		`Recorded ${plain(point.commit.slice(0, 12))}${point.branch ? ` on ${plain(point.branch)}` : ''} for ${point.date} (${FORMAT_NAME[format]}, ${files} file${files === 1 ? '' : 's'}).`,
	);
	if (!previous) out.push('This is the first point of the history: no change to show.');
	if (plan.replaced)
		out.push(
			`Replaced the earlier point for commit ${plain(point.commit.slice(0, 12))} (recorded for ${plan.replaced.date}).`,
		);
	const since = previous ? `since ${plain(previous.commit.slice(0, 12))} (${previous.date})` : 'first point';
	const ids = [OVERALL, ...config.domains.map((d) => d.id)];
	const width = Math.max(...ids.map((id) => figureLabel(id, config).length), 5) + 2;
	for (const id of ids) {
		const now = pointValue(point, id);
		const label = plain(figureLabel(id, config)).padEnd(width);
		if (now === null) {
			out.push(`  ${label}—        no file matched`);
			continue;
		}
		const delta = change(now, previous ? pointValue(previous, id) : null);
		out.push(
			`  ${label}${`${now.toFixed(2)}%`.padStart(7)}  ${delta ? `${delta.padStart(6)} ${since}` : ''}`.trimEnd(),
		);
	}
	if (point.branch_coverage !== null && point.branch_coverage !== undefined)
		out.push(
			`  ${'Branches'.padEnd(width)}${`${point.branch_coverage.toFixed(2)}%`.padStart(7)}  (branch coverage alone)`,
		);
	if (plan.testRun || point.tests_failed !== undefined)
		out.push(
			`  ${'Tests'.padEnd(width)}${point.test_count} (${point.tests_failed ?? 0} failed, ${point.tests_skipped ?? 0} skipped) in ${point.duration_seconds ?? 0} s`,
		);
	const wrote = [join(dir, DATA_FILES.trend)];
	if (plan.snapshot) wrote.push(join(dir, DATA_FILES.snapshots, plan.snapshot.name));
	if (plan.testRun) wrote.push(join(dir, DATA_FILES.testRuns, plan.testRun.name));
	out.push(`Wrote ${wrote.join(', ')}.`);
	const dropped = plan.dropSnapshots.length + plan.dropTestRuns.length;
	if (dropped > 0)
		out.push(
			`Dropped ${plan.dropSnapshots.length} old snapshot(s) and ${plan.dropTestRuns.length} old test run(s) beyond the configured number to keep.`,
		);
	for (const id of plan.emptyDomains) {
		const d = config.domains.find((x) => x.id === id)!;
		out.push(
			`warning: domain "${id}" matched no file of the report (include: ${d.include.join(', ')}); it gets no value.`,
		);
	}
	return `${out.join('\n')}\n`;
}

/** `trend record`: add one run to the data directory. */
export async function recordCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs('record', args, {
		junit: { type: 'string', multiple: true },
		attempts: { type: 'string', multiple: true },
		commit: { type: 'string' },
		date: { type: 'string' },
		branch: { type: 'string' },
		message: { type: 'string' },
		duration: { type: 'string' },
		'data-dir': { type: 'string' },
	});
	if (positionals.length !== 1)
		throw new UsageError(
			`trend record: expected one coverage report, found ${positionals.length} (see "trend record --help")`,
		);
	const junitFiles = (values.junit as string[] | undefined) ?? [];
	const attemptFiles = (values.attempts as string[] | undefined) ?? [];
	if (attemptFiles.length > 0 && junitFiles.length === 0)
		throw new UsageError('trend record: --attempts: needs at least one --junit file to attach to');
	const dir = dataDirOption(values['data-dir']);
	if (!existsSync(dir)) throw new DataError([{ file: dir, path: '', message: 'data directory not found' }]);
	const config = loadConfig(dir);
	const identity = runIdentity(values);
	// A coverage.py snapshot streams into a temporary file beside the data (same file system, so it can be
	// renamed into place under the lock); it is never held whole in memory. Any failure removes it.
	const tmp = join(dir, `.snapshot-${process.pid}.tmp`);
	let fd: number | null = null;
	const sink = (chunk: Buffer) => {
		fd ??= openSync(tmp, 'w');
		for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
	};
	try {
		return await recordWith(dir, config, identity, values, positionals[0]!, junitFiles, attemptFiles, sink, () => {
			if (fd === null) return null;
			fsyncSync(fd);
			closeSync(fd);
			fd = null;
			return tmp;
		});
	} finally {
		if (fd !== null) closeSync(fd);
		removeIfPresent(tmp);
	}
}

/** Read the inputs, then (under the lock) plan and write; `finishStream` closes a streamed snapshot and names its file. */
async function recordWith(
	dir: string,
	config: ReturnType<typeof loadConfig>,
	identity: ReturnType<typeof runIdentity>,
	values: Record<string, unknown>,
	reportFile: string,
	junitFiles: string[],
	attemptFiles: string[],
	sink: ByteSink,
	finishStream: () => string | null,
): Promise<number> {
	const { report, format, tests, snapshot } = readInputs(reportFile, junitFiles, attemptFiles, config.domains, sink);
	const streamed = snapshot === 'streamed' ? finishStream() : null;
	// CI measures the suite's wall time itself (scripts/ci/run-backend-tests.sh); it replaces JUnit's sum.
	if (values.duration !== undefined) {
		const seconds = Number(values.duration);
		if (!tests) throw new UsageError('trend record: --duration: needs at least one --junit file to attach to');
		if (!/^\d+(\.\d+)?$/.test(values.duration as string) || !Number.isFinite(seconds))
			throw new UsageError(
				`trend record: --duration: expected seconds as a number such as 42.5, found ${JSON.stringify(String(values.duration).slice(0, 40))}`,
			);
		tests.duration = seconds;
	}
	// Cobertura and LCOV may carry no time; the snapshot then says when it was recorded.
	if (typeof snapshot === 'object' && !Buffer.isBuffer(snapshot) && !snapshot.meta.timestamp)
		snapshot.meta.timestamp = identity.timestamp ?? identity.date;

	const plan = await withDataLock(dir, () => {
		const trend = loadTrend(dir);
		const plan = planRecord({
			config,
			trend,
			report,
			tests,
			identity,
			existingSnapshots: listJsonFiles(join(dir, DATA_FILES.snapshots)),
			existingTestRuns: listJsonFiles(join(dir, DATA_FILES.testRuns)),
		});
		// Linked files first, then the trend that links them, then what is no longer linked.
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
	process.stdout.write(summaryText(plan, format, dir, config));
	return 0;
}
