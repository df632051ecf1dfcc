/**
 * The Coverage Report workflow, run on this machine with the same scripts, for `npm run test:e2e`:
 *
 *   record   copy data/ to a scratch data directory, run the example backend's suite under pytest with
 *            coverage and JUnit (scripts/ci/run-backend-tests.sh), record the run into the copy
 *            (scripts/ci/record-run.sh) and judge that point with `trend check` (scripts/ci/check-run.sh).
 *   publish  after the e2e sites are built, add the coverage.py HTML report to the `pipeline` site at
 *            coverage_reports/html/, as the Pages workflow does (scripts/ci/publish-coverage-html.sh).
 *
 * The `pipeline` e2e site builds from the scratch directory under the base path, and its spec
 * finds the new point on the home page. Usage: `node scripts/ci/local-pipeline.ts record|publish`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PYTHON } from '../shared/python.ts';
import { shortCommit } from '../../src/lib/trend/commitLinks.ts';
import { selectedSites, siteOutDir } from '../shared/e2eSites.ts';
import { pipelineCommitFile, pipelineDataDir, pipelineReportDir } from './pipelinePaths.ts';

const BACKEND_DIR = 'examples/atom-backend';

/** Run a command with inherited output; stop the pipeline unless its exit status is allowed. */
function run(command: string, args: string[], env: Record<string, string> = {}, allowed: number[] = [0]): number {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const status = result.status ?? 1;
	if (!allowed.includes(status)) {
		console.error(`local-pipeline: ${command} ${args.join(' ')} exited ${status}`);
		process.exit(1);
	}
	return status;
}

function record(): void {
	const dataDir = pipelineDataDir();
	const reportDir = pipelineReportDir();
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(reportDir, { recursive: true });
	cpSync('data', dataDir, { recursive: true });

	const started = Date.now();
	run('scripts/ci/run-backend-tests.sh', [reportDir], { PYTHON, BACKEND_DIR, GITHUB_OUTPUT: '' });
	// A fresh commit id every run, so the spec can tell this run's point from any other.
	const commit = randomBytes(20).toString('hex');
	// The CI scripts must not write into a real job summary when someone runs this inside Actions.
	const ci = { GITHUB_STEP_SUMMARY: '', GITHUB_SHA: '' };
	run('scripts/ci/record-run.sh', [reportDir], {
		...ci,
		DATA_DIR: dataDir,
		COMMIT_SHA: commit,
		COMMIT_MESSAGE: 'Local pipeline run',
	});
	writeFileSync(pipelineCommitFile(), `${commit}\n`);
	// `check` exits 1 on a regression: a real outcome of a pipeline run, not a failure of this script.
	const summary = join(reportDir, 'summary.md');
	const status = run(
		'scripts/ci/check-run.sh',
		[reportDir],
		{ ...ci, DATA_DIR: dataDir, COMMIT_SHA: commit, GITHUB_BASE_REF: '' },
		[0, 1],
	);
	console.log(
		`local-pipeline: recorded ${shortCommit(commit)} into ${dataDir}; check exited ${status}; ` +
			`summary ${summary} (${readFileSync(summary, 'utf8').length} characters); ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
}

function publish(): void {
	const site = selectedSites().find((s) => s.name === 'pipeline');
	if (!site) {
		console.error('local-pipeline: no `pipeline` site in scripts/shared/e2eSites.ts (run `record` first)');
		process.exit(1);
	}
	run('scripts/ci/publish-coverage-html.sh', [join(pipelineReportDir(), 'html'), siteOutDir(site)]);
}

const { positionals } = parseArgs({ allowPositionals: true });
const phase = positionals[0];
if (phase === 'record') record();
else if (phase === 'publish') publish();
else {
	console.error('usage: node scripts/ci/local-pipeline.ts record|publish');
	process.exit(2);
}
