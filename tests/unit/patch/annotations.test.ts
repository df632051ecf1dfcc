import { describe, expect, test } from 'vitest';
import { annotationCommand, patchAnnotations } from '../../../src/lib/coverage/patchAnnotations.ts';
import type { PatchFile, PatchResult } from '../../../src/lib/coverage/patchCoverage.ts';
import { escapeCommandData, escapeCommandProperty, workflowCommand } from '../../../src/lib/text/workflowCommand.ts';

const file = (path: string, uncovered: Array<[number, number, number]>, partial: number[] = []): PatchFile => ({
	path,
	reportPath: path,
	statements: 10,
	covered: 5,
	branches: 0,
	covered_branches: 0,
	percent: 50,
	uncovered: uncovered.map(([start, end, statements]) => ({ start, end, statements })),
	partial,
});

describe('workflow commands', () => {
	test('escape %, CR and LF in the message', () => {
		expect(escapeCommandData('100% done\r\n::error::x')).toBe('100%25 done%0D%0A::error::x');
	});

	test('escape : and , in properties as well, so a path cannot add a property', () => {
		expect(escapeCommandProperty('a:b,line=1%\n.py')).toBe('a%3Ab%2Cline=1%25%0A.py');
		expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
		expect(workflowCommand('warning', { file: 'x,endLine=99.py', line: 3, title: undefined }, 'm')).toBe(
			'::warning file=x%2CendLine=99.py,line=3::m',
		);
	});
});

describe('annotations for uncovered changed lines', () => {
	const result: PatchResult = {
		statements: 30,
		covered: 15,
		branches: 0,
		covered_branches: 0,
		percent: 50,
		unmeasured: [],
		files: [
			file('b.py', [[3, 4, 2]], [9]),
			file('a.py', [
				[10, 20, 7],
				[30, 30, 1],
			]),
		],
	};

	test('come largest range first, then uncovered before partly covered, then by path and line', () => {
		expect(patchAnnotations(result).map((a) => `${a.path}:${a.start}-${a.end}:${a.kind}`)).toEqual([
			'a.py:10-20:uncovered',
			'b.py:3-4:uncovered',
			'a.py:30-30:uncovered',
			'b.py:9-9:partial',
		]);
	});

	test('say which lines and why, with the range in file, line and endLine', () => {
		const [first] = patchAnnotations(result);
		expect(annotationCommand(first!)).toBe(
			'::warning file=a.py,line=10,endLine=20,title=7 uncovered changed statements::Lines 10–20 changed in this diff and no test ran them.',
		);
	});

	test('escape a hostile file name in the command', () => {
		const hostile = { ...result, files: [file('x\n::error::y,z.py', [[1, 1, 1]])] };
		const command = annotationCommand(patchAnnotations(hostile)[0]!);
		expect(command.split('\n')).toHaveLength(1);
		expect(command).toContain('file=x%0A%3A%3Aerror%3A%3Ay%2Cz.py,line=1');
	});
});
