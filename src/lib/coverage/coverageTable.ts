import { fileCounts, missingLines, percentCovered, type Counts } from './counts.ts';
import type { DomainCoverage } from './domainCoverage.ts';
import { figureIds, figureLabel, OVERALL } from '../trend/figures.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { CoverageFile } from '../schemas/coveragepy.ts';
import { coverageStatus, type CoverageStatus } from '../trend/status.ts';

/** One figure of `trend report`: its counts, percentage, target and colour band. */
export interface CoverageRow {
	id: string;
	label: string;
	counts: Counts | null;
	percent: number | null;
	target: number | null;
	status: CoverageStatus;
}

/** The rows of `trend report`: overall, then each domain in config order. */
export function coverageRows(
	coverage: DomainCoverage,
	config: CoverageConfig,
	targets: Record<string, number>,
): CoverageRow[] {
	return figureIds(config).map((id) => {
		const counts = id === OVERALL ? coverage.overall : (coverage.domains[id] ?? null);
		const percent = counts ? percentCovered(counts) : null;
		return {
			id,
			label: figureLabel(id, config),
			counts,
			percent,
			target: targets[id] ?? null,
			status: coverageStatus(percent, config.thresholds),
		};
	});
}

/** A file with lines still to cover. */
export interface GapFile {
	path: string;
	missing: number;
	statements: number;
	percent: number;
}

/** The files of a domain with the most missing lines, most first (ties by path). */
export function biggestGaps(
	report: { files: Record<string, Pick<CoverageFile, 'summary'>> },
	paths: string[],
	limit: number,
): GapFile[] {
	return paths
		.map((path) => {
			const counts = fileCounts(report.files[path]!.summary);
			return {
				path,
				missing: missingLines(counts),
				statements: counts.num_statements,
				percent: percentCovered(counts),
			};
		})
		.filter((f) => f.missing > 0)
		.sort((a, b) => b.missing - a.missing || a.path.localeCompare(b.path))
		.slice(0, limit);
}
