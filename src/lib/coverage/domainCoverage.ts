import picomatch from 'picomatch';
import { addFile, emptyCounts, type Counts, type FileNumbers } from './counts.ts';
import type { CoverageConfig, Domain } from '../schemas/config.ts';

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

/** Coverage of a whole report and of each domain; a domain that matches no file is `null`. */
export interface DomainCoverage {
	overall: Counts;
	domains: Record<string, Counts | null>;
	/** Report paths per domain id, in report order. */
	filesByDomain: Record<string, string[]>;
}

/**
 * Add up a report's files per domain, the way coverage.py adds up the files that `--include`
 * selects. `numbers` reads a file's counts (`summaryOf` for coverage.py JSON, `compactCounts` for a
 * kept snapshot), so no format is rebuilt into another to be summed.
 */
export function domainCoverage<F>(
	files: Record<string, F>,
	config: Pick<CoverageConfig, 'domains'>,
	numbers: (file: F) => FileNumbers,
): DomainCoverage {
	const matchers = config.domains.map((d) => [d.id, normalizedMatcher(d)] as const);
	const overall = emptyCounts();
	const sums: Record<string, Counts> = {};
	const filesByDomain: Record<string, string[]> = Object.fromEntries(config.domains.map((d) => [d.id, []]));
	for (const path in files) {
		const n = numbers(files[path]!);
		addFile(overall, n);
		const p = normalizeReportPath(path);
		for (const [id, matches] of matchers) {
			if (!matches(p)) continue;
			addFile((sums[id] ??= emptyCounts()), n);
			filesByDomain[id]!.push(path);
		}
	}
	const domains = Object.fromEntries(config.domains.map((d) => [d.id, sums[d.id] ?? null]));
	return { overall, domains, filesByDomain };
}
