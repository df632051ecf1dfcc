/**
 * `trend patch` on a real repository: the example backend copied into a temporary git repository,
 * a change committed (a new module, a renamed and a deleted file, a file with a space and a `ü` in
 * its name, a CRLF file, an omitted file, a `pragma: no cover` block, an edited existing file), the
 * suite run under coverage for real, and the figures checked against a count made by hand.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { patchJsonSchema } from '../../../src/lib/schemas/patch.ts';
import { PYTHON } from '../../../scripts/shared/python.ts';
import { git, initRepo } from '../../helpers/gitRepo.ts';
import { NODE, runTrend } from '../../helpers/trend.ts';

const root = mkdtempSync(join(tmpdir(), 'patch-repo-'));
const repo = join(root, 'repo');
const backend = join(repo, 'backend');
const reports = join(root, 'reports');

/** quota.py, hand-checked against coverage.py's rules (line: what it is). */
const QUOTA = [
	'"""Per-agent action quotas."""', // 1 docstring: runs, but not a statement
	'',
	'',
	'def remaining(used: int, limit: int) -> int:', // 4 statement, runs at import
	'    """Actions left before the limit."""', // 5 docstring
	'    if used >= limit:', // 6 statement, runs; branch to 7 never taken (partly covered)
	'        return 0', // 7 statement, never runs
	'    return limit - used', // 8 statement, runs
	'',
	'',
	'def describe(used: int, limit: int) -> str:', // 11 statement, runs at import
	'    # Nothing calls this.', // 12 comment
	'    left = remaining(used, limit)', // 13 never runs
	'    if left == 0:', // 14 never runs (2 branches, none taken)
	'        return "quota exhausted"', // 15 never runs
	'    return f"{left} left"', // 16 never runs
	'',
	'',
	'def reset_all(store):  # pragma: no cover', // 19–21 excluded
	'    for key in list(store):',
	'        del store[key]',
	'',
].join('\n');
/** 9 statements (4 6 7 8 11 13 14 15 16), 4 covered (4 6 8 11), 4 branches (6, 14), 1 taken (6→8). */

const UMLAUT_NAME = 'core/governance/über regeln.py';
/** 4 statements (1 2 5 6), 3 covered; 6 never runs. */
const UMLAUT = ['def double(x):', '    return 2 * x', '', '', 'def triple(x):', '    return 3 * x', ''].join('\n');

/** CRLF line endings: 5 statements (1 4 5 6 7), 4 covered; 2 branches at 5, one taken. */
const CRLF = [
	'LIMIT = 3',
	'',
	'',
	'def over(n):',
	'    if n > LIMIT:',
	'        return True',
	'    return False',
	'',
].join('\r\n');

const TESTS = `import importlib.util
import pathlib

from core.governance.quota import remaining
from core.security.crlf_limits import over


def test_remaining():
    assert remaining(1, 5) == 4


def test_over():
    assert over(5) is True


def test_double_from_a_file_with_a_space():
    path = pathlib.Path(__file__).parents[2] / "core" / "governance" / "über regeln.py"
    spec = importlib.util.spec_from_file_location("uber_regeln", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.double(2) == 4
`;

