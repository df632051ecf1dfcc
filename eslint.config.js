// @ts-check
/**
 * ESLint flat config: typescript-eslint's recommended rules for `.ts`/`.mjs`/`.cjs`, eslint-plugin-astro's for
 * `.astro` (frontmatter and processed `<script>`s). Formatting is Prettier's job, so no stylistic rules here.
 * `npm run check` runs it with `--max-warnings=0`.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		// Build output, generated types, fixtures and the Python example are not our TypeScript.
		ignores: [
			'dist/',
			'.astro/',
			'.e2e/',
			'.bench/',
			'.tmp/',
			'.venv-current/', // the virtualenv of today's Python test stack (scripts/ci/make-current-venv.sh)
			'test-results/',
			'playwright-report/',
			'node_modules/',
			'examples/',
			'tests/fixtures/',
			'data/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// `_name` marks a parameter or binding kept for its position (callbacks, destructuring) on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
			// Type-only imports stay type-only (the code runs with Node's type stripping and verbatimModuleSyntax).
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// Browser scripts: the custom elements' modules and the client halves of pages.
		files: ['src/components/**/*.{ts,astro}', 'src/pages/**/*.astro', 'src/scripts/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		// The PR-comment script is CommonJS run by actions/github-script.
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
