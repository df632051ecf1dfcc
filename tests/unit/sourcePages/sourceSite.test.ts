import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSourceSite, type Highlighter } from '../../../src/lib/snapshot/sourceSite.ts';
import { writeRealSourceBench, writeSourceBench } from '../../../scripts/shared/sourceBench.ts';

const work = mkdtempSync(join(tmpdir(), 'source-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let data: string;
const highlighted: string[] = [];
const highlight: Highlighter = (path, _text, lines) => {
	highlighted.push(path);
	return { tokens: lines.map(() => []), styles: [] };
};

beforeAll(() => {
	// Three generated modules in a git repository of their own, measured at its commit.
	data = writeSourceBench(work, 3);
});

test("every measured file's page shows its code when the checkout is the snapshot's commit", () => {
	const site = openSourceSite(data, '/atom-docs/', process.cwd())!;
	expect(site.paths).toEqual(['pkg/sub_0/mod_0.py', 'pkg/sub_1/mod_1.py', 'pkg/sub_2/mod_2.py']);
	const page = site.page('pkg/sub_1/mod_1.py', highlight);
	expect(page.state).toBe('shown');
	expect(page.lines[0]).toBe('"""Generated module 1: branches, strings and comments like real code."""');
	expect(page.header.domains).toEqual([{ label: 'Package', href: '/atom-docs/coverage/pkg/' }]);
	expect(page.header.snapshotDate).toBe('2026-12-01');
	expect(page.header.commit).toMatch(/^[0-9a-f]{40}$/);
	// No repository in the config: no link to the file.
	expect(page.header.fileUrl).toBeNull();
	expect(page.marks).toContain('m');
	expect(highlighted).toEqual(['pkg/sub_1/mod_1.py']);
});

test('a file changed since the snapshot, or gone, shows its marks without code and is not highlighted', () => {
	const repo = join(work, 'repo');
	appendFileSync(join(repo, 'pkg/sub_0/mod_0.py'), '# edited after the snapshot\n');
	execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qam', 'edit'], {
		cwd: repo,
	});
	rmSync(join(repo, 'pkg/sub_2/mod_2.py'));
	highlighted.length = 0;
	const site = openSourceSite(data, '/', process.cwd())!;
	const changed = site.page('pkg/sub_0/mod_0.py', highlight);
	expect(changed.state).toBe('changed');
	expect(changed.lines).toEqual([]);
	expect(changed.marks.length).toBeGreaterThan(0);
	expect(site.page('pkg/sub_2/mod_2.py', highlight).state).toBe('missing');
	expect(site.page('pkg/sub_1/mod_1.py', highlight).state).toBe('shown');
	expect(highlighted).toEqual(['pkg/sub_1/mod_1.py']);
});

test('with a repository URL each page links the file at the snapshot commit; no snapshot means no site', () => {
	const config = join(data, 'coverage.config.json');
	const saved = readFileSync(config, 'utf8');
	writeFileSync(config, JSON.stringify({ ...JSON.parse(saved), repository: 'https://github.com/example/atom' }));
	const page = openSourceSite(data, '/', process.cwd())!.page('pkg/sub_1/mod_1.py', highlight);
	expect(page.header.fileUrl).toMatch(
		/^https:\/\/github\.com\/example\/atom\/blob\/[0-9a-f]{40}\/pkg\/sub_1\/mod_1\.py$/,
	);
	expect(page.header.commitUrl).toMatch(/^https:\/\/github\.com\/example\/atom\/commit\/[0-9a-f]{40}$/);
	writeFileSync(config, saved);
	const empty = mkdtempSync(join(work, 'empty-'));
	writeFileSync(join(empty, 'coverage.config.json'), saved);
	expect(openSourceSite(empty, '/', process.cwd())).toBeNull();
});

test('a report path outside the source folder is never read', () => {
	const name = execFileSync('ls', [join(data, 'snapshots')], { encoding: 'utf8' }).trim();
	const file = join(data, 'snapshots', name);
	const report = JSON.parse(readFileSync(file, 'utf8'));
	report.files['../outside.py'] = report.files['pkg/sub_1/mod_1.py'];
	writeFileSync(file, JSON.stringify(report));
	expect(openSourceSite(data, '/', process.cwd())!.page('../outside.py', highlight).state).toBe('outside');
});

test("the bench's unique modules share no line but the import (the default ones repeat theirs)", () => {
	const lines = (dir: string, n: number) =>
		readFileSync(join(dir, '..', 'repo', `pkg/sub_${n}/mod_${n}.py`), 'utf8')
			.split('\n')
			.filter((l) => l !== '');
	const repeated = (dir: string) => {
		const seen = new Map<string, number>();
		for (const n of [0, 1, 2]) for (const l of lines(dir, n)) seen.set(l, (seen.get(l) ?? 0) + 1);
		return [...seen].filter(([, count]) => count > 1).map(([l]) => l);
	};
	expect(repeated(writeSourceBench(join(work, 'unique'), 3, { unique: true }))).toEqual(['import os']);
	expect(repeated(writeSourceBench(join(work, 'shared'), 3)).length).toBeGreaterThan(50);
});

test("the bench's real code: the first Python files by path, nested roots once, long files left out, a page each", () => {
	const lib = join(work, 'lib');
	const site = join(lib, 'site-packages');
	const put = (path: string, text: string) => {
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, text);
	};
	put(join(lib, 'b.py'), 'import os\n\n# a comment\nx = 1\n');
	put(join(lib, 'a', 'c.py'), 'def f():\n    return 1\n');
	put(join(lib, 'long.py'), 'x = 1\n'.repeat(1001));
	put(join(lib, 'a', '__pycache__', 'c.py'), 'x = 1\n');
	put(join(lib, 'notes.txt'), 'x = 1\n');
	put(join(site, 'pkg.py'), 'y = 2\n');
	const real = writeRealSourceBench(join(work, 'real'), [lib, site], 3)!;
	expect(real).toMatchObject({ files: 3, lines: 4 + 2 + 1 });
	const sourceSite = openSourceSite(real.data, '/atom-docs/', process.cwd())!;
	expect(sourceSite.paths).toEqual(['pkg/lib_0/a/c.py', 'pkg/lib_0/b.py', 'pkg/lib_1/pkg.py']);
	const page = sourceSite.page('pkg/lib_0/b.py', highlight);
	expect(page.state).toBe('shown');
	expect(page.lines).toEqual(['import os', '', '# a comment', 'x = 1']);
	// Statements are the lines that are not blank or comments.
	expect(readJson(join(real.data, 'snapshots')).files['pkg/lib_0/b.py']?.summary.num_statements).toBe(2);
	expect(writeRealSourceBench(join(work, 'real4'), [lib, site], 4)).toBeNull();
});

function readJson(snapshots: string): { files: Record<string, { summary: { num_statements: number } }> } {
	return JSON.parse(readFileSync(join(snapshots, readdirSync(snapshots)[0]!), 'utf8'));
}
