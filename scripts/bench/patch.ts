/**
 * `trend patch` on a 5,000-file diff against the 100 MB coverage.py JSON report. Goal: the whole process
 * finishes in under 3 s. The report is the record benchmark's (the example report copied under new paths);
 * the repository is made here: a base commit with a README, and a head commit that adds 5,000 of the
 * report's files (each a copy of its example-backend source), so every line of them is a changed line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyPath, makeBigReport, measureProcess, SOURCE_REPORT } from '../shared/bigReport.ts';
import { loadLine, machineLine, median, mib } from '../shared/benchFigures.ts';

const RUNS = 3;
const DIFF_FILES = 5000;
const dir = mkdtempSync(join(tmpdir(), 'bench-patch-'));
const reportFile = join(dir, 'coverage.json');
const repo = join(dir, 'repo');

function git(...args: string[]): void {
	const r = spawnSync('git', ['-C', repo, ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			GIT_AUTHOR_NAME: 'b',
			GIT_AUTHOR_EMAIL: 'b@e',
			GIT_COMMITTER_NAME: 'b',
			GIT_COMMITTER_EMAIL: 'b@e',
		},
	});
	if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** The repository: a README, then one commit adding DIFF_FILES of the report's files under `backend/`. */
function makeRepository(): number {
	mkdirSync(repo, { recursive: true });
	git('init', '-q', '-b', 'main');
	writeFileSync(join(repo, 'README.md'), '# bench\n');
	git('add', '-A');
	git('commit', '-qm', 'base');
	const sources = Object.keys(JSON.parse(readFileSync(SOURCE_REPORT, 'utf8')).files as object);
	let lines = 0;
	for (let n = 0, c = 0; n < DIFF_FILES; c++)
		for (const path of sources) {
			if (n >= DIFF_FILES) break;
			const text = readFileSync(join('examples/atom-backend', path), 'utf8');
			const target = join(repo, 'backend', copyPath(path, c));
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, text);
			lines += text.split('\n').length - 1;
			n++;
		}
	git('add', '-A');
	git('commit', '-qm', 'head');
	return lines;
}

try {
	const made = makeBigReport(reportFile);
	const lines = makeRepository();
	console.log(machineLine());
	console.log(`report: ${mib(made.bytes)} (${made.bytes} bytes), ${made.files} files`);
	console.log(`diff: ${DIFF_FILES} added files, ${lines} added lines`);
	console.log(loadLine('before'));
	const json = join(dir, 'patch.json');
	const runs = [];
	for (let i = 0; i < RUNS; i++)
		runs.push(
			measureProcess(
				process.execPath,
				['scripts/trend.ts', 'patch', reportFile, '--repo', repo, '--base', 'HEAD~1', '--min', '0', '--json', json],
				{ okStatus: [0] },
			),
		);
	const figures = JSON.parse(readFileSync(json, 'utf8'));
	console.log(
		`patch: ${figures.files.length} files counted, ${figures.statements} changed statements, ${figures.percent.toFixed(2)}%`,
	);
	const seconds = median(runs.map((r) => r.seconds));
	console.log(
		`trend patch, whole process (median of ${RUNS}): ${seconds.toFixed(2)} s   goal < 3 s   ${seconds < 3 ? 'met' : 'NOT met'}`,
	);
	if (runs[0]!.rss !== null) console.log(`trend patch, peak RSS: ${mib(median(runs.map((r) => r.rss!)))}`);
	if (runs[0]!.cpu !== null) console.log(`CPU time (user + system): ${median(runs.map((r) => r.cpu!)).toFixed(2)} s`);
	console.log(loadLine('after'));
} finally {
	rmSync(dir, { recursive: true, force: true });
}
