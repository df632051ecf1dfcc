import { isUtf8 } from 'node:buffer';
import { DataError, formatJsonPath } from '../dataDir/dataError.ts';
import { addFile, emptyCounts, percentCovered } from '../coverage/counts.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';
import { readCobertura } from './cobertura.ts';
import { readCoveragePyJson, type CoverageFigures } from './coveragepyJson.ts';
import type { ByteSink } from './snapshotOutput.ts';
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

/** A `..` path segment or a control character. */
const UNSAFE_PATH = /(?:^|[\\/])\.\.(?:[\\/]|$)|\p{Cc}/u;

/** Refuse a file path that climbs out of the project: paths become page names and links on the site. */
function checkFilePath(path: string, file: string): void {
	if (UNSAFE_PATH.test(path))
		throw new DataError([
			{
				file,
				path: formatJsonPath(['files', path]),
				message: 'expected a file path inside the project (no ".." segment, no control character)',
			},
		]);
}

/** Refuse a report that names a file outside the project (for paths rewritten after reading). */
export function checkFilePaths(report: Pick<CoverageFigures, 'files'>, file: string): void {
	for (const n in report.files) checkFilePath(n, file);
}

/** Reject a report whose totals disagree with its files, that measured no file, or that names a file outside the project. */
function checkConsistent(report: CoverageFigures, file: string): void {
	const sum = emptyCounts();
	for (const n in report.files) {
		checkFilePath(n, file);
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

/**
 * A coverage report's figures, its format, and its snapshot (bytes to write, `'streamed'` to the
 * sink, or a report to serialise). Cobertura names its files relative to one of its `sources`.
 */
export interface CoverageRead {
	report: CoverageFigures;
	format: CoverageFormat;
	snapshot: Buffer | 'streamed' | CoverageReport;
	/** Cobertura's `<source>` folders (empty for the other formats). */
	sources: string[];
}

/** Read a coverage report in any supported format: figures for aggregation, and the snapshot to keep. */
export function readCoverageReport(input: Buffer | string, file: string, sink?: ByteSink): CoverageRead {
	const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
	const format = detectCoverageFormat(bytes, file);
	let read: Omit<CoverageRead, 'format'>;
	if (format === 'coveragepy-json') read = { ...readCoveragePyJson(bytes, file, sink), sources: [] };
	else if (format === 'lcov') {
		const report = readLcov(bytes.toString('utf8'), file);
		read = { report, snapshot: report, sources: [] };
	} else {
		const { report, sources } = readCobertura(bytes.toString('utf8'), file);
		read = { report, snapshot: report, sources };
	}
	checkConsistent(read.report, file);
	return { ...read, format };
}
