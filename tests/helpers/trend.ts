import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../scripts/trend/main.ts';

/** The real report fixtures engineer F's script made from the example backend. */
export const REPORTS = 'tests/fixtures/reports';
/** A data directory with the seed's trend and the Atom config. */
export const SEED_DATA = 'tests/fixtures/trend/data';

/** A fresh copy of a data directory in a temp folder. */
export function tempDataDir(from = SEED_DATA): string {
	const dir = mkdtempSync(join(tmpdir(), 'trend-'));
	cpSync(from, dir, { recursive: true });
	return dir;
}

/** Every file under a folder with its bytes, to prove a failed run changed nothing. */
export function folderBytes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else out[relative(dir, p)] = readFileSync(p).toString('base64');
		}
	};
	walk(dir);
	return out;
}

export interface RunResult {
	status: number;
	stdout: string;
	stderr: string;
}

const CLEAN_ENV = {
	GITHUB_SHA: undefined,
	GITHUB_BASE_REF: undefined,
	GITHUB_REF_NAME: undefined,
	GITHUB_STEP_SUMMARY: undefined,
	GITHUB_ACTIONS: undefined,
	NO_COLOR: undefined,
	FORCE_COLOR: undefined,
};

/** Run `trend` in this process (fast: no Node start-up), capturing what it prints. */
export async function runTrend(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
	let stdout = '';
	let stderr = '';
	const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		stdout += String(chunk);
		return true;
	});
	const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
		stderr += String(chunk);
		return true;
	});
	const saved: Record<string, string | undefined> = {};
	for (const [k, v] of Object.entries({ ...CLEAN_ENV, ...env })) {
		saved[k] = process.env[k];
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	try {
		const status = await main(args);
		return { status, stdout, stderr };
	} finally {
		out.mockRestore();
		err.mockRestore();
		for (const [k, v] of Object.entries(saved)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
	}
}

/** The node that runs the CLI: Node 24 from the project (type stripping), as `npm run trend` does. */
export const NODE = process.execPath;

/** Run `node scripts/trend.ts …` as its own process: real exit code, real stdout and stderr. */
export function runTrendProcess(args: string[], env: Record<string, string | undefined> = {}): RunResult {
	const r = spawnSync(NODE, ['scripts/trend.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...CLEAN_ENV, ...env } as NodeJS.ProcessEnv,
	});
	return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Start `node scripts/trend.ts …` without waiting. */
export function startTrendProcess(args: string[]) {
	return spawn(NODE, ['scripts/trend.ts', ...args], {
		env: { ...process.env, ...CLEAN_ENV } as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}
