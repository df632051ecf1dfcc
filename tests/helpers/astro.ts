import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Result of an `astro` command run by a test. */
export interface AstroRun {
	code: number | null;
	/** stdout and stderr interleaved, ANSI colours removed. */
	output: string;
	/** Where the build wrote the site. */
	outDir: string;
}

/** Variables Vitest puts in `process.env` (import.meta.env's); a child build given `BASE_URL=/` ignores BASE_PATH. */
const VITEST_ENV = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/** The environment without Vitest's markers: Astro changes behaviour when it sees them (dev serves no pages). */
export function astroEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env))
		if (!key.startsWith('VITEST') && !VITEST_ENV.has(key)) env[key] = value;
	return { ...env, ...extra };
}

/**
 * A fresh folder for one build, inside the checkout: Astro puts a build's prerender chunks in its
 * output folder only when that folder is under the working directory, and otherwise in the shared
 * `.astro/`, where two builds at once break each other.
 */
export function buildWorkDir(): string {
	const parent = resolve('.e2e/test-builds');
	mkdirSync(parent, { recursive: true });
	return mkdtempSync(join(parent, 'run-'));
}

/**
 * Run `astro <command>` with Node 24 on a data directory, in a cache and output folder of its own
 * so that it can run beside other builds.
 */
export function runAstro(command: 'build' | 'sync', env: Record<string, string>, outDir?: string): Promise<AstroRun> {
	const work = buildWorkDir();
	const out = outDir ?? join(work, 'dist');
	const args = ['node_modules/astro/bin/astro.mjs', command, ...(command === 'build' ? ['--outDir', out] : [])];
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, {
			env: astroEnv({ ASTRO_CACHE_DIR: join(work, 'cache'), ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(output), outDir: out }));
	});
}
