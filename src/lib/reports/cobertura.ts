import { XMLParser } from 'fast-xml-parser';
import { parseXmlFile } from './xml.ts';
import { DataError, describeFound } from '../dataDir/dataError.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';
import { emptyLineData, toCoverageFile, totalsOf, type LineData } from './convertedFile.ts';

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(['source', 'package', 'class', 'line']);
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	parseAttributeValue: false,
	parseTagValue: false,
	isArray: (tag) => ARRAYS.has(tag),
});

/** A Cobertura file entry before its path is resolved against `<sources>`. */
export interface CoberturaResult {
	report: CoverageReport;
	/** The `<source>` folders; file names are relative to one of them. */
	sources: string[];
	/** Each file's hits per line and branches per line, as the XML states them (for patch coverage). */
	lines: Map<string, LineData>;
}

function children(node: unknown, key: string): XmlNode[] {
	if (!node || typeof node !== 'object') return [];
	const v = (node as XmlNode)[key];
	return Array.isArray(v) ? (v as XmlNode[]) : [];
}

function wholeNumber(file: string, where: string, value: unknown, min: number): number {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isSafeInteger(n) || n < min)
		throw new DataError([
			{ file, path: where, message: `expected a whole number ≥ ${min}, found ${describeFound(value)}` },
		]);
	return n;
}

/**
 * Read a Cobertura XML report (coverage.py's `coverage xml`, and other tools that write one `<class>`
 * or more per file) into coverage.py's layout. Lines of one file spread over several classes are merged.
 */
export function readCobertura(text: string, file: string): CoberturaResult {
	const doc = parseXmlFile(parser, text, file) as XmlNode;
	const root = doc.coverage as XmlNode | undefined;
	if (!root || typeof root !== 'object') {
		const found = Object.keys(doc).find((k) => !k.startsWith('?'));
		throw new DataError([
			{
				file,
				path: '',
				message: `expected Cobertura XML (a <coverage> root), found ${found ? `<${found}>` : 'no element'}`,
			},
		]);
	}
	const sources = children(root.sources, 'source')
		.map((s) => (typeof s === 'string' ? s : String((s as XmlNode)['#text'] ?? '')).trim())
		.filter(Boolean);
	const packages = children(root.packages, 'package');
	if (root.packages === undefined)
		throw new DataError([{ file, path: 'coverage.packages', message: 'expected Cobertura <packages>, found nothing' }]);
	const byFile = new Map<string, LineData>();
	let withBranches = Number((root as XmlNode)['@branches-valid'] ?? 0) > 0;
	packages.forEach((pkg, p) => {
		children(pkg.classes, 'class').forEach((cls, c) => {
			const where = `coverage.packages.package[${p}].classes.class[${c}]`;
			const name = cls['@filename'];
			if (typeof name !== 'string' || name.trim() === '')
				throw new DataError([
					{ file, path: `${where}@filename`, message: `expected a file name, found ${describeFound(name)}` },
				]);
			const data = byFile.get(name) ?? emptyLineData();
			byFile.set(name, data);
			children(cls.lines, 'line').forEach((line, l) => {
				const at = `${where}.lines.line[${l}]`;
				const number = wholeNumber(file, `${at}@number`, line['@number'], 1);
				const hits = wholeNumber(file, `${at}@hits`, line['@hits'], 0);
				data.hits.set(number, Math.max(hits, data.hits.get(number) ?? 0));
				const cond = line['@condition-coverage'];
				if (line['@branch'] === 'true' || cond !== undefined) {
					const m = typeof cond === 'string' ? /\((\d+)\/(\d+)\)/.exec(cond) : null;
					if (!m || Number(m[1]) > Number(m[2]))
						throw new DataError([
							{
								file,
								path: `${at}@condition-coverage`,
								message: `expected "N% (taken/total)" with taken ≤ total, found ${describeFound(cond)}`,
							},
						]);
					withBranches = true;
					data.branches.set(String(number), { line: number, taken: Number(m[1]), total: Number(m[2]) });
					const missing = line['@missing-branches'];
					if (typeof missing === 'string' && missing.trim() !== '')
						for (const to of missing.split(','))
							data.missingArcs.push([number, to.trim() === 'exit' ? -1 : Number.parseInt(to, 10) || -1]);
				}
			});
		});
	});
	const files: CoverageReport['files'] = {};
	for (const [name, data] of byFile) files[name] = toCoverageFile(data, withBranches);
	const stamp = Number(root['@timestamp']);
	const meta = {
		version: typeof root['@version'] === 'string' ? (root['@version'] as string) : 'unknown',
		timestamp: Number.isFinite(stamp) && stamp > 0 ? new Date(stamp).toISOString() : '',
		branch_coverage: withBranches,
		source_format: 'cobertura',
	};
	return { report: { meta, files, totals: totalsOf(files, withBranches) }, sources, lines: byFile };
}
