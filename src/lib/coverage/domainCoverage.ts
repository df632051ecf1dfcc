import picomatch from 'picomatch';
import { emptyCounts, type CoverageCounts } from './counts.ts';
import type { CoverageConfig, Domain } from '../schemas/config.ts';
import type { CoverageFile } from '../schemas/coveragepy.ts';

/** Normalise a report path for glob matching: forward slashes, no leading `..`. */
export function normalizeReportPath(path: string): string {
	// Most paths need neither change; skipping the regexes matters on reports of 100,000+ files.
	if (!path.includes('\\') && !path.startsWith('..')) return path;
	return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Include globs minus exclude globs, on a path already normalised. */
function normalizedMatcher(domain: Pick<Domain, 'include' | 'exclude'>): (path: string) => boolean {
	const include = picomatch(domain.include, { dot: true });
	const exclude = domain.exclude.length > 0 ? picomatch(domain.exclude, { dot: true }) : () => false;
	return (p) => include(p) && !exclude(p);
}

/** A predicate that says whether a report path belongs to a domain (include globs minus exclude globs). */
export function domainMatcher(domain: Pick<Domain, 'include' | 'exclude'>): (path: string) => boolean {
	const matches = normalizedMatcher(domain);
	return (path) => matches(normalizeReportPath(path));
}

/** Add one file's summary into `sum` in place (a 100 MB report has 100,000+ files: no object per file). */
function addInto(sum: CoverageCounts, s: Pick<CoverageFile, 'summary'>['summary']): void {
	sum.files += 1;
	sum.num_statements += s.num_statements;
	sum.covered_lines += s.covered_lines;
	sum.num_branches += s.num_branches ?? 0;
	sum.covered_branches += s.covered_branches ?? 0;
	sum.num_partial_branches += s.num_partial_branches ?? 0;
}

/** The counts of one file of a coverage.py report. */
export function fileCounts(file: Pick<CoverageFile, 'summary'>): CoverageCounts {
	const s = file.summary;
	return {
		files: 1,
		num_statements: s.num_statements,
		covered_lines: s.covered_lines,
		num_branches: s.num_branches ?? 0,
		covered_branches: s.covered_branches ?? 0,
		num_partial_branches: s.num_partial_branches ?? 0,
	};
}

/** Coverage of a whole report and of each domain; a domain that matches no file is `null`. */
export interface DomainCoverage {
	overall: CoverageCounts;
	domains: Record<string, CoverageCounts | null>;
	/** Report paths per domain id, in report order. */
	filesByDomain: Record<string, string[]>;
}

/** Add up a report per domain, the way coverage.py adds up the files that `--include` selects. */
export function domainCoverage(
	report: { files: Record<string, Pick<CoverageFile, 'summary'>> },
	config: Pick<CoverageConfig, 'domains'>,
): DomainCoverage {
	const matchers = config.domains.map((d) => [d.id, normalizedMatcher(d)] as const);
	const overall = emptyCounts();
	const sums: Record<string, CoverageCounts> = {};
	const filesByDomain: Record<string, string[]> = Object.fromEntries(config.domains.map((d) => [d.id, []]));
	for (const path in report.files) {
		const summary = report.files[path]!.summary;
		addInto(overall, summary);
		const p = normalizeReportPath(path);
		for (const [id, matches] of matchers) {
			if (!matches(p)) continue;
			addInto((sums[id] ??= emptyCounts()), summary);
			filesByDomain[id]!.push(path);
		}
	}
	const domains = Object.fromEntries(config.domains.map((d) => [d.id, sums[d.id] ?? null]));
	return { overall, domains, filesByDomain };
}
