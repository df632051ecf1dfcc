import { UsageError } from '../dataDir/usageError.ts';
import type { CoverageFormat } from '../reports/readCoverageReport.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { PatchFigures } from '../schemas/patch.ts';
import type { RecordPlan } from './recordRun.ts';
import { runIdentity, type RecordIdentity, type RunOptions, type RunSources } from './runIdentity.ts';

/**
 * Everything one `trend record` run needs, checked: one object rather than positional parameters, so
 * that a new option (a base commit, executed lines) is one more field here and in `recordOptions`.
 */
export interface RecordRequest {
	/** The data directory written to. */
	dataDir: string;
	config: CoverageConfig;
	identity: RecordIdentity;
	/** The coverage report (coverage.py JSON, Cobertura XML or LCOV). */
	reportFile: string;
	/** JUnit XML files (shards add up); empty when the run has no test results. */
	junitFiles: string[];
	/** Attempts files of the example backend's conftest (rerun history). */
	attemptFiles: string[];
	/** The suite's measured wall time in seconds; replaces the JUnit reports' sum. */
	durationSeconds?: number | undefined;
	/** Patch coverage of the commit since the previous recorded one (`--base`), stored on the point. */
	patch?: PatchFigures | undefined;
}

/** The `record` options as the argument parser returns them. */
export interface RecordOptions extends RunOptions {
	junit?: string[] | undefined;
	attempts?: string[] | undefined;
	duration?: string | undefined;
}

/** Check the options of `record` against each other and build the request; a bad value is a UsageError. */
export function recordRequest(
	where: { dataDir: string; config: CoverageConfig; reportFile: string },
	options: RecordOptions,
	sources: RunSources,
): RecordRequest {
	const junitFiles = options.junit ?? [];
	const attemptFiles = options.attempts ?? [];
	if (attemptFiles.length > 0 && junitFiles.length === 0)
		throw new UsageError('trend record: --attempts: needs at least one --junit file to attach to');
	let durationSeconds: number | undefined;
	if (options.duration !== undefined) {
		if (junitFiles.length === 0)
			throw new UsageError('trend record: --duration: needs at least one --junit file to attach to');
		durationSeconds = Number(options.duration);
		if (!/^\d+(\.\d+)?$/.test(options.duration) || !Number.isFinite(durationSeconds))
			throw new UsageError(
				`trend record: --duration: expected seconds as a number such as 42.5, found ${JSON.stringify(options.duration.slice(0, 40))}`,
			);
	}
	const identity = runIdentity(options, sources);
	return { ...where, identity, junitFiles, attemptFiles, durationSeconds };
}

/** What a recording did: its plan, the report's format, the files written, and warnings for the operator. */
export interface RecordOutcome {
	plan: RecordPlan;
	format: CoverageFormat;
	/** Paths of the files written, trend first. */
	wrote: string[];
	/** One line each, without the "warning: " prefix. */
	warnings: string[];
}
