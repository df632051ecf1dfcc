import { appendFileSync } from 'node:fs';
import { loadConfig } from '../../src/lib/dataDir/dataDir.ts';
import { jsonText, writeFileAtomically } from '../../src/lib/dataDir/dataStore.ts';
import { annotationCommand, patchAnnotations } from '../../src/lib/coverage/patchAnnotations.ts';
import { meetsMinimum } from '../../src/lib/coverage/patchCoverage.ts';
import { patchJson } from '../../src/lib/coverage/patchJson.ts';
import { patchMarkdown } from '../../src/lib/coverage/patchMarkdown.ts';
import { siteAddress, siteSourcePages } from '../../src/lib/coverage/patchSourceLinks.ts';
import { formatPercent } from '../../src/lib/text/format.ts';
import { measurePatch } from './measurePatch.ts';
import { dataDirOption, parseCommandArgs, UsageError } from './usage.ts';

/** A whole number of annotations from 0 up (`--annotations`). */
function annotationLimit(raw: unknown): number {
	if (raw === undefined) return 10;
	const text = String(raw).trim();
	if (!/^\d{1,6}$/.test(text))
		throw new UsageError(`trend patch: --annotations: expected a whole number from 0, found "${String(raw)}"`);
	return Number(text);
}

/** The minimum from `--min`, else `gate.patch_min` of the data directory's config. */
function minimumOption(raw: unknown, dataDir: unknown): number {
	if (raw === undefined) return loadConfig(dataDirOption(dataDir)).gate.patch_min;
	const text = String(raw).trim();
	const n = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
	if (!(n >= 0 && n <= 100))
		throw new UsageError(`trend patch: --min: expected a percentage from 0 to 100, found "${String(raw)}"`);
	return n;
}

/** `trend patch`: coverage of the lines a diff adds; exit 1 below the minimum, 2 on bad input. */
export function patchCommand(args: string[]): number {
	const { values, positionals } = parseCommandArgs('patch', args, {
		base: { type: 'string' },
		head: { type: 'string' },
		repo: { type: 'string' },
		'data-dir': { type: 'string' },
		min: { type: 'string' },
		summary: { type: 'string' },
		annotations: { type: 'string' },
		json: { type: 'string' },
		'path-prefix': { type: 'string' },
		'site-url': { type: 'string' },
	});
	if (positionals.length !== 1)
		throw new UsageError(
			`trend patch: expected one coverage report, found ${positionals.length} (see "trend patch --help")`,
		);
	if (values.base === undefined || values.base.trim() === '')
		throw new UsageError('trend patch: --base: expected the git ref to compare with (see "trend patch --help")');
	const limit = annotationLimit(values.annotations);
	const site = values['site-url'] === undefined ? undefined : siteAddress(values['site-url']);
	if (site === null)
		throw new UsageError(
			`trend patch: --site-url: expected the site's http(s) address, found "${String(values['site-url'])}"`,
		);
	const minimum = minimumOption(values.min, values['data-dir']);
	const { git, mapping, result } = measurePatch({
		reportFile: positionals[0]!,
		repo: values.repo ?? '.',
		base: values.base,
		head: values.head ?? 'HEAD',
		pathPrefix: values['path-prefix'],
	});
	const passed = meetsMinimum(result.percent, minimum);
	const annotations = patchAnnotations(result);
	const written = annotations.slice(0, limit);
	const context = {
		base: git.base,
		mergeBase: git.mergeBase,
		head: git.headSha,
		mapping,
		minimum,
		passed,
		annotated: written.length,
		annotatable: annotations.length,
		// The published site's source pages (its newest snapshot is the data directory's).
		sourcePages: site === undefined ? undefined : siteSourcePages(site, dataDirOption(values['data-dir'])),
	};
	const markdown = patchMarkdown(result, context);
	process.stdout.write(markdown);
	// Workflow commands: in GitHub Actions, or when asked for with --annotations.
	if (process.env.GITHUB_ACTIONS === 'true' || values.annotations !== undefined)
		for (const a of written) process.stdout.write(`${annotationCommand(a)}\n`);
	if (values.summary) writeFileAtomically(values.summary, markdown);
	if (values.json) writeFileAtomically(values.json, jsonText(patchJson(result, context)));
	const stepSummary = process.env.GITHUB_STEP_SUMMARY;
	if (stepSummary) appendFileSync(stepSummary, `${markdown}\n`);
	if (passed) return 0;
	process.stderr.write(
		`trend patch: failed: patch coverage ${formatPercent(result.percent!)} is below the minimum ${minimum}%\n`,
	);
	return 1;
}
