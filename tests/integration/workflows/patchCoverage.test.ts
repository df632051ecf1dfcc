/**
 * The CI side of patch coverage, run for real: `fetch-merge-base.sh` deepening a shallow clone,
 * `record-run.sh` storing a point's patch coverage since the previous recorded commit (PATCH_BASE),
 * and the pull-request comment that leads with the patch block above the totals.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PYTHON } from '../../../scripts/shared/python.ts';
import { git, initRepo } from '../../helpers/gitRepo.ts';
import { tinyBackend } from '../../helpers/tinyBackend.ts';
import { runTrend } from '../../helpers/trend.ts';

const root = mkdtempSync(join(tmpdir(), 'patch-ci-'));
const origin = join(root, 'origin');
const reports = join(root, 'reports');
const ROOT = process.cwd();
let first = '';
let second = '';

/** calc.py before: positive numbers only. The change adds lines 4–5; only sign(-2) reaches them. */
const BEFORE = 'def sign(x):\n    if x > 0:\n        return 1\n    return 0\n';

beforeAll(() => {
	const backend = tinyBackend();
	cpSync(backend, join(origin, 'backend'), { recursive: true });
	const calc = join(origin, 'backend', 'calc.py');
	const after = readFileSync(calc, 'utf8');
	writeFileSync(calc, BEFORE);
	initRepo(origin);
	git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
	git(origin, 'add', '-A');
	git(origin, 'commit', '-qm', 'Sign of positive numbers');
	first = git(origin, 'rev-parse', 'HEAD');
	for (let i = 0; i < 3; i++) git(origin, 'commit', '-q', '--allow-empty', '-m', `Unrelated ${i}`);
	writeFileSync(calc, after);
	git(origin, 'commit', '-qam', 'Sign of negative numbers');
	second = git(origin, 'rev-parse', 'HEAD');
	const run = spawnSync(join(ROOT, 'scripts/ci/run-backend-tests.sh'), [reports], {
		encoding: 'utf8',
		env: { ...process.env, PYTHON, BACKEND_DIR: join(origin, 'backend'), PYTEST_WORKERS: '0', GITHUB_OUTPUT: '' },
	});
	if (run.status !== 0) throw new Error(run.stdout + run.stderr);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A depth-1 clone of the origin, as actions/checkout makes one. */
function shallowClone(name: string): string {
	const dir = join(root, name);
	git(root, 'clone', '-q', '--depth', '1', `file://${origin}`, dir);
	return dir;
}

describe('fetch-merge-base.sh', () => {
	test('fetches the base and deepens a shallow clone until the merge base is there, and prints it', () => {
		const clone = shallowClone('deepen');
		expect(spawnSync('git', ['merge-base', first, 'HEAD'], { cwd: clone }).status).not.toBe(0);
		const r = spawnSync(join(ROOT, 'scripts/ci/fetch-merge-base.sh'), [first], { cwd: clone, encoding: 'utf8' });
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout.trim()).toBe(first);
	});

	test('refuses a base that looks like an option', () => {
		const r = spawnSync(join(ROOT, 'scripts/ci/fetch-merge-base.sh'), ['--upload-pack=evil'], {
			cwd: origin,
			encoding: 'utf8',
		});
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/BASE must be a commit or a ref/);
	});
});

