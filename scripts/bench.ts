/**
 * `npm run bench`: runs every benchmark in `scripts/bench/` (or the ones named) and prints
 * their figures. Benchmarks measure speed and size goals; they never fail a test run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const all = readdirSync('scripts/bench')
	.filter((f) => f.endsWith('.ts'))
	.sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
let failed = false;
for (const file of chosen) {
	console.log(`\n== bench: ${file}`);
	const r = spawnSync(process.execPath, [`scripts/bench/${file}`], { stdio: 'inherit' });
	if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
