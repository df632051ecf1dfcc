import { describe, expect, test } from 'vitest';
import { DataError } from '../../../src/lib/dataDir/dataError.ts';
import { parsePinnedRequirements, readPinnedRequirements } from '../../../src/lib/docs/pinnedRequirements.ts';
import { toolDocs } from '../../../src/lib/docs/toolDocs.ts';

describe('the pinned requirements file', () => {
	test('reads exact pins, skipping comments and blank lines', () => {
		const text = '# what CI installs\n\npytest==9.1.1\nSQLAlchemy==2.1.1  # the savepoint recipe\n';
		expect(parsePinnedRequirements(text, 'reqs.txt')).toEqual([
			{ name: 'pytest', version: '9.1.1' },
			{ name: 'SQLAlchemy', version: '2.1.1' },
		]);
	});

	test.each([
		['a range', 'pytest>=8', 'line 2'],
		['a name without a version', 'pytest', 'line 2'],
		['an extra after the pin', 'pytest==9.1.1; python_version<"3.12"', 'line 2'],
	])('refuses %s, naming the file and the line', (_name, line, where) => {
		expect(() => parsePinnedRequirements(`# header\n${line}\n`, 'reqs.txt')).toThrow(DataError);
		expect(() => parsePinnedRequirements(`# header\n${line}\n`, 'reqs.txt')).toThrow(
			`reqs.txt: ${where}: expected an exact pin such as pytest==9.1.1`,
		);
	});

	test('CI pins every tool exactly, and the guides know each one', () => {
		const pins = readPinnedRequirements('scripts/ci/requirements-tests.txt');
		expect(pins.map((p) => p.name.toLowerCase())).toEqual(
			expect.arrayContaining([
				'pytest',
				'pytest-cov',
				'coverage',
				'pytest-xdist',
				'pytest-rerunfailures',
				'hypothesis',
			]),
		);
		for (const { name } of pins) expect(toolDocs[name.toLowerCase()], name).toBeDefined();
	});
});

describe('the tools’ documentation links', () => {
	test.each([
		['pytest', '9.1.1', 'https://docs.pytest.org/en/9.1.x/'],
		['pytest-cov', '7.1.0', 'https://pytest-cov.readthedocs.io/en/v7.1.0/'],
		['coverage', '7.16.2', 'https://coverage.readthedocs.io/en/7.16.2/'],
		['pytest-xdist', '3.8.0', 'https://pytest-xdist.readthedocs.io/en/v3.8.0/'],
		['pytest-rerunfailures', '16.6', 'https://pytest-rerunfailures.readthedocs.io/en/16.6/'],
		['hypothesis', '6.168.3', 'https://hypothesis.readthedocs.io/en/hypothesis-python-6.168.3/'],
		['pytest-timeout', '2.4.0', 'https://github.com/pytest-dev/pytest-timeout/tree/2.4.0#readme'],
		['freezegun', '1.5.5', 'https://github.com/spulec/freezegun/tree/1.5.5#readme'],
		['time-machine', '3.5.1', 'https://time-machine.readthedocs.io/en/3.5.1/'],
		['sqlalchemy', '2.1.1', 'https://docs.sqlalchemy.org/en/21/'],
		['filelock', '4.0.8', 'https://py-filelock.readthedocs.io/en/4.0.8/'],
	])('%s %s points at that version', (tool, version, url) => {
		expect(toolDocs[tool]!.docsUrl(version)).toBe(url);
		expect(toolDocs[tool]!.label.length).toBeGreaterThan(0);
	});
});
