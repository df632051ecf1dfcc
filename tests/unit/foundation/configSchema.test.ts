import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataError, parseWith } from '../../../src/lib/dataDir/dataError.ts';
import { coverageConfigSchema } from '../../../src/lib/schemas/config.ts';

const shipped = JSON.parse(readFileSync('data/coverage.config.json', 'utf8'));

function problem(doc: unknown): string | null {
	try {
		parseWith(coverageConfigSchema, 'coverage.config.json', doc);
		return null;
	} catch (err) {
		if (err instanceof DataError) return err.message;
		throw err;
	}
}

describe('coverage.config.json contract', () => {
	test('the shipped config defines the Atom domains with the default bands and gate', () => {
		const config = parseWith(coverageConfigSchema, 'coverage.config.json', shipped);
		expect(config.domains.map((d) => d.id)).toEqual(['governance', 'security', 'episodes']);
		expect(config.thresholds).toEqual({ red: 50, green: 80 });
		expect(config.gate).toEqual({ max_drop: 1, fail_below_target: false, patch_min: 80, vanished_domain: 'fail' });
	});

	test('a minimal config gets the documented defaults', () => {
		const config = parseWith(coverageConfigSchema, 'c.json', {
			project: 'x',
			domains: [{ id: 'api', label: 'API', include: ['api/**'] }],
		});
		expect(config).toMatchObject({
			thresholds: { red: 50, green: 80 },
			gate: { max_drop: 1, fail_below_target: false, patch_min: 80, vanished_domain: 'fail' },
			snapshots_keep: 20,
			test_runs_keep: 50,
			flaky: { window: 20, min_flips: 2 },
		});
		expect(config.domains[0]).toMatchObject({ exclude: [], description: '' });
	});

	test.each([
		[
			{ ...shipped, domains: [...shipped.domains, shipped.domains[0]] },
			'domains[3].id: expected duplicate domain id "governance"',
		],
		[
			{ ...shipped, domains: [{ ...shipped.domains[0], id: 'overall' }] },
			'domains[0].id: expected "overall" is reserved for the whole report',
		],
		[
			{ ...shipped, domains: [{ ...shipped.domains[0], include: [] }] },
			'domains[0].include: expected at least 1 item, found an array of 0',
		],
		[{ ...shipped, thresholds: { red: 90, green: 80 } }, 'thresholds.red: expected red must not be above green'],
		[
			{ ...shipped, repository: 'ftp://example.com/x' },
			'repository: expected a valid url, found the string "ftp://example.com/x"',
		],
		[{ ...shipped, snapshot_keep: 3 }, 'unknown key "snapshot_keep"'],
	])('rejects %#: %s', (doc, message) => {
		expect(problem(doc)).toMatch(
			new RegExp(`^coverage\\.config\\.json: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
		);
	});
});
