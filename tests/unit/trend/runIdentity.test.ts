import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/lib/dataDir/usageError.ts';
import { recordRequest } from '../../../src/lib/trend/recordRequest.ts';
import { runIdentity } from '../../../src/lib/trend/runIdentity.ts';

const now = new Date('2026-05-04T03:02:01.000Z');
/** A git that answers from a table, as `git` would in a checkout. */
const gitFrom = (answers: Record<string, string>) => (args: string[]) => answers[args.join(' ')] ?? null;
const checkout = gitFrom({
	'rev-parse HEAD': 'abcdef0123456789abcdef0123456789abcdef01',
	'rev-parse --abbrev-ref HEAD': 'feature/x',
	'log -1 --format=%s abcdef0123456789abcdef0123456789abcdef01 --': 'Subject line',
});

describe('run identity', () => {
	test('options win over CI variables, and CI variables over git', () => {
		const env = { GITHUB_SHA: 'c1c1c1c1', GITHUB_REF_NAME: 'main' };
		expect(runIdentity({ commit: 'd2d2d2d2', branch: 'b', message: 'm' }, { env, git: checkout, now })).toEqual({
			commit: 'd2d2d2d2',
			date: '2026-05-04',
			timestamp: '2026-05-04T03:02:01.000Z',
			branch: 'b',
			message: 'm',
		});
		expect(runIdentity({}, { env, git: checkout, now })).toMatchObject({ commit: 'c1c1c1c1', branch: 'main' });
		expect(runIdentity({}, { env: {}, git: checkout, now })).toMatchObject({
			commit: 'abcdef0123456789abcdef0123456789abcdef01',
			branch: 'feature/x',
			message: 'Subject line',
		});
	});

	test('a detached HEAD has no branch, and a message keeps its first line only', () => {
		const git = gitFrom({ 'rev-parse --abbrev-ref HEAD': 'HEAD' });
		const id = runIdentity({ commit: 'abc1234', message: 'first\nsecond' }, { env: {}, git, now });
		expect(id.branch).toBeUndefined();
		expect(id.message).toBe('first');
	});

	test('a date alone has no time; a date-time keeps its time', () => {
		const sources = { env: {}, git: gitFrom({}), now };
		expect(runIdentity({ commit: 'abc1234', date: '2026-02-11' }, sources)).toMatchObject({
			date: '2026-02-11',
			timestamp: undefined,
		});
		expect(runIdentity({ commit: 'abc1234', date: '2026-02-11 09:30:00Z' }, sources).timestamp).toBe(
			'2026-02-11T09:30:00Z',
		);
	});

	test.each([
		['no commit anywhere', {}, /--commit: required/],
		['a commit with a path in it', { commit: '../etc' }, /--commit: expected a SHA/],
		['a date that is not ISO 8601', { commit: 'abc1234', date: '11/02/2026' }, /--date: expected an ISO 8601 date/],
		['a branch with a control character', { commit: 'abc1234', branch: 'a\u001b[2Jb' }, /--branch: expected/],
	])('refuses %s with a usage error', (_, options, message) => {
		const run = () => runIdentity(options, { env: {}, git: gitFrom({}), now });
		expect(run).toThrow(UsageError);
		expect(run).toThrow(message);
	});
});

describe('record options', () => {
	const where = { dataDir: 'data', config: {} as never, reportFile: 'coverage.json' };
	const sources = { env: {}, git: gitFrom({}), now };
	test('build one request with the measured duration', () => {
		const request = recordRequest(where, { commit: 'abc1234', junit: ['j.xml'], duration: '42.5' }, sources);
		expect(request).toMatchObject({ ...where, junitFiles: ['j.xml'], attemptFiles: [], durationSeconds: 42.5 });
		expect(request.identity.commit).toBe('abc1234');
	});
	test.each([
		[{ attempts: ['a.json'] }, /--attempts: needs at least one --junit file/],
		[{ duration: '3' }, /--duration: needs at least one --junit file/],
		[{ junit: ['j.xml'], duration: '-3' }, /--duration: expected seconds as a number such as 42.5, found "-3"/],
		[{ junit: ['j.xml'], duration: '1e999' }, /--duration: expected seconds/],
	])('refuse %j', (options, message) => {
		expect(() => recordRequest(where, { commit: 'abc1234', ...options }, sources)).toThrow(message);
	});
});
