/**
 * The benchmarks' 100 MB coverage.py JSON report, and how they time a whole process. The report
 * replicates the real example-backend report under new paths (`core/<domain>/gen<N>/…`) until it
 * passes the target size; totals are recomputed so the report stays consistent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { percentCovered } from '../../src/lib/coverage/counts.ts';

/** The real report every big report is made from. */
export const SOURCE_REPORT = 'tests/fixtures/reports/coverage-branch.json';

/** coverage.py writes `json.dump(..., indent=None)`: ", " and ": " separators; match its bytes. */
const pySeparators = (text: string) => text.replace(/,(?=["\d[{-])/g, ', ').replace(/":(?=[\d"[{tfn-])/g, '": ');

/** The path of copy `c` of a report path: `core/governance/policy.py` → `core/governance/gen7/policy.py`. */
export function copyPath(path: string, c: number): string {
	return path.replace(/^core\/([^/]+)\//, `core/$1/gen${c}/`);
}

/** Write a report of about `targetBytes` to `file`: the real report's files copied under new paths. */
export function makeBigReport(file: string, targetBytes = 100 * 1024 * 1024): { bytes: number; files: number } {
	const source = JSON.parse(readFileSync(SOURCE_REPORT, 'utf8'));
	const entries = Object.entries(source.files as Record<string, { summary: Record<string, number> }>);
	const perCopy =
		Buffer.byteLength(pySeparators(JSON.stringify(source.files))) + entries.length * ' "gen00000/"'.length;
	const copies = Math.floor(targetBytes / perCopy);
	const files: Record<string, unknown> = {};
	const sum = {
		covered_lines: 0,
		num_statements: 0,
		missing_lines: 0,
		excluded_lines: 0,
		num_branches: 0,
		num_partial_branches: 0,
		covered_branches: 0,
		missing_branches: 0,
	};
	for (let c = 0; c < copies; c++)
		for (const [path, f] of entries) {
			files[copyPath(path, c)] = f;
			for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += f.summary[k] ?? 0;
		}
	const totals = {
		...sum,
		percent_covered: percentCovered(sum),
		percent_covered_display: percentCovered(sum).toFixed(0),
	};
	const text = pySeparators(JSON.stringify({ meta: source.meta, files, totals }));
	writeFileSync(file, text);
	return { bytes: Buffer.byteLength(text), files: Object.keys(files).length };
}

/** Run a command under `/usr/bin/time -v` (when present): wall seconds, CPU seconds and peak RSS in bytes. */
export function measureProcess(
	cmd: string,
	args: string[],
	options: { okStatus?: number[] } = {},
): { seconds: number; cpu: number | null; rss: number | null; stdout: string } {
	const timed = existsSync('/usr/bin/time');
	const start = process.hrtime.bigint();
	const r = timed
		? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
		: spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	if (!(options.okStatus ?? [0]).includes(r.status ?? -1))
		throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
	const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1];
	const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1];
	const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '')?.[1];
	const cpu = user && sys ? Number(user) + Number(sys) : null;
	return { seconds, cpu, rss: kb ? Number(kb) * 1024 : null, stdout: r.stdout };
}
