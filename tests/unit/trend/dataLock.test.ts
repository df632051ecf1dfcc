import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LOCK_NAME, LOCK_OWNER_NAME, withDataLock } from '../../../src/lib/dataDir/dataLock.ts';
import { tempDataDir } from '../../helpers/trend.ts';

test('a holder whose lock another run took over is told so before it renames anything', async () => {
	const dir = tempDataDir();
	await withDataLock(dir, (lock) => {
		expect(() => lock.assertHeld()).not.toThrow();
		// What a waiting run writes when it takes a stale lock over.
		writeFileSync(join(dir, LOCK_OWNER_NAME), '4242 someone-else\n');
		expect(() => lock.assertHeld()).toThrow(/another run took the data directory's lock over/);
	});
	// The lock now belongs to the other run: leaving it is right, removing it would let a third run in.
	expect(existsSync(join(dir, LOCK_NAME))).toBe(true);
});

test('a held lock is released with its owner file, so the next run does not wait for it to go stale', async () => {
	const dir = tempDataDir();
	await withDataLock(dir, () => undefined);
	expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
	expect(existsSync(join(dir, LOCK_OWNER_NAME))).toBe(false);
});
