import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { allSites, selectedSites } from '../../../scripts/shared/e2eSites.ts';

test('E2E_SITES picks the named sites; unset or empty picks every one', () => {
	expect(selectedSites(undefined)).toEqual(allSites);
	expect(selectedSites(' , ')).toEqual(allSites);
	expect(
		selectedSites('source, test-health')
			.map((s) => s.name)
			.sort(),
	).toEqual(['source', 'test-health']);
});

test('an unknown name is an error that names it and the known sites', () => {
	expect(() => selectedSites('source,nope')).toThrow(
		`E2E_SITES: no site named nope; known: ${allSites.map((s) => s.name).join(', ')}`,
	);
});

test('e2e-build stops on an unknown name with that one line, no stack trace, before building anything', () => {
	const r = spawnSync(process.execPath, ['scripts/e2e-build.ts'], {
		encoding: 'utf8',
		env: { ...process.env, E2E_SITES: 'nope' },
	});
	expect(r.status).toBe(1);
	expect(r.stdout).toBe('');
	expect(r.stderr.trim().split('\n')).toEqual([
		expect.stringMatching(/^e2e-build: E2E_SITES: no site named nope; known: /),
	]);
});
