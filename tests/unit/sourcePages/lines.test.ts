import { describe, expect, test } from 'vitest';
import { branchTarget, branchText, missedBranches, saysAlwaysRaised } from '../../../src/lib/coverage/branchText.ts';
import { isDocstringLine, lineStatus } from '../../../src/lib/coverage/lineStatus.ts';
import { compactLineRanges, parseLineRanges } from '../../../src/lib/text/lineRanges.ts';

const summary = (statements: number, covered: number) => ({
	covered_lines: covered,
	num_statements: statements,
	percent_covered: 0,
	missing_lines: statements - covered,
	excluded_lines: 0,
});

describe('line marks', () => {
	test('excluded, then missing, then partial, then run, in coverage.py’s order', () => {
		const { status, missedTargets } = lineStatus({
			summary: summary(5, 3),
			executed_ranges: '1-3,5',
			missing_lines: [4, 6],
			excluded_lines: [5],
			missing_branches: [
				[2, 4],
				[4, 6],
				[3, -1],
			],
		});
		expect(Object.fromEntries(status)).toEqual({ 1: 'run', 2: 'par', 3: 'par', 4: 'mis', 5: 'exc', 6: 'mis' });
		// Arcs from a missing line are not shown as partial.
		expect(Object.fromEntries(missedTargets)).toEqual({ 2: [4], 3: [-1] });
	});

	test('a snapshot without executed lines marks no line as run', () => {
		const r = lineStatus({ summary: summary(3, 2), missing_lines: [2], missing_branches: [[1, 2]] });
		expect(r.knowsExecuted).toBe(false);
		expect(Object.fromEntries(r.status)).toEqual({ 1: 'par', 2: 'mis' });
	});

	test('executed docstrings are not statements, as coverage.py counts them', () => {
		const source = ['"""Module."""', '', 'class A:', '    """Doc."""', '    x = "a"', '    """unclosed', '    """'];
		const file = { summary: summary(2, 2), executed_ranges: '1,3-6', missing_lines: [] };
		expect([...lineStatus(file, source).status.keys()]).toEqual([3, 5]);
		// Without the code there is no telling which executed line is a docstring.
		expect([...lineStatus(file).status.keys()]).toEqual([1, 3, 4, 5, 6]);
		// A module that is only a docstring has no statement at all.
		expect(lineStatus({ summary: summary(0, 0), executed_ranges: '1', missing_lines: [] }).status.size).toBe(0);
	});

	test.each([
		['"""Doc."""', true],
		["    r'''raw", true],
		['"one" # comment', true],
		['"sep".join(parts)', false],
		['x = "a"', false],
		['"a \\" b"', true],
		['"open', false],
	])('%s is a docstring line: %s', (line, expected) => {
		expect(isDocstringLine(line)).toBe(expected);
	});
});

describe('never-taken branches in coverage.py’s words', () => {
	const source = [
		'def f(x):',
		'    if x:',
		'        raise ValueError(x)',
		'    return 1',
		'',
		'@cache',
		'def g():',
		'    pass',
	];
	test.each([
		[2, 4, null, "line 2 didn't jump to line 4"],
		[4, -1, source, "line 4 didn't return from function 'f'"],
		[3, -1, source, "line 3 didn't except from function 'f'"],
		[8, -6, source, "line 8 didn't return from function 'g'"],
		[4, -1, null, "line 4 didn't jump to the function exit"],
		[2, -1, ['if x:', '    y()'], "line 2 didn't exit the module"],
		[2, -1, ['class K:', '    y = 1'], "line 2 didn't exit the body of class 'K'"],
	])('%i → %i', (from, to, lines, text) => {
		expect(branchText(from, to, lines)).toBe(text);
	});
	test('short targets as coverage.py prints them', () => {
		expect([branchTarget(34), branchTarget(-1)]).toEqual(['34', 'exit']);
	});
});

describe('line ranges', () => {
	test('compact form round-trips', () => {
		const lines = [1, 2, 3, 7, 9, 10];
		expect(compactLineRanges(lines)).toBe('1-3,7,9-10');
		expect(parseLineRanges('1-3,7,9-10')).toEqual(lines);
		expect(parseLineRanges('3-5, 9')).toEqual([3, 4, 5, 9]);
		expect(parseLineRanges('')).toEqual([]);
	});
	test('a range no file has is skipped, not allocated', () => {
		expect(parseLineRanges('1-999999999,4')).toEqual([4]);
		expect(parseLineRanges('9-3')).toEqual([]);
	});
});

describe('a line none of whose branches was taken', () => {
	test('coverage.py 7.6.8 and later say it always raised, in one sentence with the short form "anywhere"', () => {
		for (const version of ['7.6.8', '7.11.3', '7.16.2', '8.0.0', '7.7.0a1'])
			expect(missedBranches(4, [5, 7], null, version), version).toEqual({
				targets: ['anywhere'],
				texts: ["line 4 didn't jump anywhere: it always raised an exception."],
			});
	});
	test('older coverage.py names each target, and one missed target is never "anywhere"', () => {
		for (const version of ['6.5.0', '7.6.7', '7.5.4', ''])
			expect(missedBranches(4, [5, 7], null, version), version).toEqual({
				targets: ['5', '7'],
				texts: ["line 4 didn't jump to line 5", "line 4 didn't jump to line 7"],
			});
		expect(missedBranches(4, [5], null, '7.16.2').targets).toEqual(['5']);
	});
	test('versions compare by number, not as text', () => {
		expect(saysAlwaysRaised('7.10.0')).toBe(true);
		expect(saysAlwaysRaised('7.6.10')).toBe(true);
		expect(saysAlwaysRaised('7.6.7')).toBe(false);
		expect(saysAlwaysRaised('10.0')).toBe(true);
		expect(saysAlwaysRaised('not a version')).toBe(false);
	});
});
