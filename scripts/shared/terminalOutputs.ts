/**
 * Runs the registry's commands (`content/outputs/registry.ts`) in scratch checkouts and compares or
 * writes their outputs. Used by `npm run docs:outputs` and by the test that keeps committed outputs true.
 */
import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { outputDifference } from '../../src/lib/docs/outputs/compareOutput.ts';
import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { normaliseOutput } from '../../src/lib/docs/outputs/normaliseOutput.ts';
import { formatTranscript, trimLines, type TranscriptStep } from '../../src/lib/docs/outputs/transcript.ts';
import { CURRENT_PYTHON, PYTHON } from './python.ts';

/** The repository this file belongs to. */
export const REPO_DIR = resolve(import.meta.dirname, '../..');
/** Where the outputs are committed, one `<id>.txt` per entry. */
export const OUTPUTS_DIR = join(REPO_DIR, 'content/outputs');

/** What the scratch checkout links from the repository, so `npm run …` and the CLI work there unchanged. */
const LINKED = ['package.json', 'node_modules', 'scripts', 'src', 'tsconfig.json'];
/** Caches and results a copied example folder must not carry in (they would change what pytest prints). */
const NOT_COPIED =
	/(?:^|\/)(?:__pycache__|\.pytest_cache|\.hypothesis|htmlcov|\.coverage(?:\.[^/]*)?|coverage_reports)$/;

/** A scratch checkout for one entry: links, `data/` copy, extra files, the working folder. */
function prepareWorkDir(entry: OutputEntry): { workDir: string; cwd: string; binDir: string } {
	const workDir = mkdtempSync(join(tmpdir(), `docs-output-${entry.id}-`));
	for (const name of LINKED) symlinkSync(join(REPO_DIR, name), join(workDir, name));
	cpSync(join(REPO_DIR, entry.dataDir ?? 'data'), join(workDir, 'data'), { recursive: true });
	for (const [to, from] of Object.entries(entry.files ?? {})) {
		mkdirSync(dirname(join(workDir, to)), { recursive: true });
		cpSync(join(REPO_DIR, from), join(workDir, to), { recursive: true, filter: (src) => !NOT_COPIED.test(src) });
	}
	const cwd = join(workDir, entry.cwd ?? '.');
	if (entry.cwd && existsSync(join(REPO_DIR, entry.cwd)) && !existsSync(cwd))
		cpSync(join(REPO_DIR, entry.cwd), cwd, { recursive: true, filter: (src) => !NOT_COPIED.test(src) });
	mkdirSync(cwd, { recursive: true });
	// `python3` and `python` in a command are the project's Python (Debian's pytest stack or $PYTHON), or
	// today's stack in its virtualenv; a wrapper, not a symlink, so that a virtualenv's interpreter still
	// finds its own packages.
	const binDir = mkdtempSync(join(tmpdir(), `docs-output-bin-`));
	const python = entry.python === 'current' ? CURRENT_PYTHON : PYTHON;
	for (const name of ['python3', 'python']) {
		writeFileSync(join(binDir, name), `#!/bin/sh\nexec '${python.replaceAll("'", "'\\''")}' "$@"\n`);
		chmodSync(join(binDir, name), 0o755);
	}
	return { workDir, cwd, binDir };
}

/** The commands' environment: the caller's without CI and data-dir variables, plain and deterministic output. */
function commandEnv(entry: OutputEntry, binDir: string, workDir: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(?:GITHUB_|CI$|COVERAGE_DATA_DIR$|FORCE_COLOR$|NODE_OPTIONS$|npm_|VITEST|E2E_SLOT$)/.test(key)) continue;
		env[key] = value;
	}
	return {
		...env,
		PATH: `${binDir}:${join(REPO_DIR, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
		NO_COLOR: '1',
		TZ: 'UTC',
		LC_ALL: 'C.UTF-8',
		// npm's banner (`> atom-test-quality-site@0.1.0 trend`) is npm talking, not the command.
		npm_config_loglevel: 'silent',
		npm_config_update_notifier: 'false',
		// git must not find a repository above the scratch checkout.
		GIT_CEILING_DIRECTORIES: dirname(workDir),
		...entry.env,
	};
}

/** Run one bash command in `cwd`, stdout and stderr together in the order printed. */
function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv): TranscriptStep {
	const result = spawnSync('bash', ['-c', `exec 2>&1\n${command}`], {
		cwd,
		env,
		encoding: 'utf8',
		timeout: 300_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.error) throw new Error(`${command}: ${result.error.message}`);
	return { command, output: result.stdout, status: result.status ?? 1 };
}

/** The text an entry's commands print today, normalised; throws when a setup command or the last status is not as declared. */
export function runOutput(entry: OutputEntry): string {
	const { workDir, cwd, binDir } = prepareWorkDir(entry);
	try {
		const env = commandEnv(entry, binDir, workDir);
		for (const command of entry.setup ?? []) {
			const step = runCommand(command, cwd, env);
			if (step.status !== 0) throw new Error(`${entry.id}: setup "${command}" exited ${step.status}:\n${step.output}`);
		}
		const today = new Date().toISOString().slice(0, 10);
		const steps = entry.commands.map((command) => {
			const step = runCommand(command, cwd, env);
			const output = normaliseOutput(step.output, { workDir, repoDir: REPO_DIR, today }, entry.normalise);
			return { ...step, output: trimLines(output, entry.trim) };
		});
		const last = steps.at(-1)!;
		if (last.status !== (entry.exitStatus ?? 0))
			throw new Error(
				`${entry.id}: "${last.command}" exited ${last.status}, expected ${entry.exitStatus ?? 0}:\n${last.output}`,
			);
		return formatTranscript(steps);
	} finally {
		rmSync(workDir, { recursive: true, force: true });
		rmSync(binDir, { recursive: true, force: true });
	}
}

/** Path of an entry's committed output. */
export function outputPath(id: string, dir = OUTPUTS_DIR): string {
	return join(dir, `${id}.txt`);
}

/**
 * How committed outputs in `dir` differ from `fresh` ones (id → text): one line per entry that differs or
 * is missing, and per `.txt` file no entry produces (a page could still include it, and nothing keeps it true).
 */
export function outputProblems(fresh: ReadonlyMap<string, string>, dir = OUTPUTS_DIR): string[] {
	const problems: string[] = [];
	for (const [id, text] of fresh) {
		const file = outputPath(id, dir);
		if (!existsSync(file)) {
			problems.push(`content/outputs/${id}.txt: missing (run npm run docs:outputs)`);
			continue;
		}
		const difference = outputDifference(readFileSync(file, 'utf8'), text);
		if (difference) problems.push(`content/outputs/${id}.txt: differs from what its command prints, ${difference}`);
	}
	for (const name of existsSync(dir) ? readdirSync(dir) : []) {
		if (name.endsWith('.txt') && !fresh.has(name.slice(0, -4)))
			problems.push(`content/outputs/${name}: no entry in content/outputs/registry.ts produces it`);
	}
	return problems;
}
