import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules and in-process CLI runs, seconds) and `integration` (tests that
 * start processes or build sites: Python, git, `astro build`, `astro dev`). `npm run test:unit` runs
 * the first alone.
 */
export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 120_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
		],
	},
});
