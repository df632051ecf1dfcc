/**
 * Data for the source pages benchmark: a git repository of generated Python modules (about 200 lines
 * each, one of 2,000 lines) and a data directory whose newest snapshot measured them at that
 * repository's commit, so that every source page shows its code. The modules share their lines (the
 * same 25 functions in each); with `unique`, every line names its module, so that no line repeats
 * across files, as in real code, and the highlighter cannot reuse one file's lines for another.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compactLineRanges } from '../../src/lib/text/lineRanges.ts';

/** One generated module of `functions` functions (8 lines each) and what a run of it covered. */
function module(
	index: number,
	functions: number,
	unique: boolean,
): { text: string; executed: number[]; missing: number[] } {
	const lines = [`"""Generated module ${index}: branches, strings and comments like real code."""`, 'import os', ''];
	const executed = [2];
	const missing: number[] = [];
	for (let f = 0; f < functions; f++) {
		const start = lines.length + 1;
		// With `unique`, the module's and the function's numbers in every line.
		const id = unique ? `_${index}_${f}` : '';
		lines.push(
			`def handler${id || `_${f}`}(request, limit=${f}):`,
			`    # Reads the request${unique ? ` of handler ${index}.${f}` : ''} and answers within the limit.`,
			`    if request.get("size${id}", 0) > limit:`,
			`        raise ValueError(f"too large: {request['size${id}']} > {limit}")`,
			`    value = os.environ.get("FEATURE${id || `_${f}`}", "off")`,
			`    return {"handler": ${f}, "value${id}": value, "ok": True}`,
			'',
			'',
		);
		executed.push(start, start + 2, start + 4, start + 5);
		(f % 3 === 0 ? missing : executed).push(start + 3);
	}
	return { text: `${lines.join('\n')}\n`, executed: executed.sort((a, b) => a - b), missing };
}

/** A module of the bench's repository: its path, its text and what a run of it covered. */
interface BenchModule {
	path: string;
	text: string | Buffer;
	executed: number[];
	missing: number[];
}

/**
 * Write `files` modules and their snapshot under `dir` (`repo/` and `data/`); returns the data directory.
 * `unique`: no line repeats across modules (see above).
 */
export function writeSourceBench(dir: string, files: number, { unique = false } = {}): string {
	const modules: BenchModule[] = [];
	for (let i = 0; i < files; i++)
		// About 200 lines each; the first is the 2,000-line file whose page size is a budget.
		modules.push({ path: `pkg/sub_${i % 40}/mod_${i}.py`, ...module(i, i === 0 ? 250 : 25, unique) });
	return writeBench(dir, modules, 'generated modules');
}

/** Python's own code on this machine: the folders of `python3`'s standard library and site-packages, or [] without `python3`. */
export function pythonLibraries(): string[] {
	try {
		const out = execFileSync(
			'python3',
			['-c', "import site, sysconfig; print('\\n'.join([sysconfig.get_paths()['stdlib'], *site.getsitepackages()]))"],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
		);
		return out.split('\n').filter((d) => d && existsSync(d));
	} catch {
		return [];
	}
}

/**
 * Write real code as the bench's repository: the first `files` Python files (of at most 1,000 lines, by
 * path) under `roots`, tests included, with every non-blank line that is not a comment counted as a
 * statement and one in seven of those missing. Returns the data directory and how many files and lines,
 * or null if `roots` have fewer than `files` such files.
 */
export function writeRealSourceBench(
	dir: string,
	roots: readonly string[],
	files: number,
): { data: string; files: number; lines: number } | null {
	const found: { root: number; file: string }[] = [];
	roots.forEach((root, r) => {
		// A root inside another (site-packages in pyenv's standard library) is walked as its own.
		const others = roots.filter((o) => o !== root && o.startsWith(`${root}/`));
		for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
			const path = join(e.parentPath, e.name);
			if (e.isFile() && e.name.endsWith('.py') && !e.parentPath.includes('__pycache__'))
				if (!others.some((o) => path.startsWith(`${o}/`))) found.push({ root: r, file: relative(root, path) });
		}
	});
	found.sort((a, b) => a.root - b.root || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const modules: BenchModule[] = [];
	let lines = 0;
	for (const { root, file } of found) {
		if (modules.length === files) break;
		const text = readFileSync(join(roots[root]!, file));
		const all = text.toString('latin1').split('\n');
		if (all.at(-1) === '') all.pop();
		if (all.length > 1000) continue;
		const statements = all.flatMap((line, i) => (/^\s*(#|$)/.test(line) ? [] : [i + 1]));
		if (statements.length === 0) continue;
		lines += all.length;
		modules.push({
			path: `pkg/lib_${root}/${file}`,
			text,
			executed: statements.filter((_, k) => k % 7 !== 3),
			missing: statements.filter((_, k) => k % 7 === 3),
		});
	}
	if (modules.length < files) return null;
	return { data: writeBench(dir, modules, 'real modules'), files: modules.length, lines };
}

/** Write `modules` into `dir/repo` (one commit) and their snapshot into `dir/data`; returns the data directory. */
function writeBench(dir: string, modules: readonly BenchModule[], message: string): string {
	rmSync(dir, { recursive: true, force: true });
	const repo = join(dir, 'repo');
	const data = join(dir, 'data');
	mkdirSync(join(data, 'snapshots'), { recursive: true });
	const report: Record<string, unknown> = {};
	let statements = 0;
	let covered = 0;
	for (const m of modules) {
		mkdirSync(dirname(join(repo, m.path)), { recursive: true });
		writeFileSync(join(repo, m.path), m.text);
		const n = m.executed.length + m.missing.length;
		statements += n;
		covered += m.executed.length;
		report[m.path] = {
			executed_ranges: compactLineRanges(m.executed),
			summary: {
				covered_lines: m.executed.length,
				num_statements: n,
				percent_covered: (100 * m.executed.length) / n,
				missing_lines: m.missing.length,
				excluded_lines: 0,
			},
			missing_lines: m.missing,
			excluded_lines: [],
		};
	}
	const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
	git('init', '-q');
	git('add', '.');
	git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', message);
	const commit = git('rev-parse', 'HEAD');
	const name = `2026-12-01_${commit.slice(0, 7)}_coverage.json`;
	const pc = (100 * covered) / statements;
	const totals = {
		covered_lines: covered,
		num_statements: statements,
		percent_covered: pc,
		missing_lines: statements - covered,
		excluded_lines: 0,
	};
	writeFileSync(
		join(data, 'snapshots', name),
		JSON.stringify({
			meta: { version: '6.5.0', timestamp: '2026-12-01T10:00:00', branch_coverage: false },
			files: report,
			totals,
		}),
	);
	writeFileSync(
		join(data, 'coverage_trend.json'),
		JSON.stringify({
			coverage_history: [
				{ date: '2026-12-01', commit, overall_percent: pc, pkg_percent: pc, test_count: 1, snapshot: name },
			],
			targets: { overall: 80 },
		}),
	);
	writeFileSync(
		join(data, 'coverage.config.json'),
		JSON.stringify({
			project: 'Source pages benchmark',
			source_root: relative(process.cwd(), repo),
			domains: [{ id: 'pkg', label: 'Package', include: ['pkg/**'] }],
		}),
	);
	return data;
}
