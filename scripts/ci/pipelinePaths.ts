/**
 * Where the local CI pipeline (scripts/ci/local-pipeline.ts) keeps its data directory and reports,
 * per e2e slot so that several people can run it at once. The e2e `pipeline` site builds from the data.
 */
import { join } from 'node:path';

/** Folder of the pipeline's files for an e2e slot. */
export function pipelineDir(slot: number = Number(process.env.E2E_SLOT ?? 0)): string {
	return `.e2e/slot${slot}`;
}

/** The data directory the pipeline records into: a copy of data/ plus the new point. */
export const pipelineDataDir = (slot?: number) => join(pipelineDir(slot), 'pipeline-data');

/** The reports of the pipeline's test run (coverage JSON/XML/HTML, JUnit, duration, summary). */
export const pipelineReportDir = (slot?: number) => join(pipelineDir(slot), 'pipeline-reports');

/** The file holding the commit id the pipeline recorded, so the e2e spec can find its point. */
export const pipelineCommitFile = (slot?: number) => join(pipelineReportDir(slot), 'recorded-commit');
