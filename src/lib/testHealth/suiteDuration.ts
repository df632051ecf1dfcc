/**
 * The suite README's time goal: a run over 5 minutes is a warning and over 10 minutes a failure
 * (the seed's "> 5 minutes warning, > 10 minutes fail"). CI's duration check and the charts share it.
 */
export const SUITE_DURATION_LIMITS = {
	/** Seconds above which a run earns a warning. */
	warning: 300,
	/** Seconds above which a run fails. */
	failure: 600,
} as const;

/** Where a suite duration stands against the limits. */
export type DurationStatus = 'ok' | 'warning' | 'failure';

/** `ok` up to 5 minutes, `warning` above, `failure` above 10 minutes. */
export function durationStatus(seconds: number): DurationStatus {
	if (seconds > SUITE_DURATION_LIMITS.failure) return 'failure';
	if (seconds > SUITE_DURATION_LIMITS.warning) return 'warning';
	return 'ok';
}

/** A duration for people: `3 ms`, `0.42 s`, `12.3 s`, `4 min 05 s` (records keep milliseconds). */
export function formatDuration(seconds: number): string {
	if (seconds < 0.1) return `${Math.round(seconds * 1000)} ms`;
	if (seconds < 10) return `${seconds.toFixed(2)} s`;
	if (seconds < 60) return `${seconds.toFixed(1)} s`;
	const whole = Math.round(seconds);
	return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
