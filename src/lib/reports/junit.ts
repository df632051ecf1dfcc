import { XMLParser } from 'fast-xml-parser';
import { parseXmlFile } from './xml.ts';
import { DataError, describeFound } from '../dataDir/dataError.ts';
import type { TestStatus } from '../schemas/testResult.ts';

/** One test case as a JUnit file reports it, with the attempts before its final one. */
export interface JunitCase {
	/** JUnit `classname` (pytest: the module path plus class, e.g. `tests.unit.test_x.TestK`); '' when absent. */
	classname: string;
	/** JUnit `name` (pytest: the function name with parameters). */
	name: string;
	/** Final outcome: skips and xfails are `skipped`. */
	status: TestStatus;
	/** Seconds, from the `time` attribute (0 when absent). */
	duration: number;
	/** Outcomes of earlier attempts (reruns), oldest first; empty when the test ran once. */
	earlier: TestStatus[];
}

/** One parsed JUnit file. */
export interface JunitReport {
	file: string;
	/** Test cases in file order, one per distinct classname + name. */
	cases: JunitCase[];
	/** Wall time of the file's suites in seconds (the suites' `time`, else the sum of the cases'). */
	duration: number;
}

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set([
	'testsuite',
	'testcase',
	'failure',
	'error',
	'skipped',
	'rerunFailure',
	'rerunError',
	'flakyFailure',
	'flakyError',
]);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseAttributeValue: false,
	parseTagValue: false,
	// Failure bodies are tracebacks we do not keep; only element presence and attributes matter.
	isArray: (tag) => ARRAY_TAGS.has(tag),
	processEntities: true,
	htmlEntities: true,
});

/** Reject what cannot be XML before parsing: empty files and binary data. */
function checkText(file: string, text: string): void {
	if (text.trim() === '') throw new DataError([{ file, path: '', message: 'expected JUnit XML, found an empty file' }]);
	if (text.includes('\u0000') || text.includes('\uFFFD'))
		throw new DataError([{ file, path: '', message: 'expected JUnit XML, found binary data' }]);
}

/** Seconds from a `time` attribute; absent is 0, anything but a finite number ≥ 0 is an error. */
function seconds(file: string, where: string, value: unknown): number {
	if (value === undefined || value === '') return 0;
	const n = typeof value === 'string' ? Number(value.replace(/,/g, '')) : Number.NaN;
	if (!Number.isFinite(n) || n < 0)
		throw new DataError([
			{ file, path: `${where}@time`, message: `expected seconds (a number ≥ 0), found ${describeFound(value)}` },
		]);
	return n;
}

/** The final status a `<testcase>` element's children give it. */
function caseStatus(node: XmlNode): TestStatus {
	// A test that failed in its call and then errored in teardown has both; the failure is the story.
	if (node.failure) return 'failed';
	if (node.error) return 'error';
	if (node.skipped) return 'skipped';
	return 'passed';
}

/** Earlier attempts that some tools (Surefire-style `rerunFailure`/`flakyFailure`) nest inside the final case. */
function nestedAttempts(node: XmlNode): TestStatus[] {
	const out: TestStatus[] = [];
	for (const [tag, status] of [
		['rerunFailure', 'failed'],
		['flakyFailure', 'failed'],
		['rerunError', 'error'],
		['flakyError', 'error'],
	] as const) {
		const list = node[tag];
		if (Array.isArray(list)) for (let i = 0; i < list.length; i++) out.push(status);
	}
	return out;
}

/** Collect `<testcase>`s of a suite and its nested suites, in document order. */
function collectCases(suite: XmlNode, where: string, out: Array<{ node: XmlNode; where: string }>): void {
	const cases = suite.testcase;
	if (Array.isArray(cases))
		cases.forEach((c, i) => out.push({ node: (c ?? {}) as XmlNode, where: `${where}.testcase[${i}]` }));
	const nested = suite.testsuite;
	if (Array.isArray(nested))
		nested.forEach((s, i) => collectCases((s ?? {}) as XmlNode, `${where}.testsuite[${i}]`, out));
}

/**
 * Parse one JUnit XML file (pytest's `--junitxml`, one file per xdist run or CI shard). A test that
 * appears more than once (pytest-rerunfailures ≥ 16.6.1 writes one `<testcase>` per attempt) keeps
 * its last entry as the outcome and the earlier ones as earlier attempts.
 */
export function parseJunit(text: string, file: string): JunitReport {
	checkText(file, text);
	const doc = parseXmlFile(parser, text, file) as XmlNode;
	let suites: XmlNode[];
	let root: string;
	let rootTime: unknown;
	if (doc.testsuites !== undefined) {
		root = 'testsuites';
		const node = (typeof doc.testsuites === 'object' && doc.testsuites ? doc.testsuites : {}) as XmlNode;
		suites = Array.isArray(node.testsuite) ? (node.testsuite as XmlNode[]) : [];
		rootTime = node['@time'];
	} else if (Array.isArray(doc.testsuite)) {
		root = 'testsuite';
		suites = doc.testsuite as XmlNode[];
	} else {
		const found = Object.keys(doc).find((k) => !k.startsWith('?'));
		throw new DataError([
			{
				file,
				path: '',
				message: `expected JUnit XML (a <testsuites> or <testsuite> root), found ${found ? `<${found}>` : 'no element'}`,
			},
		]);
	}

	const found: Array<{ node: XmlNode; where: string }> = [];
	let suiteTime = 0;
	suites.forEach((s, i) => {
		const where = root === 'testsuites' ? `testsuites.testsuite[${i}]` : `testsuite[${i}]`;
		const node = (s ?? {}) as XmlNode;
		suiteTime += seconds(file, where, node['@time']);
		collectCases(node, where, found);
	});

	const byKey = new Map<string, JunitCase>();
	let caseTime = 0;
	for (const { node, where } of found) {
		const name = node['@name'];
		if (typeof name !== 'string' || name.trim() === '')
			throw new DataError([
				{ file, path: `${where}@name`, message: `expected a test name, found ${describeFound(name)}` },
			]);
		const classname = typeof node['@classname'] === 'string' ? (node['@classname'] as string) : '';
		const duration = seconds(file, where, node['@time']);
		caseTime += duration;
		const status = caseStatus(node);
		const key = `${classname}\u0000${name}`;
		const before = byKey.get(key);
		const earlier = [...(before ? [...before.earlier, before.status] : []), ...nestedAttempts(node)];
		// Re-inserting moves the test to where its final attempt is, which is where the tool reported it.
		byKey.delete(key);
		byKey.set(key, { classname, name, status, duration, earlier });
	}
	const duration =
		rootTime !== undefined ? seconds(file, 'testsuites', rootTime) : suiteTime > 0 ? suiteTime : caseTime;
	return { file, cases: [...byKey.values()], duration };
}
