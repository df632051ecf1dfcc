/** The named steps of a recording, in order, at which a test can stop the process. */
export const STOP_POINTS = [
	'inputs-read',
	'locked',
	'prepared',
	'snapshot-renamed',
	'test-run-renamed',
	'trend-renamed',
	'pruned',
] as const;

/** One named step of a recording. */
export type StopPoint = (typeof STOP_POINTS)[number];

/** Functions called at each step of an in-process recording (tests play another run there). */
export const stepListeners = new Set<(step: StopPoint) => void>();

/**
 * Kill this process at a named step when `TREND_KILL_AT` names it: the kill tests stop a run
 * exactly there (as a power cut or an OOM kill would) instead of guessing a time.
 */
export function stopPoint(name: StopPoint, env: Record<string, string | undefined> = process.env): void {
	for (const listener of stepListeners) listener(name);
	if (env.TREND_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
}
