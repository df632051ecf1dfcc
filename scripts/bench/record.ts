/**
 * `trend record` on a 100 MB coverage.py JSON report. Goals: the whole process finishes in under 3 s,
 * peaks under 4× the file's size in memory, and takes at most half the time of Python's own
 * `json.load` of the same file plus a loop summing the per-file figures. The report is made here by
 * replicating the real example-backend report under new paths (`core/<domain>/gen<N>/…`) until it
 * passes 100 MB; totals are recomputed so the report stays consistent.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBigReport, measureProcess } from '../shared/bigReport.ts';
import { loadLine, machineLine, median, mib } from '../shared/benchFigures.ts';

const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'bench-record-'));
const reportFile = join(dir, 'coverage.json');
const measure = measureProcess;

try {
	const made = makeBigReport(reportFile);
	console.log(machineLine());
	console.log(
		`report: ${mib(made.bytes)} (${made.bytes} bytes), ${made.files} files, replicated from tests/fixtures/reports/coverage-branch.json`,
	);

	console.log(`${loadLine('before')} (other work on the machine slows both sides)`);
	const node: Array<{ seconds: number; cpu: number | null; rss: number | null }> = [];
	for (let i = 0; i < RUNS; i++) {
		const data = join(dir, `data${i}`);
		cpSync('tests/fixtures/trend/data', data, { recursive: true });
		node.push(
			measure(process.execPath, [
				'scripts/trend.ts',
				'record',
				reportFile,
				'--commit',
				`be0c${i}000`,
				'--date',
				'2026-09-01',
				'--message',
				'bench',
				'--data-dir',
				data,
			]),
		);
		if (i === 0) {
			const snap = join(data, 'snapshots', '2026-09-01_be0c000_coverage.json');
			if (existsSync(snap))
				console.log(
					`snapshot written: ${mib(statSync(snap).size)} (keeps summaries, missing lines and missing branches)`,
				);
		}
	}
	const py = `
import json, sys, time
t = time.perf_counter()
with open(sys.argv[1]) as f:
    d = json.load(f)
s = st = br = cb = 0
for f in d["files"].values():
    x = f["summary"]
    s += x["covered_lines"]; st += x["num_statements"]; br += x.get("num_branches", 0); cb += x.get("covered_branches", 0)
print(time.perf_counter() - t, 100 * (s + cb) / (st + br))
`;
	const python: Array<{ seconds: number; cpu: number | null; rss: number | null; inner: number }> = [];
	for (let i = 0; i < RUNS; i++) {
		const m = measure('/usr/bin/python3', ['-c', py, reportFile]);
		python.push({ ...m, inner: Number(m.stdout.trim().split(' ')[0]) });
	}
	const nodeSec = median(node.map((r) => r.seconds));
	const nodeRss = node[0]!.rss === null ? null : median(node.map((r) => r.rss!));
	const pySec = median(python.map((r) => r.seconds));
	const pyInner = median(python.map((r) => r.inner));
	console.log(
		`trend record, whole process (median of ${RUNS}): ${nodeSec.toFixed(2)} s   goal < 3 s   ${nodeSec < 3 ? 'met' : 'NOT met'}`,
	);
	if (nodeRss !== null)
		console.log(
			`trend record, peak RSS: ${mib(nodeRss)} = ${(nodeRss / made.bytes).toFixed(2)}× the file   goal < 4×   ${nodeRss < 4 * made.bytes ? 'met' : 'NOT met'}`,
		);
	console.log(
		`python json.load + summing loop, whole process (median of ${RUNS}): ${pySec.toFixed(2)} s (load + loop alone ${pyInner.toFixed(2)} s)`,
	);
	const ratio = nodeSec / pySec;
	console.log(`ratio trend record / python: ${ratio.toFixed(2)}   goal ≤ 0.50   ${ratio <= 0.5 ? 'met' : 'NOT met'}`);
	console.log(`ratio trend record / python load + loop alone: ${(nodeSec / pyInner).toFixed(2)}`);
	if (node[0]!.cpu !== null && python[0]!.cpu !== null) {
		const nodeCpu = median(node.map((r) => r.cpu!));
		const pyCpu = median(python.map((r) => r.cpu!));
		console.log(
			`CPU time (user + system, less sensitive to load): trend record ${nodeCpu.toFixed(2)} s, python ${pyCpu.toFixed(2)} s, ratio ${(nodeCpu / pyCpu).toFixed(2)}`,
		);
	}
	console.log(loadLine('after'));
} finally {
	rmSync(dir, { recursive: true, force: true });
}
