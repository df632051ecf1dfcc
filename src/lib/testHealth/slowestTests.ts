import type { TestStats } from './testStats.ts';

/** The `count` tests that took longest in the newest run, slowest first (ties by name, for a stable page). */
export function slowestTests<T extends { name: string; classname: string; stats: TestStats }>(
	tests: readonly T[],
	count: number,
): T[] {
	return [...tests]
		.sort(
			(a, b) =>
				b.stats.durationNow - a.stats.durationNow ||
				a.classname.localeCompare(b.classname) ||
				a.name.localeCompare(b.name),
		)
		.slice(0, count);
}

/** Below this median (seconds), a change in percent is timer noise: records keep whole milliseconds. */
export const MIN_MEDIAN_FOR_CHANGE = 0.01;

/** Change of the newest duration against the median, in percent; null when the median is under 10 ms. */
export function durationChange(stats: Pick<TestStats, 'durationNow' | 'durationMedian'>): number | null {
	return stats.durationMedian >= MIN_MEDIAN_FOR_CHANGE
		? (100 * (stats.durationNow - stats.durationMedian)) / stats.durationMedian
		: null;
}
