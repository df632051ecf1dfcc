import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	CURRENT_MAJOR,
	PINNED,
	allSteps,
	loadWorkflow,
	stepsUsing,
	workflowText,
} from '../../helpers/workflowFiles.ts';

const wf = loadWorkflow('coverage-report.yml');
const text = workflowText('coverage-report.yml');
const steps = allSteps(wf);
const runs = steps.map((s) => s.run ?? '').join('\n');

describe('coverage-report.yml: triggers and permissions', () => {
	test('is named "Coverage Report" (pages.yml and coverage-comment.yml follow it by that name)', () => {
		expect(wf.name).toBe('Coverage Report');
	});
	test('runs on push to main, pull requests to main and by hand', () => {
		expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
		expect(wf.on.push).toEqual({ branches: ['main'] });
		expect(wf.on.pull_request).toEqual({ branches: ['main'] });
	});
	test('never uses pull_request_target', () => {
		expect(text).not.toContain('pull_request_target');
	});
	test('top-level permissions are contents: read only', () => {
		expect(wf.permissions).toEqual({ contents: 'read' });
	});
	test('only the publish-data job may write, and only contents', () => {
		for (const [id, job] of Object.entries(wf.jobs)) {
			if (id === 'publish-data') expect(job.permissions).toEqual({ contents: 'write' });
			else expect(job.permissions, `${id} inherits contents: read`).toBeUndefined();
		}
	});
	test('needs no secret', () => {
		expect(text).not.toMatch(/secrets\./);
	});
	test('uses no concurrency group (it would cancel a pending run and lose its point)', () => {
		expect(wf.concurrency).toBeUndefined();
		for (const job of Object.values(wf.jobs)) expect(job.concurrency).toBeUndefined();
	});
});

