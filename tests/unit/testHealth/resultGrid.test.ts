import { describe, expect, test } from 'vitest';
import { addRow, observationsAt, reorderRuns, resultGrid, setResult } from '../../../src/lib/testHealth/resultGrid.ts';

describe('the grid of results', () => {
	test('gives back each test its observations, oldest run first, skipping runs it was not in', () => {
		const grid = resultGrid(3);
		const a = addRow(grid);
		const b = addRow(grid);
		setResult(grid, a, 2, 'failed', 1.5, undefined);
		setResult(grid, a, 0, 'passed', 0.25, undefined);
		setResult(grid, b, 1, 'skipped', 0, undefined);
		expect(observationsAt(grid, a)).toEqual([
			{ run: 0, status: 'passed', duration: 0.25, attempts: [] },
			{ run: 2, status: 'failed', duration: 1.5, attempts: [] },
		]);
		expect(observationsAt(grid, b)).toEqual([{ run: 1, status: 'skipped', duration: 0, attempts: [] }]);
	});

	test('grows past its first rows and keeps what they hold', () => {
		const grid = resultGrid(2);
		for (let i = 0; i < 100; i++) setResult(grid, addRow(grid), i % 2, 'passed', i, undefined);
		expect(grid.rows).toBe(100);
		expect(observationsAt(grid, 0)).toEqual([{ run: 0, status: 'passed', duration: 0, attempts: [] }]);
		expect(observationsAt(grid, 99)).toEqual([{ run: 1, status: 'passed', duration: 99, attempts: [] }]);
	});

	test('a second result for one run is a rerun: it is the outcome, the first an earlier attempt', () => {
		const grid = resultGrid(1);
		const row = addRow(grid);
		setResult(grid, row, 0, 'failed', 0.5, ['error']);
		// The rerun's own record of earlier attempts comes after the one it replaces.
		setResult(grid, row, 0, 'passed', 0.2, ['skipped']);
		expect(observationsAt(grid, row)).toEqual([
			{ run: 0, status: 'passed', duration: 0.2, attempts: ['error', 'failed', 'skipped'] },
		]);
	});

	test('each read is a new array, so a reader cannot change what the next one sees', () => {
		const grid = resultGrid(1);
		const row = addRow(grid);
		setResult(grid, row, 0, 'passed', 0.2, ['failed']);
		observationsAt(grid, row)[0]!.attempts.push('error');
		expect(observationsAt(grid, row)[0]!.attempts).toEqual(['failed']);
	});

	test('reordering the runs moves results and earlier attempts with their run', () => {
		const grid = resultGrid(3);
		const row = addRow(grid);
		setResult(grid, row, 0, 'passed', 0.1, undefined);
		setResult(grid, row, 1, 'passed', 0.2, ['failed']);
		setResult(grid, row, 2, 'error', 0.3, undefined);
		// New order: the run that was third, then the first, then the second.
		reorderRuns(grid, [2, 0, 1]);
		expect(observationsAt(grid, row)).toEqual([
			{ run: 0, status: 'error', duration: 0.3, attempts: [] },
			{ run: 1, status: 'passed', duration: 0.1, attempts: [] },
			{ run: 2, status: 'passed', duration: 0.2, attempts: ['failed'] },
		]);
	});
});