function runSuite(): void {
	const env = { ...process.env, COVERAGE_FILE: join(root, '.coverage') };
	const run = (args: string[]) => {
		const r = spawnSync(PYTHON, args, { cwd: backend, env, encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
	};
	run(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--cov', '--cov-report=']);
	run(['-m', 'coverage', 'json', '-o', join(reports, 'coverage.json')]);
	run(['-m', 'coverage', 'xml', '-o', join(reports, 'coverage.xml')]);
	run(['-m', 'coverage', 'lcov', '-o', join(reports, 'coverage.lcov')]);
}

let base = '';
beforeAll(() => {
	cpSync('examples/atom-backend', backend, { recursive: true, filter: (p) => !/__pycache__|\.pytest_cache/.test(p) });
	writeFileSync(join(repo, 'README.md'), '# Repository\n');
	writeFileSync(join(backend, 'core/governance/omitted.py'), 'VALUE = 1\n');
	initRepo(repo);
	git(repo, 'add', '-A');
	git(repo, 'commit', '-qm', 'Base');
	base = git(repo, 'rev-parse', 'HEAD');
	git(repo, 'switch', '-qc', 'feature');
	writeFileSync(join(backend, 'core/governance/quota.py'), QUOTA);
	writeFileSync(join(backend, UMLAUT_NAME), UMLAUT);
	writeFileSync(join(backend, 'core/security/crlf_limits.py'), CRLF);
	writeFileSync(join(backend, 'tests/unit/test_patch_change.py'), TESTS);
	// Edited: line 20's condition (partly covered), line 21's message (never runs), line 25 (runs).
	const sanitize = join(backend, 'core/security/sanitize.py');
	const lines = readFileSync(sanitize, 'utf8').split('\n');
	lines[19] = '    if max_length <= 0:';
	lines[20] = '        raise ValueError("max_length must be at least 1")';
	lines[24] = '    return html.escape(cleaned, quote=True)  # for HTML pages';
	writeFileSync(sanitize, lines.join('\n'));
	// The omitted file changes, but the report leaves it out.
	appendFileSync(join(backend, 'core/governance/omitted.py'), 'OTHER = 2\n');
	const rc = join(backend, '.coveragerc');
	writeFileSync(rc, readFileSync(rc, 'utf8').replace('[run]\n', '[run]\nomit = core/governance/omitted.py\n'));
	git(repo, 'mv', 'backend/core/episodes/export.py', 'backend/core/episodes/exporter.py');
	git(repo, 'rm', '-q', 'backend/README.md');
	git(repo, 'add', '-A');
	git(repo, 'commit', '-qm', 'Quotas, limits and a renamed module');
	runSuite();
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `trend patch` of a report against the fixture repository's main. */
const patchOf = (report: string) => ['patch', join(reports, report), '--repo', repo, '--base', 'main'];
const args = (report: string, ...more: string[]) => [...patchOf(report), '--min', '80', ...more];

describe('patch coverage of a real change, counted by hand', () => {
	test('coverage.py JSON: 13 of 21 changed statements and 3 of 8 branches, 55.17%, below 80: exit 1', async () => {
		const json = join(root, 'patch.json');
		const r = await runTrend(args('coverage.json', '--json', json, '--annotations', '10'));
		expect(r.stderr).toBe('trend patch: failed: patch coverage 55.17% is below the minimum 80%\n');
		expect(r.status).toBe(1);
		const out = patchJsonSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
		expect(out).toMatchObject({ statements: 21, covered: 13, branches: 8, covered_branches: 3, passed: false });
		expect(out.percent).toBe((100 * 16) / 29);
		expect(out.path_prefix).toBe('backend/');
		expect(out.merge_base).toBe(base);
		const byPath = Object.fromEntries(out.files.map((f) => [f.path, f]));
		expect(byPath['backend/core/governance/quota.py']).toMatchObject({
			statements: 9,
			covered: 4,
			branches: 4,
			covered_branches: 1,
			uncovered: [
				[7, 7],
				[13, 16],
			],
			partial: [6],
		});
		expect(byPath[`backend/${UMLAUT_NAME}`]).toMatchObject({ statements: 4, covered: 3, uncovered: [[6, 6]] });
		expect(byPath['backend/core/security/crlf_limits.py']).toMatchObject({
			statements: 5,
			covered: 4,
			branches: 2,
			covered_branches: 1,
			uncovered: [[7, 7]],
			partial: [5],
		});
		expect(byPath['backend/core/security/sanitize.py']).toMatchObject({
			statements: 3,
			covered: 2,
			branches: 2,
			covered_branches: 1,
			uncovered: [[21, 21]],
			partial: [20],
		});
		// A renamed file without edits, a deleted file and the omitted file add no counted line.
		expect(Object.keys(byPath)).not.toContain('backend/core/episodes/exporter.py');
		expect(out.not_counted).toEqual(
			expect.arrayContaining([
				'backend/.coveragerc',
				'backend/core/governance/omitted.py',
				'backend/tests/unit/test_patch_change.py',
			]),
		);
		expect(out.not_counted).not.toContain('backend/README.md');
		// The largest uncovered range first, then single lines, then partly covered lines.
		const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
		expect(annotations[0]).toBe(
			'::warning file=backend/core/governance/quota.py,line=13,endLine=16,title=4 uncovered changed statements::Lines 13–16 changed in this diff and no test ran them.',
		);
		expect(annotations.map((a) => /file=([^,]+),line=(\d+),endLine=(\d+)/.exec(a)!.slice(1).join(':'))).toEqual([
			'backend/core/governance/quota.py:13:16',
			'backend/core/governance/quota.py:7:7',
			`backend/${UMLAUT_NAME}:6:6`,
			'backend/core/security/crlf_limits.py:7:7',
			'backend/core/security/sanitize.py:21:21',
			'backend/core/governance/quota.py:6:6',
			'backend/core/security/crlf_limits.py:5:5',
			'backend/core/security/sanitize.py:20:20',
		]);
	});

	test('Cobertura XML gives the same figures as the JSON', async () => {
		const json = join(root, 'patch-xml.json');
		const r = await runTrend(args('coverage.xml', '--json', json));
		expect(r.status).toBe(1);
		const out = patchJsonSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
		expect(out).toMatchObject({ statements: 21, covered: 13, branches: 8, covered_branches: 3 });
		expect(out.path_prefix).toBe('backend/core/');
	});

	test('LCOV gives the same statements; coverage.py 6’s LCOV names no branch source, so an edited file’s branches drop out', async () => {
		const json = join(root, 'patch-lcov.json');
		await runTrend(args('coverage.lcov', '--json', json));
		const out = patchJsonSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
		// New files count whole (their BRF/BRH); sanitize.py's branch at line 20 cannot be placed.
		expect(out).toMatchObject({ statements: 21, covered: 13, branches: 6, covered_branches: 2 });
	});

	test('the Markdown block leads with the figure and lists every counted file with its uncovered lines', async () => {
		const summary = join(root, 'summary.md');
		const step = join(root, 'step-summary.md');
		writeFileSync(step, 'earlier step\n');
		const r = await runTrend(args('coverage.json', '--summary', summary), { GITHUB_STEP_SUMMARY: step });
		const md = readFileSync(summary, 'utf8');
		expect(r.stdout).toBe(md);
		expect(readFileSync(step, 'utf8')).toBe(`earlier step\n${md}\n`);
		expect(md.split('\n')[0]).toBe('## Patch coverage: 55.17% (minimum 80%), failed ❌');
		expect(md).toContain('13 of 21 changed statements and 3 of the 8 branches from them ran in the tests.');
		expect(md).toContain('Report paths are under `backend/` in the repository.');
		expect(md).toContain('| backend/core/governance/quota.py | 9 | 4 | 1/4 | 38.46% | 7, 13–16; partly: 6 |');
		expect(md).toContain('| backend/core/governance/über regeln.py | 4 | 3 | 0/0 | 75.00% | 6 |');
		// Files with the most uncovered statements first.
		expect(md.indexOf('quota.py |')).toBeLessThan(md.indexOf('sanitize.py |'));
	});

	test('a minimum at or below the figure passes; gate.patch_min is the default', async () => {
		expect((await runTrend(args('coverage.json').map((a) => (a === '80' ? '55' : a)))).status).toBe(0);
		const dataDir = join(root, 'data');
		cpSync('tests/fixtures/trend/data', dataDir, { recursive: true });
		const config = JSON.parse(readFileSync(join(dataDir, 'coverage.config.json'), 'utf8'));
		config.gate.patch_min = 55;
		writeFileSync(join(dataDir, 'coverage.config.json'), JSON.stringify(config));
		const r = await runTrend([...patchOf('coverage.json'), '--data-dir', dataDir]);
		expect(r.stdout).toContain('(minimum 55%), passed ✅');
		expect(r.status).toBe(0);
	});

	test('a docs-only change has no executable line: no percentage, and a pass', async () => {
		git(repo, 'switch', '-qc', 'docs', 'main');
		writeFileSync(join(repo, 'README.md'), '# Repository\n\nMore words.\n');
		git(repo, 'commit', '-qam', 'Docs');
		try {
			const r = await runTrend([...patchOf('coverage.json'), '--head', 'docs', '--min', '100']);
			expect(r.status).toBe(0);
			expect(r.stdout.split('\n')[0]).toBe('## Patch coverage: no executable line changed ✅');
			expect(r.stdout).toContain(
				'Not counted: 1 changed file without a changed statement the report measures (README.md).',
			);
		} finally {
			git(repo, 'switch', '-q', 'feature');
		}
	});
});

/** `trend record <report> --base main` as its own process in the fixture repository, as CI runs it. */
const recordInRepo = (...more: string[]) =>
	spawnSync(
		NODE,
		[join(process.cwd(), 'scripts/trend.ts'), 'record', join(reports, 'coverage.json'), '--base', 'main', ...more],
		{ cwd: repo, encoding: 'utf8', env: { ...process.env, GITHUB_SHA: '', GITHUB_REF_NAME: '' } },
	);

describe('record --base stores the commit’s patch coverage on its point', () => {
	test('the figures of trend patch, rounded as the trend stores them; older points stay as they were', () => {
		const dataDir = join(root, 'record-data');
		cpSync('tests/fixtures/trend/data', dataDir, { recursive: true });
		const before = JSON.parse(readFileSync(join(dataDir, 'coverage_trend.json'), 'utf8')).coverage_history;
		const feature = git(repo, 'rev-parse', 'feature');
		const r = recordInRepo('--commit', feature, '--date', '2026-03-05', '--data-dir', dataDir);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^ {2}Patch\s+55\.17% {2}\(13 of 21 changed statements since [0-9a-f]{7}\)$/m);
		const history = JSON.parse(readFileSync(join(dataDir, 'coverage_trend.json'), 'utf8')).coverage_history;
		expect(history.at(-1).patch).toEqual({
			base,
			statements: 21,
			covered: 13,
			branches: 8,
			covered_branches: 3,
			percent: 55.17,
		});
		expect(history.slice(0, -1)).toEqual(before);
	});

	test('an unknown commit to measure is bad input', () => {
		const r = recordInRepo('--commit', 'abc1234def', '--data-dir', join(root, 'record-data'));
		expect(r.stderr).toMatch(/--commit: unknown git ref "abc1234def"/);
		expect(r.status).toBe(2);
	});
});

describe('bad input: one line on stderr, exit 2', () => {
	const expectBad = async (argv: string[], message: RegExp) => {
		const r = await runTrend(argv);
		expect(r.stderr).toMatch(message);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.status).toBe(2);
	};

	test('a folder that is not a git repository', async () => {
		const plain = mkdtempSync(join(tmpdir(), 'not-a-repo-'));
		await expectBad(
			['patch', join(reports, 'coverage.json'), '--repo', plain, '--base', 'main', '--min', '80'],
			/expected a git repository, found none/,
		);
	});

	test('a site address that is not an http(s) address', async () => {
		await expectBad(
			args('coverage.json', '--site-url', 'javascript:alert(1)'),
			/^trend patch: --site-url: expected the site's http\(s\) address, found "javascript:alert\(1\)"$/m,
		);
	});

	test('an unknown ref', async () => {
		await expectBad(
			args('coverage.json').map((a) => (a === 'main' ? 'no-such-branch' : a)),
			/--base: unknown git ref "no-such-branch"/,
		);
	});

	test('a shallow clone without the merge base names the fetch-depth that fixes it', async () => {
		const shallow = join(root, 'shallow');
		git(root, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, shallow);
		git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'main:main');
		await expectBad(
			['patch', join(reports, 'coverage.json'), '--repo', shallow, '--base', 'main', '--min', '80'],
			/no merge base of main and HEAD in this shallow clone: .*fetch-depth: 0/,
		);
	});

	test('a report in another format', async () => {
		const junit = join(root, 'notes.txt');
		writeFileSync(junit, 'just some notes\n');
		await expectBad(
			args('notes.txt').map((a) => (a.endsWith('reports/notes.txt') ? junit : a)),
			/notes\.txt: expected a coverage report/,
		);
	});

	test('a report whose files match nothing in the repository', async () => {
		const other = join(root, 'other.json');
		const report = JSON.parse(readFileSync(join(reports, 'coverage.json'), 'utf8'));
		report.files = { 'elsewhere/module.py': Object.values(report.files)[0] };
		writeFileSync(other, JSON.stringify(report));
		await expectBad(
			args('coverage.json').map((a) => (a.endsWith('coverage.json') ? other : a)),
			/other\.json: expected files of the repository at HEAD, found none .*--path-prefix/,
		);
	});
});
