/**
 * Which point `trend check` judges, and what it is judged against. The newest point of the file is
 * not the run being checked when a future-dated point sits at the end or an old commit was recorded
 * again, and a pull request's own points are no baseline; so the check picks the run's commit and
 * compares it with the nearest earlier points of the base branch, each figure with its last known value.
 */
import { pointValue } from './figures.ts';
import type { TrendPoint } from '../schemas/trend.ts';

/** The judged point, where it is in the history, and the base branch's points before it (oldest first). */
export interface CheckedPair {
	index: number;
	point: TrendPoint;
	baseline: TrendPoint[];
}

/**
 * The point of `commit` (a full SHA, or a prefix of at least 7 characters that names one point) or,
 * without a commit, the newest; null when no point matches.
 */
export function findCheckedPoint(history: readonly TrendPoint[], commit?: string): number | null {
	if (commit === undefined) return history.length > 0 ? history.length - 1 : null;
	const exact = history.findIndex((p) => p.commit === commit);
	if (exact >= 0) return exact;
	if (commit.length < 7) return null;
	const matches = history.flatMap((p, i) => (p.commit.startsWith(commit) ? [i] : []));
	return matches.length === 1 ? matches[0]! : null;
}

/** Whether a point counts as recorded on `branch`: points without a branch predate branch names and count. */
export function onBranch(point: TrendPoint, branch: string | undefined): boolean {
	return branch === undefined || point.branch === undefined || point.branch === branch;
}

/** The judged point at `index` and the earlier points of the base branch (other commits only). */
export function checkedPair(history: readonly TrendPoint[], index: number, baseBranch?: string): CheckedPair {
	const point = history[index]!;
	const baseline = history.slice(0, index).filter((p) => p.commit !== point.commit && onBranch(p, baseBranch));
	return { index, point, baseline };
}

/** A figure's newest non-null value among `points` and the point that holds it; null when it never had one. */
export function lastKnownValue(points: readonly TrendPoint[], id: string): { value: number; point: TrendPoint } | null {
	for (let i = points.length - 1; i >= 0; i--) {
		const value = pointValue(points[i]!, id);
		if (value !== null) return { value, point: points[i]! };
	}
	return null;
}
