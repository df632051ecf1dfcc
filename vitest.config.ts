import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules and in-process CLI runs, seconds) and `integration` (tests that
 * start processes or build sites: Python, git, `astro build`, `astro dev`). `npm run test:unit` runs
 * the first alone.
 *
 * Coverage of `src/lib` is measured on the unit project only (`npm run test:coverage`, part of `npm test`):
 * the library is pure code that unit tests must prove, while the integration tests run it mostly in child
 * processes (the CLI, `astro build`) that V8 coverage of the test process does not see. The thresholds are
 * the level last measured (2026-12-07 evening: statements 96.09 %, branches 89.34 %, functions 97.12 %, lines
 * 97.5 %; the gate started on 2026-12-02 at 94.20 / 87.05 / 93.78 / 95.88), cut to one decimal; raise them
 * when coverage rises, never lower them.
 */
export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 120_000,
		coverage: {
			provider: 'v8',
			include: ['src/lib/**/*.ts'],
			reporter: ['text-summary'],
			reportsDirectory: '.tmp/coverage',
			thresholds: { statements: 96, branches: 89.3, functions: 97.1, lines: 97.5 },
		},
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// Today's Python stack (.venv-current), which the example suite and the guides' outputs run under.
					globalSetup: ['tests/integration/currentStack.setup.ts'],
				},
			},
		],
	},
});
