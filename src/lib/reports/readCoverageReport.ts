import { isUtf8 } from 'node:buffer';
import { DataError, formatJsonPath } from '../dataDir/dataError.ts';
import { domainMatcher, normalizeReportPath } from '../coverage/domainCoverage.ts';
import { addFile, emptyCounts, percentCovered } from '../coverage/counts.ts';
import type { Domain } from '../schemas/config.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';
import { readCobertura } from './cobertura.ts';
import { readCoveragePyJson, type CoverageFigures } from './coveragepyJson.ts';
import type { ByteSink } from './coveragepyReduce.ts';
import { readLcov } from './lcov.ts';

/** The coverage formats `trend record` and `trend report` read. */
export type CoverageFormat = 'coveragepy-json' | 'cobertura' | 'lcov';

/** Tell the format from the content (the file name is not trusted): JSON, Cobertura XML or LCOV. */
export function detectCoverageFormat(input: Buffer, file: string): CoverageFormat {
	const head = input
		.toString('utf8', 0, Math.min(input.length, 4096))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (head === '' && input.toString('utf8').trim() === '')
		throw new DataError([{ file, path: '', message: 'expected a coverage report, found an empty file' }]);
	if (input.includes(0) || !isUtf8(input))
		throw new DataError([{ file, path: '', message: 'expected a coverage report, found binary data' }]);
	if (head.startsWith('{') || head.startsWith('[')) return 'coveragepy-json';
	if (head.startsWith('<')) {
		const root = /<(?![?!])([\w:-]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
		if (root === 'testsuites' || root === 'testsuite')
			throw new DataError([
				{ file, path: '', message: 'expected a coverage report, found JUnit XML (pass it with --junit)' },
			]);
		return 'cobertura';
	}
	if (/^(?:TN|SF):/m.test(head)) return 'lcov';
	throw new DataError([
		{
			file,
			path: '',
			message: `expected a coverage report (coverage.py JSON, Cobertura XML or LCOV), found ${JSON.stringify(head.slice(0, 30))}`,
		},
	]);
}

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

/** A `..` path segment or a control character. */
const UNSAFE_PATH = /(?:^|[\\/])\.\.(?:[\\/]|$)|\p{Cc}/u;

/** Reject a report whose totals disagree with its files, that measured no file, or that names a file outside the project. */
function checkConsistent(report: CoverageFigures, file: string): void {
	const sum = emptyCounts();
	for (const n in report.files) {
		// Paths become page names and links on the site; one that climbs out of the project is refused.
		if (UNSAFE_PATH.test(n))
			throw new DataError([
				{
					file,
					path: formatJsonPath(['files', n]),
					message: 'expected a file path inside the project (no ".." segment, no control character)',
				},
			]);
		addFile(sum, report.files[n]!.summary);
	}
	if (sum.files === 0)
		throw new DataError([{ file, path: 'files', message: 'expected at least one measured file, found none' }]);
	const pc = percentCovered(sum);
	if (Math.abs(pc - report.totals.percent_covered) > 0.005)
		throw new DataError([
			{
				file,
				path: 'totals.percent_covered',
				message: `expected ${pc.toFixed(2)} (what the files add up to), found ${report.totals.percent_covered}`,
			},
		]);
}

/** A coverage report's figures, its format, and its snapshot (bytes to write, `'streamed'` to the sink, or a report to serialise). */
export interface CoverageRead {
	report: CoverageFigures;
	format: CoverageFormat;
	snapshot: Buffer | 'streamed' | CoverageReport;
}

/** Read a coverage report in any supported format: figures for aggregation, and the snapshot to keep. */
export function readCoverageReport(
	input: Buffer | string,
	file: string,
	domains: Domain[] = [],
	sink?: ByteSink,
): CoverageRead {
	const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
	const format = detectCoverageFormat(bytes, file);
	let read: { report: CoverageFigures; snapshot: CoverageRead['snapshot'] };
	if (format === 'coveragepy-json') read = readCoveragePyJson(bytes, file, sink);
	else {
		const converted =
			format === 'lcov'
				? readLcov(bytes.toString('utf8'), file)
				: (() => {
						const { report: raw, sources } = readCobertura(bytes.toString('utf8'), file);
						return resolveCoberturaPaths(raw, sources, domains);
					})();
		read = { report: converted, snapshot: converted };
	}
	checkConsistent(read.report, file);
	return { ...read, format };
}
