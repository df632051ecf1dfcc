import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderBytes, REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';

/**
 * XML that passes the well-formedness check but that the parser then refuses (an external entity,
 * nesting deeper than its limit) must still give one line naming the file, exit 2, data untouched.
 */
const goodReport = readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8');
const externalEntity =
	'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY a SYSTEM "file:///etc/passwd"> ]>\n' +
	'<testsuites><testsuite><testcase classname="t" name="&a;"/></testsuite></testsuites>\n';
const deep = `<testsuites>${'<testsuite>'.repeat(3000)}${'</testsuite>'.repeat(3000)}</testsuites>`;
const coberturaWith = (doctype: string, body: string) =>
	`<?xml version="1.0"?>\n${doctype}<coverage line-rate="1" branch-rate="0"><sources/>${body}<packages/></coverage>\n`;

const cases: Array<[string, 'junit' | 'report', string, RegExp]> = [
	['a JUnit file with an external entity', 'junit', externalEntity, /External entities are not supported/],
	['a JUnit file nested deeper than the parser allows', 'junit', deep, /nested/i],
	[
		'a Cobertura report with an external entity',
		'report',
		coberturaWith('<!DOCTYPE x [ <!ENTITY a SYSTEM "file:///etc/passwd"> ]>\n', '<x>&a;</x>'),
		/External entities are not supported/,
	],
	[
		'a Cobertura report nested deeper than the parser allows',
		'report',
		coberturaWith('', `${'<x>'.repeat(3000)}${'</x>'.repeat(3000)}`),
		/nested/i,
	],
];

describe('every XML error names the file', () => {
	test.each(cases)('%s', async (_name, kind, text, reason) => {
		const input = mkdtempSync(join(tmpdir(), 'xml-in-'));
		const xmlFile = join(input, kind === 'junit' ? 'junit-evil.xml' : 'coverage-evil.xml');
		writeFileSync(xmlFile, text);
		const reportFile = kind === 'junit' ? join(input, 'coverage.json') : xmlFile;
		if (kind === 'junit') writeFileSync(reportFile, goodReport);
		const data = tempDataDir();
		const before = folderBytes(data);
		const args = ['record', reportFile, '--commit', 'abc1234', '--date', '2026-06-01', '--message', 'm'];
		if (kind === 'junit') args.push('--junit', xmlFile);
		const r = await runTrend([...args, '--data-dir', data]);
		expect(r.status).toBe(2);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr.startsWith(`${xmlFile}: `), r.stderr).toBe(true);
		expect(r.stderr).toMatch(reason);
		expect(folderBytes(data)).toEqual(before);
	});
});
