import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allSteps, loadWorkflow } from '../../helpers/workflowFiles.ts';

const wf = loadWorkflow('coverage-report.yml');
const coverage = wf.jobs.coverage!;
const steps = allSteps(wf);

describe('coverage-report.yml: patch coverage of a pull request', () => {
	const patch = steps.find((s) => s.id === 'patch');

	test('checks a pull request out with its merge commit’s parents (depth 2), not the whole history', () => {
		const checkout = coverage.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
		expect(checkout?.with?.['fetch-depth']).toBe("${{ github.event_name == 'pull_request' && 2 || 1 }}");
		expect(checkout?.with?.['persist-credentials']).toBe(false);
	});

	test('runs trend patch against the base commit on pull requests only, before the check (first in the summary)', () => {
		expect(patch?.if).toContain("github.event_name == 'pull_request'");
		expect(patch?.if).toContain('!cancelled()');
		expect(patch?.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
		expect(patch?.run).toContain('scripts/ci/fetch-merge-base.sh "$BASE_SHA"');
		expect(patch?.run).toContain(
			'npm run --silent trend -- patch "$REPORT_DIR/coverage.json" --base "$BASE_SHA" --summary "$REPORT_DIR/patch.md"',
		);
		const ids = coverage.steps.map((s) => s.id);
		expect(ids.indexOf('patch')).toBeLessThan(ids.indexOf('check'));
	});

	test('the PR comment gets the patch block as its fourth argument, above the totals', () => {
		const pack = steps.find((s) => s.run?.includes('prepare-pr-comment.sh'));
		expect(pack?.run).toBe(
			'scripts/ci/prepare-pr-comment.sh "$REPORT_DIR/summary.md" "$PR_NUMBER" pr-comment "$REPORT_DIR/patch.md"',
		);
	});

	test('on main, each recorded point stores its patch coverage since the previous recorded commit', () => {
		const push = wf.jobs['publish-data']!.steps.find((s) => s.run?.includes('record-and-push.sh'));
		expect(push?.env?.PATCH_BASE).toBe('previous');
		const script = readFileSync('scripts/ci/record-run.sh', 'utf8');
		expect(script).toContain('"$root/scripts/ci/fetch-merge-base.sh" "$patch_base"');
		expect(script).toContain('args+=("--base=$patch_base")');
	});
});
