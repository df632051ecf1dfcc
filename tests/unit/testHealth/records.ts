/** Small hand-built per-test records for the test-health unit tests. */
import type { TestRun } from '../../../src/lib/schemas/testRun.ts';
import { packTestResult, type TestResult, type TestStatus } from '../../../src/lib/schemas/testResult.ts';
import type { RecordedRun } from '../../../src/lib/testHealth/testHistory.ts';

/** A test in a hand-built run: `classname::name` → a status, or [status, duration, earlier attempts]. */
export type HandTest = TestStatus | [TestStatus, number, TestStatus[]?];

/** Build a record from `{ 'cls::name': status }`, named as `record` names them. */
export function run(commit: string, date: string, tests: Record<string, HandTest>, duration = 1): RecordedRun {
	const classnames: string[] = [];
	const results: TestResult[] = Object.entries(tests).map(([id, spec]) => {
		const [classname, name] = id.split('::') as [string, string];
		if (!classnames.includes(classname)) classnames.push(classname);
		const [status, seconds, earlier] = typeof spec === 'string' ? [spec, 0.01, undefined] : spec;
		const index = classnames.indexOf(classname);
		return packTestResult({ classIndex: index, name, status, duration: seconds, earlier: earlier ?? [] });
	});
	const record: TestRun = { format: 1, commit, date, duration_seconds: duration, classnames, tests: results };
	return { name: `${date}_${commit.slice(0, 7)}_tests.json`, run: record };
}

/** A series of runs, one per status list entry, each on its own commit and day. */
export function series(statuses: Record<string, HandTest[]>): RecordedRun[] {
	const length = Math.max(...Object.values(statuses).map((s) => s.length));
	return Array.from({ length }, (_, i) => {
		const tests: Record<string, HandTest> = {};
		for (const [id, list] of Object.entries(statuses)) if (list[i] !== undefined) tests[id] = list[i]!;
		const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
		return run(`c${String(i).padStart(6, '0')}`, day, tests);
	});
}
