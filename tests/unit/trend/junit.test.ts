import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataError } from '../../../src/lib/dataDir/dataError.ts';
import { parseJunit } from '../../../src/lib/reports/junit.ts';
import { testRunSchema } from '../../../src/lib/schemas/testRun.ts';
import {
	applyAttempts,
	buildTestRun,
	mergeJunitReports,
	summarizeTests,
} from '../../../src/lib/testHealth/testRunBuild.ts';
import { unpackTestResult } from '../../../src/lib/schemas/testResult.ts';

const dir = 'tests/fixtures/trend/junit';
const read = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

describe('parseJunit on real pytest output', () => {
	test.each(['pytest-plain.xml', 'pytest-xdist.xml'])('%s: statuses, names and classnames', (name) => {
		const report = parseJunit(read(name), name);
		const byName = Object.fromEntries(report.cases.map((c) => [c.name, c]));
		expect(report.cases).toHaveLength(9);
		expect(byName.test_pass!.status).toBe('passed');
		expect(byName.test_fail!.status).toBe('failed');
		expect(byName.test_skip!.status).toBe('skipped');
		expect(byName.test_xfail!.status).toBe('skipped');
		expect(byName.test_err!.status).toBe('error');
		// Entities in names are decoded: the parameter is `b<c`.
		expect(byName['test_param[b<c]']!.status).toBe('passed');
		expect(byName.test_m!.classname).toBe('test_sample.TestK');
		expect(report.cases.every((c) => c.earlier.length === 0)).toBe(true);
		expect(report.duration).toBeGreaterThan(0);
	});

	test('the suite time is the file duration', () => {
		const report = parseJunit(read('pytest-plain.xml'), 'x.xml');
		const time = Number(/<testsuite [^>]*time="([\d.]+)"/.exec(read('pytest-plain.xml'))![1]);
		expect(report.duration).toBe(time);
	});
});

describe('reruns', () => {
	const rerun16 = `<?xml version="1.0"?><testsuites><testsuite name="pytest" time="1.5">
		<testcase classname="t.m" name="test_flaky" time="0.1"><failure message="x"/></testcase>
		<testcase classname="t.m" name="test_ok" time="0.2"/>
		<testcase classname="t.m" name="test_flaky" time="0.3"><failure message="x"/></testcase>
		<testcase classname="t.m" name="test_flaky" time="0.4"/>
	</testsuite></testsuites>`;

	test('rerunfailures >= 16.6.1: duplicate testcases, the last is the outcome', () => {
		const report = parseJunit(rerun16, 'r.xml');
		expect(report.cases.map((c) => [c.name, c.status, c.duration, c.earlier])).toEqual([
			['test_ok', 'passed', 0.2, []],
			['test_flaky', 'passed', 0.4, ['failed', 'failed']],
		]);
		expect(report.duration).toBe(1.5);
	});

	test('Surefire-style rerunFailure/flakyFailure children are earlier attempts', () => {
		const xml = `<testsuite name="s"><testcase classname="a" name="b"><rerunFailure/><flakyError/></testcase></testsuite>`;
		const [c] = parseJunit(xml, 's.xml').cases;
		expect(c!.status).toBe('passed');
		expect(c!.earlier).toEqual(['failed', 'error']);
	});

	test('attempts files fill earlier attempts (Debian rerunfailures 10.2 writes only the final one)', () => {
		const report = parseJunit(read('pytest-plain.xml'), 'p.xml');
		const cases = applyAttempts(report.cases, [
			{
				format: 1,
				attempts: [{ classname: 'test_sample', name: 'test_flaky', outcomes: ['failed', 'passed'] }],
			},
		]);
		expect(cases.find((c) => c.name === 'test_flaky')!.earlier).toEqual(['failed']);
		expect(cases.find((c) => c.name === 'test_pass')!.earlier).toEqual([]);
	});
});

describe('merging files and building the record', () => {
	test('shards add up; a test in two files keeps the later outcome', () => {
		const a = parseJunit(
			'<testsuite time="2"><testcase classname="m" name="x"><error/></testcase><testcase classname="m" name="y"/></testsuite>',
			'a.xml',
		);
		const b = parseJunit(
			'<testsuite time="3"><testcase classname="m" name="x"/><testcase classname="n" name="z"/></testsuite>',
			'b.xml',
		);
		const merged = mergeJunitReports([a, b]);
		expect(merged.duration).toBe(5);
		expect(merged.cases.map((c) => `${c.classname}.${c.name}:${c.status}:${c.earlier.join()}`)).toEqual([
			'm.y:passed:',
			'm.x:passed:error',
			'n.z:passed:',
		]);
	});

	test('the record validates against the schema and points into classnames', () => {
		const report = parseJunit(read('pytest-plain.xml'), 'p.xml');
		const cases = applyAttempts(report.cases, [
			{ format: 1, attempts: [{ classname: 'test_sample', name: 'test_flaky', outcomes: ['failed', 'passed'] }] },
		]);
		const run = buildTestRun({ commit: 'abc1234', date: '2026-11-24', branch: 'main' }, cases, report.duration);
		expect(testRunSchema.parse(run)).toEqual(run);
		expect(run.classnames).toEqual(['test_sample', 'test_sample.TestK']);
		const tests = run.tests.map(unpackTestResult);
		expect(tests.find((t) => t.name === 'test_flaky')!.earlier).toEqual(['failed']);
		expect(tests.find((t) => t.name === 'test_m')!.classIndex).toBe(1);
		expect(summarizeTests(cases, report.duration)).toEqual({
			test_count: 9,
			tests_failed: 2,
			tests_skipped: 2,
			duration_seconds: Math.round(report.duration * 1000) / 1000,
		});
	});
});

describe('bad JUnit input names the file and the place', () => {
	test.each([
		['an empty file', '', /x\.xml: expected JUnit XML, found an empty file/],
		['binary data', '\u0000\u0001PK', /x\.xml: expected JUnit XML, found binary data/],
		['text that is not XML', 'hello world', /x\.xml: .*(not well-formed XML|expected JUnit XML)/],
		['truncated XML', '<testsuites><testsuite>\n<testcase name="a">', /x\.xml: not well-formed XML at line \d+/],
		['XML that is not JUnit', '<coverage line-rate="1"/>', /x\.xml: expected JUnit XML .*found <coverage>/],
		[
			'a negative time',
			'<testsuite><testcase name="a" time="-1"/></testsuite>',
			/x\.xml: testsuite\[0\]\.testcase\[0\]@time: expected seconds/,
		],
		[
			'a NaN time',
			'<testsuite><testcase name="a" time="NaN"/></testsuite>',
			/testcase\[0\]@time: expected seconds .*"NaN"/,
		],
		[
			'a test without a name',
			'<testsuite><testcase classname="a"/></testsuite>',
			/testcase\[0\]@name: expected a test name/,
		],
	])('%s', (_label, text, message) => {
		let error: unknown;
		try {
			parseJunit(text, 'x.xml');
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(DataError);
		expect((error as Error).message).toMatch(message);
		expect((error as Error).message).not.toContain('\n');
	});
});
