import { expect, test } from 'vitest';
import { memoise } from '../../../src/data/memoise.ts';

test('computes once, however many pages ask, and hands everyone the same value', async () => {
	let runs = 0;
	const get = memoise(async () => ({ run: ++runs }));
	const [a, b] = await Promise.all([get(), get()]);
	expect(a).toBe(b);
	expect(await get()).toBe(a);
	expect(runs).toBe(1);
});
