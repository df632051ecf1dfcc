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

/** Change of the newest duration against the median, in percent; null when the median is 0. */
export function durationChange(stats: Pick<TestStats, 'durationNow' | 'durationMedian'>): number | null {
	return stats.durationMedian > 0 ? (100 * (stats.durationNow - stats.durationMedian)) / stats.durationMedian : null;
}
