/**
 * `npm run build`: `astro build` with the bundler's allocator kept off transparent huge pages
 * (`MIMALLOC_ALLOW_THP=0`, unless the caller sets it), the setting that brings a large suite's build
 * under its memory budget (the test-health Reference page says why; `npm run bench test-runs` measures
 * this command). A Node script rather than `VAR=value astro build` in package.json, so that the
 * command works in every shell npm may use, Windows' included. Arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The environment of the build: `env` with `MIMALLOC_ALLOW_THP=0` unless `env` sets it. */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return { MIMALLOC_ALLOW_THP: '0', ...env };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
	const r = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: buildEnv(process.env),
	});
	if (r.error) throw r.error;
	if (r.signal) process.kill(process.pid, r.signal);
	process.exit(r.status ?? 1);
}
