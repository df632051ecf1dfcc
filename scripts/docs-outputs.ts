/**
 * `npm run docs:outputs [-- --check] [--only ID]...`: run every terminal command the site shows (the
 * registry in `content/outputs/registry.ts`) and write what it prints to `content/outputs/<id>.txt`;
 * with `--check`, write nothing and exit 1 when a committed output differs from today's run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OUTPUTS } from '../content/outputs/registry.ts';
import { checkOutputIds } from '../src/lib/docs/outputs/outputEntry.ts';
import { OUTPUTS_DIR, outputPath, outputProblems, runOutput } from './shared/terminalOutputs.ts';

const { values } = parseArgs({
	options: { check: { type: 'boolean' }, only: { type: 'string', multiple: true } },
	strict: true,
});

const idProblems = checkOutputIds(OUTPUTS);
if (idProblems.length) {
	for (const problem of idProblems) console.error(`content/outputs/registry.ts: ${problem}`);
	process.exit(2);
}
const only = new Set(values.only ?? []);
const unknown = [...only].filter((id) => !OUTPUTS.some((entry) => entry.id === id));
if (unknown.length) {
	console.error(`docs:outputs: --only: no entry with id ${unknown.join(', ')} in content/outputs/registry.ts`);
	process.exit(2);
}

const fresh = new Map<string, string>();
for (const entry of OUTPUTS) {
	if (only.size && !only.has(entry.id)) continue;
	try {
		fresh.set(entry.id, runOutput(entry));
	} catch (err) {
		console.error((err as Error).message);
		process.exit(2);
	}
}

if (values.check) {
	// A subset run cannot tell which files are orphans, so only the full run reports them.
	const problems = outputProblems(fresh).filter((p) => !only.size || !p.includes('no entry in'));
	for (const problem of problems) console.log(problem);
	console.log(
		problems.length
			? `docs:outputs: ${problems.length} outputs differ`
			: `docs:outputs: ${fresh.size} outputs as committed`,
	);
	process.exitCode = problems.length ? 1 : 0;
} else {
	mkdirSync(OUTPUTS_DIR, { recursive: true });
	for (const [id, text] of fresh) writeFileSync(outputPath(id), text);
	console.log(`docs:outputs: wrote ${fresh.size} outputs to content/outputs/`);
}
