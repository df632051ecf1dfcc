import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { displayPercent } from '../../../src/lib/text/format.ts';
import { PYTHON } from '../../../scripts/shared/python.ts';

// The coverage guide states coverage.py's rounding; the site must show the same text coverage.py prints.
const CASES: Array<[number, number]> = [
	[84.5, 0],
	[85.5, 0],
	[0.5, 0],
	[2.5, 0],
	[84.17462482946794, 0],
	[84.17462482946794, 2],
	[0.125, 2],
	[0.375, 2],
	[2.675, 2],
	[12.345, 2],
	[99.5, 0],
	[99.6, 0],
	[0.2, 0],
	[0.004, 2],
	[100, 1],
	[0, 1],
	[50.25, 1],
	[50.35, 1],
	[66.666, 2],
];

test('displayPercent prints what coverage.py’s display_covered prints, halves included', () => {
	const script = `
import json, sys
from coverage.results import Numbers
print(json.dumps([Numbers(precision=p).display_covered(pc) for pc, p in json.load(sys.stdin)]))`;
	const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(CASES), encoding: 'utf8' });
	expect(r.stderr).toBe('');
	const expected = JSON.parse(r.stdout) as string[];
	expect(CASES.map(([pc, p]) => displayPercent(pc, p))).toEqual(expected);
	// The halves are where a plain toFixed would differ; make sure the oracle exercised them.
	expect(expected.slice(0, 4)).toEqual(['84', '86', '1', '2']);
});
