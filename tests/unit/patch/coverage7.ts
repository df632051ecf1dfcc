import { readFileSync } from 'node:fs';

/**
 * coverage.py 7's JSON (format 3) of a real 6.5 report: the same line and arc lists, plus the
 * per-function and per-class regions 7.5 added. Debian 12 ships coverage.py 6.5 and no other
 * registry is reachable here, so the 7.x layout is made from the real run, as in reduce.test.ts.
 */
export function coverage7Json(path: string): Buffer {
	const r = JSON.parse(readFileSync(path, 'utf8'));
	r.meta = { format: 3, version: '7.6.1', ...r.meta, timestamp: r.meta.timestamp };
	r.meta.version = '7.6.1';
	for (const f of Object.values(r.files) as Array<Record<string, unknown>>) {
		const region = {
			executed_lines: f.executed_lines,
			summary: f.summary,
			missing_lines: f.missing_lines,
			excluded_lines: f.excluded_lines,
			executed_branches: f.executed_branches ?? [],
			missing_branches: f.missing_branches ?? [],
		};
		f.functions = { '': region };
		f.classes = { '': region };
	}
	return Buffer.from(JSON.stringify(r, null, 4));
}
