import picomatch from 'picomatch';
import { z } from 'zod';

/** A picomatch glob that compiles: unbalanced brackets or an invalid range are errors, not silent non-matches. */
const globSchema = z
	.string()
	.min(1)
	.superRefine((glob, ctx) => {
		try {
			picomatch.makeRe(glob, { strictBrackets: true, debug: true, dot: true });
		} catch (err) {
			ctx.addIssue({ code: 'custom', message: `a valid glob (${(err as Error).message})`, input: glob });
		}
	});

/** A domain: a named slice of the code base, chosen by path globs. */
export const domainSchema = z.strictObject({
	/** Stable identifier, used in `<id>_percent` trend fields and in URLs. */
	id: z
		.string()
		.regex(/^[a-z][a-z0-9_-]*$/, 'a lower-case id of letters, digits, "_" or "-"')
		.refine((id) => id !== 'overall', '"overall" is reserved for the whole report')
		.describe('Stable identifier, used in `<id>_percent` trend fields and in URLs.'),
	/** Human name shown on the dashboards. */
	label: z.string().min(1).describe('Human name shown on the dashboards.'),
	/** One sentence on what the domain holds. */
	description: z.string().default('').describe('One sentence on what the domain holds.'),
	/** Globs (picomatch syntax) matched against the report’s file paths. */
	include: z.array(globSchema).min(1).describe('Globs (picomatch syntax) matched against the report’s file paths.'),
	/** Globs that take files back out of the domain. */
	exclude: z.array(globSchema).default([]).describe('Globs that take files back out of the domain.'),
});

/** Colour bands: red below `red`, yellow from `red` up to `green`, green from `green` up. */
export const thresholdsSchema = z
	.strictObject({
		/** Below this percentage a figure is red. */
		red: z.number().min(0).max(100).default(50).describe('Below this percentage a figure is red.'),
		/** At or above this percentage a figure is green. */
		green: z.number().min(0).max(100).default(80).describe('At or above this percentage a figure is green.'),
	})
	.refine((t) => t.red <= t.green, {
		message: 'red must not be above green',
		path: ['red'],
	});

/** How `trend check` judges a run. */
export const gateSchema = z.strictObject({
	/** Largest allowed drop, in percentage points, of overall or any domain since the previous point. */
	max_drop: z
		.number()
		.min(0)
		.max(100)
		.default(1)
		.describe('Largest allowed drop, in percentage points, since the previous point.'),
	/** Whether a figure below its target fails the check (otherwise it is a warning). */
	fail_below_target: z
		.boolean()
		.default(false)
		.describe('Whether a figure below its target fails the check (otherwise a warning).'),
	/** Lowest patch coverage (percent of the changed statements and branches covered) `trend patch` passes. */
	patch_min: z
		.number()
		.min(0)
		.max(100)
		.default(80)
		.describe('Lowest patch coverage, in percent of the changed statements and branches, that `trend patch` passes.'),
	/** What a domain that matched files before and matches none now does to the check: `fail` or `warn`. */
	vanished_domain: z
		.enum(['fail', 'warn'])
		.default('fail')
		.describe(
			'What a domain that matched files before and matches none now does to the check: `fail` (default) or `warn`.',
		),
});

/** Flaky-test detection settings. */
export const flakySchema = z.strictObject({
	/** How many of the newest runs the flip rate looks at. */
	window: z.int().min(2).max(1000).default(20).describe('How many recent runs the flip rate looks at.'),
	/** Pass↔fail flips within the window that make a test flaky. */
	min_flips: z.int().min(1).default(2).describe('Pass/fail flips within the window that make a test flaky.'),
});

/** `data/coverage.config.json`: what the project is and how its coverage is sliced and judged. */
export const coverageConfigSchema = z.strictObject({
	/** Optional pointer to a JSON schema, ignored here. */
	$schema: z.string().optional(),
	/** Project name shown in titles and badges. */
	project: z.string().min(1).describe('Project name shown in titles and badges.'),
	/** Repository URL; commit links are `<repository>/commit/<sha>`. */
	repository: z
		.url({ protocol: /^https?$/ })
		.optional()
		.describe('Repository URL; commit links are `<repository>/commit/<sha>`.'),
	/** The domains, in display order. */
	domains: z
		.array(domainSchema)
		.min(1)
		.superRefine((domains, ctx) => {
			const seen = new Set<string>();
			domains.forEach((d, i) => {
				if (seen.has(d.id)) ctx.addIssue({ code: 'custom', message: `duplicate domain id "${d.id}"`, path: [i, 'id'] });
				seen.add(d.id);
			});
		})
		.describe('The domains, in display order.'),
	/** Colour bands for every percentage on the site. */
	thresholds: thresholdsSchema.default({ red: 50, green: 80 }),
	/** Regression gate used by `trend check`. */
	gate: gateSchema.default({ max_drop: 1, fail_below_target: false, patch_min: 80, vanished_domain: 'fail' }),
	/** How many per-file snapshots to keep (oldest are dropped). */
	snapshots_keep: z
		.int()
		.min(1)
		.max(10000)
		.default(20)
		.describe('How many per-file snapshots to keep; older ones are dropped.'),
	/** How many per-test run records to keep (oldest are dropped). */
	test_runs_keep: z
		.int()
		.min(1)
		.max(10000)
		.default(50)
		.describe('How many per-test run records to keep; older ones are dropped.'),
	/**
	 * Largest snapshot `record` keeps, in bytes. GitHub refuses files over 100 MB (and warns from
	 * 50 MiB), so a bigger snapshot would make the data push fail; above this size the point is
	 * recorded without its snapshot, with a warning.
	 */
	snapshot_max_bytes: z
		.int()
		.min(1024)
		.max(100_000_000)
		.default(50 * 1024 * 1024)
		.describe(
			'Largest snapshot kept, in bytes (default 50 MiB; GitHub refuses files over 100 MB). Above it the point is recorded without its snapshot, with a warning.',
		),
	/** Flaky-test detection. */
	flaky: flakySchema.default({ window: 20, min_flips: 2 }),
	/** The folder (relative to the repository root) that the report's file paths are relative to. */
	source_root: z
		.string()
		.min(1)
		.default('examples/atom-backend')
		.describe(
			"The folder, relative to the repository root, that the report's file paths are relative to; source pages read the code from there.",
		),
});

export type CoverageConfig = z.output<typeof coverageConfigSchema>;
export type Domain = z.output<typeof domainSchema>;
export type Thresholds = z.output<typeof thresholdsSchema>;
