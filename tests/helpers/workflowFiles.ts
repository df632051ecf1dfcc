/**
 * Read the GitHub Actions workflows as data for the property tests: YAML parsed with the `yaml`
 * package, with small typed views of jobs and steps.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One step of a job. */
export interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
	'continue-on-error'?: boolean;
}

/** One job of a workflow. */
export interface Job {
	name?: string;
	needs?: string | string[];
	if?: string;
	permissions?: Record<string, string> | string;
	environment?: { name: string; url?: string } | string;
	concurrency?: unknown;
	steps: Step[];
}

/** A parsed workflow, with `on` kept under its own name (YAML 1.2 reads it as a string key). */
export interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string> | string;
	concurrency?: unknown;
	env?: Record<string, unknown>;
	jobs: Record<string, Job>;
}

/** Path of a workflow file from the repository root. */
export const workflowPath = (file: string) => `.github/workflows/${file}`;

/** The text of a workflow file. */
export const workflowText = (file: string) => readFileSync(workflowPath(file), 'utf8');

/** Parse a workflow file. */
export function loadWorkflow(file: string): Workflow {
	return parse(workflowText(file)) as Workflow;
}

/** Every step of every job, with its job's id. */
export function allSteps(wf: Workflow): Array<Step & { job: string }> {
	return Object.entries(wf.jobs).flatMap(([job, j]) => j.steps.map((s) => ({ ...s, job })));
}

/** The steps that use an action (`owner/name`, any version). */
export function stepsUsing(wf: Workflow, action: string): Array<Step & { job: string }> {
	return allSteps(wf).filter((s) => s.uses?.split('@')[0] === action);
}

/** The current major of each GitHub-owned action (they run on Node 24; the seed's majors ran on Node 20, removed from runners in September 2026). */
export const CURRENT_MAJOR: Record<string, string> = {
	'actions/checkout': 'v7',
	'actions/setup-python': 'v7',
	'actions/setup-node': 'v7',
	'actions/upload-artifact': 'v7',
	'actions/download-artifact': 'v8',
	'actions/github-script': 'v9',
	'actions/configure-pages': 'v6',
	'actions/upload-pages-artifact': 'v5',
	'actions/deploy-pages': 'v5',
	// v6.0.0 (2026-06, ESM on Node 24); v6.1.0 handles read-only cache access.
	'actions/cache': 'v6',
};

/**
 * Third-party actions run pinned to a full commit SHA, the release in a comment after it. Codecov's
 * v7.0.0 (2026-06-07, codecov/codecov-action#1957, also tagged v6.0.2) is commit fb8b3582…, as pinned in
 * EasyPost/easypost-python#394 and fwupd/fwupd#10456.
 */
export const PINNED: Record<string, { sha: string; version: string }> = {
	'codecov/codecov-action': { sha: 'fb8b3582c8e4def4969c97caa2f19720cb33a72f', version: 'v7.0.0' },
};
