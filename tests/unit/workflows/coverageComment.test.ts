import { describe, expect, test } from 'vitest';
import { CURRENT_MAJOR, allSteps, loadWorkflow, stepsUsing, workflowText } from '../../helpers/workflowFiles.ts';

const wf = loadWorkflow('coverage-comment.yml');
const steps = allSteps(wf);

describe('coverage-comment.yml: the PR comment, step 2 (the safe workflow_run half)', () => {
	test('runs when a Coverage Report run completes, and only for pull_request runs', () => {
		expect(wf.on).toEqual({ workflow_run: { workflows: ['Coverage Report'], types: ['completed'] } });
		expect(wf.jobs.comment!.if).toContain("github.event.workflow_run.event == 'pull_request'");
	});
	test('no pull_request_target; pull-requests: write on the comment job only', () => {
		expect(workflowText('coverage-comment.yml')).not.toContain('pull_request_target');
		expect(wf.permissions).toEqual({ contents: 'read' });
		expect(wf.jobs.comment!.permissions).toEqual({ actions: 'read', contents: 'read', 'pull-requests': 'write' });
	});
	test("checks out only the default branch's scripts, never the pull request's code", () => {
		const checkouts = stepsUsing(wf, 'actions/checkout');
		expect(checkouts).toHaveLength(1);
		expect(checkouts[0]!.with).toEqual({
			ref: '${{ github.event.repository.default_branch }}',
			'persist-credentials': false,
			'sparse-checkout': 'scripts/ci',
		});
		expect(workflowText('coverage-comment.yml')).not.toMatch(/head_sha|head_branch|pull_request\.head/);
		expect(steps.filter((s) => s.run)).toEqual([]);
	});
	test('downloads the artifact of the triggering run and posts it through pr-comment.cjs', () => {
		const [download] = stepsUsing(wf, 'actions/download-artifact');
		expect(download?.with).toMatchObject({ name: 'pr-comment', 'run-id': '${{ github.event.workflow_run.id }}' });
		const [script] = stepsUsing(wf, 'actions/github-script');
		expect(String(script?.with?.script)).toContain("require('./scripts/ci/pr-comment.cjs')");
	});
	test('every action is at its current major', () => {
		for (const s of steps.filter((s) => s.uses)) {
			const [action, version] = s.uses!.split('@');
			expect(version, action).toBe(CURRENT_MAJOR[action!]);
		}
	});
});
