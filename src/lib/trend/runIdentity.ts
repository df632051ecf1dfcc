/** Commit, date, branch and message of a recorded run: a pure function of the options, the environment and git's output. */
import { UsageError } from '../dataDir/usageError.ts';
import { isoDateSchema, pointTime } from '../schemas/trend.ts';
import type { RunIdentity } from '../testHealth/testRunBuild.ts';

/** What `record` was told about the run; unset fields come from CI variables or git. */
export interface RunOptions {
	commit?: string | undefined;
	date?: string | undefined;
	branch?: string | undefined;
	message?: string | undefined;
}

/** Where unset fields come from: the environment, git's output for a command (null when git has none), and the clock. */
export interface RunSources {
	env: Record<string, string | undefined>;
	git: (args: string[]) => string | null;
	now: Date;
}

/** Commit, date, time, branch and message of one recorded run. */
export type RecordIdentity = RunIdentity & { message?: string | undefined };

/** How far ahead of this machine's clock a run's date may be (time zones, clock skew): one day. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const COMMIT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Commit, date, branch and message of the run, from options, CI variables or git; a bad value is a UsageError. */
export function runIdentity(options: RunOptions, { env, git, now }: RunSources): RecordIdentity {
	const commit = options.commit ?? env.GITHUB_SHA ?? git(['rev-parse', 'HEAD']);
	if (!commit)
		throw new UsageError('trend record: --commit: required when $GITHUB_SHA is unset and this is not a git checkout');
	if (!COMMIT.test(commit) || commit.includes('..'))
		throw new UsageError(
			`trend record: --commit: expected a SHA or a name of letters, digits, ".", "_" or "-", found ${JSON.stringify(commit.slice(0, 60))}`,
		);
	let date: string;
	let timestamp: string | undefined;
	const rawDate = options.date;
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
		// A future-dated point would sort after every real run and stay "the newest" for good.
		if (pointTime({ date, timestamp }) - now.getTime() > FUTURE_SLACK_MS)
			throw new UsageError(
				`trend record: --date: expected a date at most a day after now (${now.toISOString()}), found ${JSON.stringify(rawDate.slice(0, 60))}`,
			);
	}
	const branch = options.branch ?? env.GITHUB_REF_NAME ?? git(['rev-parse', '--abbrev-ref', 'HEAD']) ?? undefined;
	if (branch !== undefined && (branch.length > 300 || /\p{Cc}/u.test(branch)))
		throw new UsageError(
			'trend record: --branch: expected a branch name of at most 300 characters without control characters',
		);
	let message = options.message ?? git(['log', '-1', '--format=%s', commit, '--']) ?? undefined;
	message = message?.split(/\r?\n/)[0]!.slice(0, 2000);
	return { commit, date, timestamp, branch: branch === 'HEAD' ? undefined : branch, message: message || undefined };
}
