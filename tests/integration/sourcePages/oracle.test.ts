/**
 * Oracle: the source pages mark the example backend's lines exactly as coverage.py's own HTML report
 * of the same run does (its `run`, `mis`, `par` and `exc` line classes), and name the same targets
 * for never-taken branches, in the same words up to coverage.py's "because …" clause.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCoveragePyJson } from '../../../src/lib/reports/coveragepyJson.ts';
import { coverageReportSchema, type CoverageReport } from '../../../src/lib/schemas/coveragepy.ts';
import { sourceFile } from '../../../src/lib/snapshot/sourceFile.ts';
import { markAt, MARK } from '../../../src/lib/snapshot/sourceFileJson.ts';
import { decodeSource, sourceLines } from '../../../src/lib/text/decodeSource.ts';
import { CURRENT_PYTHON, PYTHON } from '../../../scripts/shared/python.ts';

const BACKEND = resolve('examples/atom-backend');
const work = mkdtempSync(join(tmpdir(), 'source-oracle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One line of coverage.py's HTML report: its class and, for a partial line, the short and long notes. */
interface HtmlLine {
	cls: string;
	targets: string[];
	long: string;
}

/** coverage.py's HTML file pages by report path: `<p class="run|mis|par|exc|pln …">` per line. */
function readHtmlReport(dir: string): Map<string, Map<number, HtmlLine>> {
	const out = new Map<string, Map<number, HtmlLine>>();
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.html') && n !== 'index.html')) {
		const html = readFileSync(join(dir, name), 'utf8');
		const path = /<title>Coverage for (.+?): \d+%<\/title>/.exec(html)?.[1];
		if (!path) continue;
		const lines = new Map<number, HtmlLine>();
		for (const m of html.matchAll(/<p class="(\w+)[^"]*"><span class="n"><a id="t(\d+)"[^]*?<\/p>/g)) {
			const shorts = /<span class="annotate short">(.*?)<\/span>/.exec(m[0])?.[1] ?? '';
			const long = /<span class="annotate long">(.*?)<\/span>/.exec(m[0])?.[1] ?? '';
			const targets = [...shorts.matchAll(/&#x219B;&#x202F;(\w+)/g)].map((t) => t[1]!);
			lines.set(Number(m[2]), { cls: m[1]!, targets, long: long.replace(/&#39;|&#x27;/g, "'") });
		}
		out.set(path, lines);
	}
	return out;
}

function python(args: string[], env: Record<string, string>, interpreter = PYTHON, cwd = BACKEND) {
	const base = { ...process.env };
	for (const key of ['ATOM_FLAKY_FAILS', 'ATOM_SETUP_ERROR', 'ATOM_ATTEMPTS_FILE', 'PYTEST_ADDOPTS']) delete base[key];
	const r = spawnSync(interpreter, args, { cwd, env: { ...base, ...env }, encoding: 'utf8' });
	expect(r.status, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
}

let snapshot: CoverageReport;
let html: Map<string, Map<number, HtmlLine>>;

beforeAll(() => {
	const env = { COVERAGE_FILE: join(work, '.coverage') };
	python(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-n', '2', '--cov', '--cov-report='], env);
	python(['-m', 'coverage', 'json', '-o', join(work, 'coverage.json')], env);
	python(['-m', 'coverage', 'html', '-d', join(work, 'html')], env);
	// The snapshot exactly as `trend record` writes it (the byte-level reduction of the JSON report).
	const read = readCoveragePyJson(readFileSync(join(work, 'coverage.json')), 'coverage.json');
	expect(Buffer.isBuffer(read.snapshot)).toBe(true);
	snapshot = coverageReportSchema.parse(JSON.parse((read.snapshot as Buffer).toString('utf8')));
	html = readHtmlReport(join(work, 'html'));
}, 240_000);

/** The source page our build makes for `path` under `root`, read from disk, with no site context. */
function pageFromDisk(root: string, path: string, file: Parameters<typeof sourceFile>[1], version?: string) {
	const { text, encoding } = decodeSource(readFileSync(join(root, path)));
	const lines = sourceLines(text);
	const context = { domains: [], snapshotDate: '', commit: null, commitUrl: null, fileUrl: null, branchCoverage: true };
	return {
		lines,
		page: sourceFile(path, file, 'shown', { lines, encoding, tokens: [], styles: [] }, context, version),
	};
}

const CLASS: Record<string, string> = { [MARK.run]: 'run', [MARK.mis]: 'mis', [MARK.par]: 'par', [MARK.exc]: 'exc' };

describe('source pages against coverage.py’s HTML report of the same run', () => {
	test('every measured file has a page in both', () => {
		expect([...html.keys()].sort()).toEqual(Object.keys(snapshot.files).sort());
		expect(html.size).toBeGreaterThan(10);
	});

	test('covered, missing, partial and excluded lines are the same sets', () => {
		let marked = 0;
		const differ: string[] = [];
		for (const [path, file] of Object.entries(snapshot.files)) {
			const { page, lines } = pageFromDisk(BACKEND, path, file);
			const ours: Record<string, number[]> = { run: [], mis: [], par: [], exc: [] };
			const theirs: Record<string, number[]> = { run: [], mis: [], par: [], exc: [] };
			for (let n = 1; n <= lines.length; n++) {
				const cls = CLASS[markAt(page.marks, n)];
				if (cls) ours[cls]!.push(n);
			}
			for (const [n, line] of html.get(path)!) if (line.cls in theirs) theirs[line.cls]!.push(n);
			if (JSON.stringify(ours) !== JSON.stringify(theirs))
				differ.push(`${path}: ours ${JSON.stringify(ours)}, coverage.py ${JSON.stringify(theirs)}`);
			marked += ours.run!.length + ours.mis!.length;
		}
		expect(differ).toEqual([]);
		expect(marked).toBeGreaterThan(400);
	});

	test('partial lines name the same targets, in coverage.py’s words', () => {
		let partials = 0;
		for (const [path, file] of Object.entries(snapshot.files)) {
			const { page } = pageFromDisk(BACKEND, path, file);
			for (const p of page.partial) {
				const theirs = html.get(path)!.get(p.line)!;
				expect(p.targets, `${path}:${p.line}`).toEqual(theirs.targets);
				// One never-taken branch per line here: coverage.py's long note is then that one sentence.
				expect(theirs.long.startsWith(p.texts.join(' or ')), `${theirs.long} / ${p.texts.join()}`).toBe(true);
				partials++;
			}
		}
		expect(partials).toBeGreaterThan(3);
	});
});

describe('a branch line that always raised, against today’s coverage.py', () => {
	// coverage.py 6.5 (Debian's, above) names each missed target; 7.6.8 and later word a line none of
	// whose branches was taken as one sentence. The example backend has no such line; this fixture has one.
	const FIXTURE = resolve('tests/fixtures/oracle-raises');
	test('the page words it as coverage.py’s HTML report does, and an ordinary partial line as before', () => {
		const env = { COVERAGE_FILE: join(work, '.coverage-raises'), PYTHONDONTWRITEBYTECODE: '1' };
		const run = (args: string[]) => python(args, env, CURRENT_PYTHON, FIXTURE);
		run(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--cov=.', '--cov-branch', '--cov-report=']);
		run(['-m', 'coverage', 'json', '-o', join(work, 'raises.json')]);
		run(['-m', 'coverage', 'html', '-d', join(work, 'raises-html')]);
		const read = readCoveragePyJson(readFileSync(join(work, 'raises.json')), 'raises.json');
		const report = coverageReportSchema.parse(JSON.parse((read.snapshot as Buffer).toString('utf8')));
		const theirs = readHtmlReport(join(work, 'raises-html')).get('raises.py')!;
		const { page } = pageFromDisk(FIXTURE, 'raises.py', report.files['raises.py']!, report.meta.version);
		expect(page.partial.map((p) => p.line)).toEqual([5, 11]);
		const [raised, ordinary] = page.partial;
		expect(theirs.get(5)).toMatchObject({ cls: 'par', targets: ['anywhere'] });
		expect(raised!.targets).toEqual(['anywhere']);
		expect(raised!.texts).toEqual([theirs.get(5)!.long]);
		expect(raised!.texts).toEqual(["line 5 didn't jump anywhere: it always raised an exception."]);
		expect(ordinary!.targets).toEqual(theirs.get(11)!.targets);
		expect(theirs.get(11)!.long.startsWith(ordinary!.texts[0]!)).toBe(true);
	}, 120_000);
});