describe('record-run.sh with PATCH_BASE=previous', () => {
	/** A data directory whose newest point is `commit`. */
	function dataDir(commit: string): string {
		const dir = join(mkdtempSync(join(root, 'data-')), 'data');
		cpSync(join(ROOT, 'data'), dir, { recursive: true });
		const trend = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8'));
		trend.coverage_history.push({ ...trend.coverage_history.at(-1), date: '2026-02-20', commit });
		writeFileSync(join(dir, 'coverage_trend.json'), JSON.stringify(trend));
		return dir;
	}
	const record = (clone: string, data: string, patchBase: string) =>
		spawnSync(join(ROOT, 'scripts/ci/record-run.sh'), [reports], {
			cwd: clone,
			encoding: 'utf8',
			env: {
				...process.env,
				DATA_DIR: data,
				COMMIT_SHA: second,
				COMMIT_MESSAGE: 'x',
				GITHUB_SHA: '',
				PATCH_BASE: patchBase,
			},
		});

	test('stores the patch since the previous recorded commit, fetching its history into a shallow clone', () => {
		const clone = shallowClone('record');
		const data = dataDir(first);
		const r = record(clone, data, 'previous');
		expect(r.status, r.stderr).toBe(0);
		const point = JSON.parse(readFileSync(join(data, 'coverage_trend.json'), 'utf8')).coverage_history.at(-1);
		// Lines 4 (`if x < 0:`) and 5 (`return -1`) are new; both ran; from line 4 only the branch to 5 was taken.
		expect(point.patch).toEqual({
			base: first,
			statements: 2,
			covered: 2,
			branches: 2,
			covered_branches: 1,
			percent: 75,
		});
	});

	test('records without a patch when nothing earlier was recorded from git', () => {
		const clone = shallowClone('no-previous');
		const data = join(mkdtempSync(join(root, 'seed-')), 'data');
		cpSync(join(ROOT, 'data'), data, { recursive: true });
		const r = record(clone, data, 'previous');
		expect(r.status, r.stderr).toBe(0);
		const point = JSON.parse(readFileSync(join(data, 'coverage_trend.json'), 'utf8')).coverage_history.at(-1);
		expect(point.commit).toBe(second);
		expect(point).not.toHaveProperty('patch');
	});
});

interface PrComment {
	MARKER: string;
	readCommentArtifact(dir: string): { prNumber: number; summary: string };
	commentBody(summary: string): string;
}
const prComment = createRequire(import.meta.url)('../../../scripts/ci/pr-comment.cjs') as PrComment;

describe('the pull-request comment', () => {
	test('leads with the patch block of trend patch, above the totals of trend check', async () => {
		const patchFile = join(root, 'patch.md');
		const r = await runTrend([
			'patch',
			join(reports, 'coverage.json'),
			'--repo',
			origin,
			'--base',
			first,
			'--min',
			'80',
			'--summary',
			patchFile,
		]);
		expect(r.status).toBe(1);
		const checkFile = join(root, 'summary.md');
		writeFileSync(
			checkFile,
			'## Coverage check: passed ✅\n\n| Figure | Now |\n| --- | ---: |\n| Overall | 83.33% |\n',
		);
		const out = join(root, 'pr-comment');
		const pack = spawnSync(join(ROOT, 'scripts/ci/prepare-pr-comment.sh'), [checkFile, '7', out, patchFile], {
			encoding: 'utf8',
		});
		expect(pack.status, pack.stderr).toBe(0);
		const { summary } = prComment.readCommentArtifact(out);
		expect(prComment.commentBody(summary)).toBe(
			[
				prComment.MARKER,
				'## Patch coverage: 75.00% (minimum 80%), failed ❌',
				'',
				'2 of 2 changed statements and 1 of the 2 branches from them ran in the tests.',
				`Lines added or changed from ${first.slice(0, 7)} (merge base of ${first}) to ${second.slice(0, 7)}. Report paths are under \`backend/\` in the repository.`,
				'',
				'| Changed file | Statements | Covered | Branches | Patch | Uncovered changed lines |',
				'| --- | ---: | ---: | ---: | ---: | --- |',
				'| backend/calc.py | 2 | 2 | 1/2 | 75.00% | partly: 4 |',
				'',
				'## Coverage check: passed ✅',
				'',
				'| Figure | Now |',
				'| --- | ---: |',
				'| Overall | 83.33% |',
				'',
			].join('\n'),
		);
	});

	test('is the check summary alone when there is no patch block (a push, or the step did not run)', () => {
		const checkFile = join(root, 'only-check.md');
		writeFileSync(checkFile, '## Coverage check: passed ✅\n');
		const out = join(root, 'pr-comment-2');
		const pack = spawnSync(
			join(ROOT, 'scripts/ci/prepare-pr-comment.sh'),
			[checkFile, '8', out, join(root, 'missing.md')],
			{ encoding: 'utf8' },
		);
		expect(pack.status, pack.stderr).toBe(0);
		expect(prComment.readCommentArtifact(out).summary).toBe('## Coverage check: passed ✅\n');
	});
});
