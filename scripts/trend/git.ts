import { spawnSync } from 'node:child_process';

/** Output of a git command, trimmed; null when git is missing, fails, or prints nothing. */
export function gitOutput(args: string[]): string | null {
	const r = spawnSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	if (r.status !== 0 || typeof r.stdout !== 'string') return null;
	const out = r.stdout.trim();
	return out === '' ? null : out;
}
