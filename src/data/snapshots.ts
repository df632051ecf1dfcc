/**
 * Build-time view of the kept snapshots for the domain and compare pages: which snapshot is the
 * newest, which point recorded it, and each snapshot's per-domain sums (computed once per build).
 */
import { getCoverageConfig, getSnapshots, getTrend } from './collections.ts';
import { memoise } from './memoise.ts';
import { compactCounts } from '../lib/snapshot/compactFile.ts';
import type { CompactSnapshot } from '../lib/snapshot/compactSnapshot.ts';
import { domainCoverage, type DomainCoverage } from '../lib/coverage/domainCoverage.ts';
import type { TrendPoint } from '../lib/schemas/trend.ts';

/** A kept snapshot with the point that recorded it (if the trend still names it) and its domain sums. */
export interface KeptSnapshot {
	/** File name under `snapshots/`. */
	name: string;
	/** Name without `.json`, used in URLs. */
	id: string;
	report: CompactSnapshot;
	point: TrendPoint | null;
	coverage: DomainCoverage;
	/** Date to show: the point's date, else the report's own timestamp. */
	date: string;
}

/** Kept snapshots, oldest first. */
export const keptSnapshots: () => Promise<KeptSnapshot[]> = memoise(async () => {
	const [config, trend, snapshots] = await Promise.all([getCoverageConfig(), getTrend(), getSnapshots()]);
	const byName = new Map(trend.coverage_history.filter((p) => p.snapshot).map((p) => [p.snapshot!, p]));
	return snapshots.map(({ name, report }) => {
		const point = byName.get(name) ?? null;
		return {
			name,
			id: name.replace(/\.json$/, ''),
			report,
			point,
			coverage: domainCoverage(report.files, config, compactCounts),
			date: (point?.date ?? report.meta.timestamp).slice(0, 10),
		};
	});
});
