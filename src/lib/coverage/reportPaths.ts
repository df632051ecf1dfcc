/**
 * Report paths as the domains see them. Cobertura names files relative to a `<source>` folder,
 * the other formats relative to where coverage ran; the domains' globs are written for the latter.
 */
import { domainMatcher, normalizeReportPath } from './domainCoverage.ts';
import type { ByteSink } from '../reports/snapshotOutput.ts';
import { checkFilePaths, readCoverageReport, type CoverageRead } from '../reports/readCoverageReport.ts';
import type { Domain } from '../schemas/config.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';

/**
 * Cobertura names files relative to a `<source>` folder (coverage.py: relative to `[run] source`), while
 * its JSON and LCOV name them relative to where coverage ran. Rebuild the JSON-style path by putting back
 * as many trailing folders of the source as make the most files fall in a domain (fewest on a tie).
 */
export function resolveCoberturaPaths(report: CoverageReport, sources: string[], domains: Domain[]): CoverageReport {
	if (sources.length === 0 || domains.length === 0) return report;
	const matchers = domains.map((d) => domainMatcher(d));
	const names = Object.keys(report.files);
	const inDomain = (p: string) => matchers.some((m) => m(p));
	let best = { score: names.filter(inDomain).length, map: (n: string) => n };
	for (const source of sources) {
		const parts = normalizeReportPath(source).split('/').filter(Boolean);
		for (let k = 1; k <= parts.length; k++) {
			const prefix = parts.slice(parts.length - k).join('/');
			const map = (n: string) => (n.startsWith('/') ? n : `${prefix}/${normalizeReportPath(n)}`);
			const score = names.filter((n) => inDomain(map(n))).length;
			if (score > best.score) best = { score, map };
		}
	}
	const files: CoverageReport['files'] = {};
	for (const n of names) files[best.map(n)] = report.files[n]!;
	return { ...report, files };
}

/** Read a coverage report (any format) with its file paths as the domains' globs expect them. */
export function readReportForDomains(
	input: Buffer | string,
	file: string,
	domains: Domain[],
	sink?: ByteSink,
): CoverageRead {
	const read = readCoverageReport(input, file, sink);
	// A converted report (Cobertura, LCOV) is its own snapshot; only Cobertura's paths need resolving.
	if (read.format !== 'cobertura' || typeof read.snapshot !== 'object' || Buffer.isBuffer(read.snapshot)) return read;
	const report = resolveCoberturaPaths(read.snapshot, read.sources, domains);
	checkFilePaths(report, file);
	return { ...read, report, snapshot: report };
}
