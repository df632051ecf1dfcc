import { describe, expect, test } from 'vitest';
import { DataError } from '../../../src/lib/dataDir/dataError.ts';
import { parsePinnedRequirements, readPinnedRequirements } from '../../../src/lib/docs/pinnedRequirements.ts';
import { toolDocs } from '../../../src/lib/docs/toolDocs.ts';

describe('parsePinnedRequirements', () => {
	test('reads exact pins, skipping comments and blank lines', () => {
		expect(parsePinnedRequirements('# the stack\npytest==9.1.1\n\nSQLAlchemy==2.1.0  # recipes\n', 'req.txt')).toEqual([
			{ name: 'pytest', version: '9.1.1' },
			{ name: 'SQLAlchemy', version: '2.1.0' },
		]);
	});

	test('refuses a range, naming the file and the line', () => {
		expect(() => parsePinnedRequirements('pytest==9.1.1\npytest-cov>=5\n', 'req.txt')).toThrow(DataError);
		expect(() => parsePinnedRequirements('pytest==9.1.1\npytest-cov>=5\n', 'req.txt')).toThrow(
			/req\.txt: line 2: expected an exact pin such as pytest==9\.1\.1, found "pytest-cov>=5"/,
		);
	});

	test("CI's requirements file is all exact pins, and every pinned tool has its documentation link", () => {
		const pins = readPinnedRequirements('scripts/ci/requirements-tests.txt');
		expect(pins.length).toBeGreaterThan(0);
		const undocumented = pins.map((p) => p.name.toLowerCase()).filter((name) => !(name in toolDocs));
		expect(undocumented).toEqual([]);
	});
});

describe('toolDocs', () => {
	test.each([
		['pytest', '9.1.1', 'https://docs.pytest.org/en/9.1.x/'],
		['pytest-cov', '7.1.0', 'https://pytest-cov.readthedocs.io/en/v7.1.0/'],
		['coverage', '7.16.2', 'https://coverage.readthedocs.io/en/7.16.2/'],
		['pytest-xdist', '3.8.0', 'https://pytest-xdist.readthedocs.io/en/v3.8.0/'],
		['pytest-rerunfailures', '16.1', 'https://pytest-rerunfailures.readthedocs.io/en/16.1/'],
		['hypothesis', '6.168.3', 'https://hypothesis.readthedocs.io/en/hypothesis-python-6.168.3/'],
		['pytest-timeout', '2.4.0', 'https://github.com/pytest-dev/pytest-timeout/tree/2.4.0#readme'],
		['freezegun', '1.5.5', 'https://github.com/spulec/freezegun/tree/1.5.5#readme'],
		['time-machine', '3.2.0', 'https://time-machine.readthedocs.io/en/3.2.0/'],
		['sqlalchemy', '2.1.3', 'https://docs.sqlalchemy.org/en/21/'],
		['filelock', '3.20.0', 'https://py-filelock.readthedocs.io/en/3.20.0/'],
	])("links %s %s to that version's documentation", (tool, version, url) => {
		expect(toolDocs[tool]!.docsUrl(version)).toBe(url);
	});

	test('gives every tool a label and a role', () => {
		for (const [name, docs] of Object.entries(toolDocs)) {
			expect(docs.label, name).not.toBe('');
			expect(docs.role, name).not.toBe('');
		}
	});
});