describe('coverage-report.yml: the test run', () => {
	const [python] = stepsUsing(wf, 'actions/setup-python');
	test('sets up Python 3.11 with the pip cache', () => {
		expect(python?.with).toMatchObject({ 'python-version': '3.11', cache: 'pip' });
	});
	test('installs pytest, pytest-cov, pytest-xdist and pytest-rerunfailures', () => {
		expect(runs).toContain('pip install -r scripts/ci/requirements-tests.txt');
		const reqs = readFileSync('scripts/ci/requirements-tests.txt', 'utf8');
		for (const pkg of ['pytest', 'pytest-cov', 'pytest-xdist', 'pytest-rerunfailures'])
			expect(reqs).toMatch(new RegExp(`^${pkg}\\b`, 'm'));
	});
	test('runs the backend tests through scripts/ci/run-backend-tests.sh, backend dir configurable (default examples/atom-backend)', () => {
		expect(runs).toContain('scripts/ci/run-backend-tests.sh');
		expect(wf.env?.BACKEND_DIR).toBe("${{ inputs.backend-dir || 'examples/atom-backend' }}");
		const input = (wf.on.workflow_dispatch as { inputs: Record<string, { default: string }> }).inputs['backend-dir'];
		expect(input?.default).toBe('examples/atom-backend');
	});
	test('the script runs pytest -n auto with branch coverage, HTML/JSON/term-missing reports and JUnit XML', () => {
		const script = readFileSync('scripts/ci/run-backend-tests.sh', 'utf8');
		expect(script).toContain('-m pytest -n "$workers"');
		expect(script).toContain('workers=${PYTEST_WORKERS:-auto}');
		for (const flag of ['--cov-branch', '--cov-report=term-missing', '--cov-report="html:', '--junitxml='])
			expect(script).toContain(flag);
		expect(script).toContain('-m coverage json -q -o "$report_dir/coverage.json"');
	});
	test('warns above 5 minutes and fails above 10', () => {
		expect(wf.env).toMatchObject({ DURATION_WARN_SECONDS: 300, DURATION_FAIL_SECONDS: 600 });
	});
	test('sets up Node from .nvmrc with the npm cache and installs with npm ci', () => {
		for (const node of stepsUsing(wf, 'actions/setup-node'))
			expect(node.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
		expect(existsSync('.nvmrc')).toBe(true);
		expect(runs).toMatch(/^npm ci\b/m);
	});
});

describe('coverage-report.yml: record, gate, artifacts', () => {
	test('records with the JSON and JUnit reports and the measured duration', () => {
		expect(runs).toContain('scripts/ci/record-run.sh "$REPORT_DIR"');
		const script = readFileSync('scripts/ci/record-run.sh', 'utf8');
		expect(script).toContain('args=(record "--junit=$report_dir/junit.xml"');
		expect(script).toContain('args+=("--duration=$(cat -- "$report_dir/duration_seconds")")');
		expect(script).toContain('"${args[@]}" -- "$report_dir/coverage.json"');
	});
	test('runs trend check writing the summary (check also appends it to $GITHUB_STEP_SUMMARY)', () => {
		const check = steps.find((s) => s.id === 'check');
		expect(check?.run).toBe('scripts/ci/check-run.sh "$REPORT_DIR"');
		const script = readFileSync('scripts/ci/check-run.sh', 'utf8');
		expect(script).toContain('args=(check "--data-dir=${DATA_DIR:-data}" "--summary=$report_dir/summary.md")');
	});
	test('judges the run’s own commit against the base branch (the CLI reads $GITHUB_SHA and $GITHUB_BASE_REF)', () => {
		const script = readFileSync('scripts/ci/check-run.sh', 'utf8');
		expect(script).toContain('commit=${COMMIT_SHA:-${GITHUB_SHA:-}}');
		expect(script).toContain('args+=("--commit=$commit")');
		expect(script).toContain('base=${BASE_BRANCH:-${GITHUB_BASE_REF:-}}');
		expect(script).toContain('args+=("--base-branch=$base")');
	});
	test('checks only when the record step succeeded (else it would judge an older point)', () => {
		const record = steps.find((s) => s.id === 'record');
		const check = steps.find((s) => s.id === 'check');
		expect(record?.run).toContain('scripts/ci/record-run.sh');
		expect(check?.if).toBe("${{ !cancelled() && steps.record.outcome == 'success' }}");
		expect(steps.indexOf(check!)).toBeGreaterThan(steps.indexOf(record!));
	});
	test('on pull requests the gate settings and the baseline come from the base branch’s data/', () => {
		expect(wf.env?.DATA_DIR).toBe("${{ github.event_name == 'pull_request' && '.base/data' || 'data' }}");
		const base = stepsUsing(wf, 'actions/checkout').find((s) => s.with?.path === '.base');
		expect(base?.if).toBe("${{ github.event_name == 'pull_request' }}");
		expect(base?.with).toMatchObject({
			ref: '${{ github.event.pull_request.base.sha }}',
			'sparse-checkout': 'data',
			'persist-credentials': false,
		});
		const patch = steps.find((s) => s.id === 'patch');
		expect(patch?.run).toContain('--data-dir "$DATA_DIR"');
		// record-run.sh and check-run.sh both take the directory from DATA_DIR.
		for (const script of ['record-run.sh', 'check-run.sh'])
			expect(readFileSync(`scripts/ci/${script}`, 'utf8')).toContain('${DATA_DIR:-data}');
	});
	test('the patch summary links file names to their source pages on the published site', () => {
		const patch = steps.find((s) => s.id === 'patch')!;
		expect(patch.run).toContain('--site-url "$COVERAGE_SITE_URL"');
		expect(wf.env?.COVERAGE_SITE_URL).toBe(
			"${{ vars.COVERAGE_SITE_URL || format('https://{0}.github.io/{1}/', github.repository_owner, github.event.repository.name) }}",
		);
	});
	test('dates the point with the commit’s own date', () => {
		const script = readFileSync('scripts/ci/record-run.sh', 'utf8');
		expect(script).toContain('date=$(git log -1 --format=%cI "$commit" -- 2>/dev/null || true)');
		expect(script).toContain('args+=("--date=$date")');
	});
	test('uploads coverage.json, the HTML report and the JUnit XML as an artifact', () => {
		const upload = stepsUsing(wf, 'actions/upload-artifact').find((s) => s.with?.name === 'coverage-reports');
		const paths = String(upload?.with?.path);
		for (const p of ['coverage.json', 'html/', 'junit.xml', 'attempts.json'])
			expect(paths).toContain(`\${{ env.REPORT_DIR }}/${p}`);
		expect(upload?.if).toContain('!cancelled()');
	});
	test('Codecov is optional: fail_ci_if_error false, continue-on-error, no token', () => {
		const [codecov] = stepsUsing(wf, 'codecov/codecov-action');
		expect(codecov?.with?.fail_ci_if_error).toBe(false);
		expect(codecov?.['continue-on-error']).toBe(true);
		expect(codecov?.with).not.toHaveProperty('token');
	});
	test('every GitHub action is at its current major; third-party ones are pinned to a commit, version in a comment', () => {
		const used = steps.filter((s) => s.uses);
		expect(used.length).toBeGreaterThan(5);
		for (const s of used) {
			const [action, version] = s.uses!.split('@');
			if (action!.startsWith('actions/')) expect(version, action).toBe(CURRENT_MAJOR[action!]);
			else {
				expect(PINNED[action!], `${action} is a known third-party action`).toBeDefined();
				expect(version, action).toMatch(/^[0-9a-f]{40}$/);
				expect(version, action).toBe(PINNED[action!]!.sha);
				expect(text).toContain(`uses: ${action}@${version} # ${PINNED[action!]!.version}\n`);
			}
		}
	});
	test('every script the workflow calls exists and is executable', () => {
		const called = [...runs.matchAll(/scripts\/ci\/[\w.-]+\.sh/g)].map((m) => m[0]);
		expect(new Set(called).size).toBeGreaterThanOrEqual(4);
		for (const path of called) expect(statSync(path).mode & 0o111, path).not.toBe(0);
	});
});

describe('coverage-report.yml: committing data/ on main', () => {
	const job = wf.jobs['publish-data']!;
	const jobText = text.slice(text.indexOf('  publish-data:'));
	test('checks out without keeping the token in .git/config', () => {
		const [checkout] = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
		expect(checkout?.with?.['persist-credentials']).toBe(false);
	});
	test('installs with npm ci before the token exists anywhere, and gives it to the push step alone', () => {
		const install = job.steps.findIndex((s) => /^npm ci\b/.test(s.run ?? ''));
		const push = job.steps.findIndex((s) => s.run?.includes('record-and-push.sh'));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(install).toBeLessThan(push);
		expect(job.steps[push]?.env?.PUSH_TOKEN).toBe('${{ github.token }}');
		// The token appears once in the job: in that step's env, nowhere else (no with:, no job env).
		expect(jobText.match(/github\.token|secrets\./g)).toEqual(['github.token']);
		expect(job.steps.filter((s) => JSON.stringify(s).includes('github.token'))).toHaveLength(1);
	});
	test('runs only on push to main, after the coverage job, and even when the gate failed', () => {
		expect(job.needs).toBe('coverage');
		expect(job.if).toContain("github.event_name == 'push'");
		expect(job.if).toContain("github.ref == 'refs/heads/main'");
		expect(job.if).toContain('!cancelled()');
	});
	test('pushes through record-and-push.sh with a bounded number of attempts', () => {
		const push = job.steps.find((s) => s.run?.includes('record-and-push.sh'));
		expect(push?.env?.MAX_ATTEMPTS).toBe(5);
	});
	test('the retry loop resets to the new remote head and records again, as the bot', () => {
		const script = readFileSync('scripts/ci/record-and-push.sh', 'utf8');
		expect(script).toMatch(/for \(\(attempt = 1; attempt <= max_attempts; attempt\+\+\)\)/);
		expect(script).toContain('git fetch -q "$remote" "+refs/heads/$branch:refs/remotes/$remote/$branch"');
		expect(script).toContain('git reset -q --hard "refs/remotes/$remote/$branch"');
		expect(script).toContain('41898282+github-actions[bot]@users.noreply.github.com');
	});
});

describe('coverage-report.yml: the PR comment, step 1 (upload only)', () => {
	const pr = steps.filter((s) => s.if?.includes("github.event_name == 'pull_request'"));
	test('packages the summary and the PR number, passing the number through env (no expression in run:)', () => {
		const pack = pr.find((s) => s.run?.includes('prepare-pr-comment.sh'));
		expect(pack?.env?.PR_NUMBER).toBe('${{ github.event.pull_request.number }}');
		for (const s of steps) expect(s.run ?? '', 'no ${{ }} inside a shell script').not.toContain('${{');
	});
	test('uploads them as the pr-comment artifact', () => {
		const upload = pr.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
		expect(upload?.with?.name).toBe('pr-comment');
	});
});
