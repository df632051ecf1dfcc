import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildEnv } from '../../../scripts/build.ts';
import { CURRENT_MAJOR, allSteps, loadWorkflow, stepsUsing, workflowText } from '../../helpers/workflowFiles.ts';

const wf = loadWorkflow('pages.yml');
const steps = allSteps(wf);

describe('pages.yml', () => {
	test('follows the Coverage Report runs on main (whose data commit starts no workflow) and runs by hand', () => {
		expect(wf.on.workflow_run).toEqual({ workflows: ['Coverage Report'], types: ['completed'], branches: ['main'] });
		expect(wf.on).toHaveProperty('workflow_dispatch');
		expect(Object.keys(wf.on).sort()).toEqual(['workflow_dispatch', 'workflow_run']);
	});
	test('builds only for runs of pushes to this repository, never for a pull request', () => {
		const cond = wf.jobs.build!.if!;
		expect(cond).toContain("github.event.workflow_run.event == 'push'");
		expect(cond).toContain('github.event.workflow_run.head_repository.full_name == github.repository');
		expect(cond).toContain("github.event_name == 'workflow_dispatch'");
	});
	test('a manual run builds only from main (another ref is skipped, not left to the environment rule)', () => {
		const cond = wf.jobs.build!.if!;
		expect(cond).toContain("(github.event_name == 'workflow_dispatch' && github.ref == 'refs/heads/main')");
		expect(cond.match(/workflow_dispatch/g)).toHaveLength(1);
	});
	test('least privilege: contents read at the top, pages and id-token write on the deploy job only', () => {
		expect(wf.permissions).toEqual({ contents: 'read' });
		expect(wf.jobs.build!.permissions).toEqual({ actions: 'read', contents: 'read' });
		expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(workflowText('pages.yml')).not.toContain('pull_request_target');
	});
	test('deploys to the github-pages environment with deploy-pages, after the build', () => {
		const deploy = wf.jobs.deploy!;
		expect(deploy.needs).toBe('build');
		expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
		expect(stepsUsing(wf, 'actions/deploy-pages')[0]?.id).toBe('deployment');
	});
	test('builds with SITE_URL and BASE_PATH from configure-pages and adds the coverage HTML report', () => {
		const configure = stepsUsing(wf, 'actions/configure-pages')[0]!;
		const build = steps.find((s) => s.run?.includes('build-pages-site.sh'))!;
		expect(build.env).toEqual({
			SITE_URL: `\${{ steps.${configure.id}.outputs.origin }}`,
			BASE_PATH: `\${{ steps.${configure.id}.outputs.base_path }}`,
		});
		expect(build.run).toBe('scripts/ci/build-pages-site.sh coverage_reports/html dist');
		expect(readFileSync('scripts/ci/build-pages-site.sh', 'utf8')).toContain('publish-coverage-html.sh');
		expect(steps.find((s) => s.run?.includes('fetch-coverage-html.sh'))?.env?.RUN_ID).toBe(
			'${{ github.event.workflow_run.id }}',
		);
	});
	test('keeps Astro’s cache and the source highlights between deploys, restored after npm ci empties node_modules', () => {
		const caches = steps.flatMap((s, i) => (s.uses?.startsWith('actions/cache@') ? [i] : []));
		expect(caches).toHaveLength(2);
		const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
		const build = steps.findIndex((s) => s.run?.includes('build-pages-site.sh'));
		expect(install).toBeGreaterThanOrEqual(0);
		for (const at of caches) {
			expect(at).toBeGreaterThan(install);
			expect(at).toBeLessThan(build);
		}
		// The build uses Astro's default cache folder (no ASTRO_CACHE_DIR), the folder the steps keep.
		expect(readFileSync('scripts/ci/build-pages-site.sh', 'utf8')).not.toContain('ASTRO_CACHE_DIR');
		expect(steps[build]!.env).not.toHaveProperty('ASTRO_CACHE_DIR');
		const [astro, highlights] = caches.map((at) => steps[at]!.with!);
		// Astro's content store only from the same lockfile. That entry holds the highlights too (a `!` pattern
		// inside a cached folder excludes nothing: tar takes the folder whole), so theirs is restored after it.
		expect(astro!.path).toBe('node_modules/.astro');
		expect(caches[0]).toBeLessThan(caches[1]!);
		expect(String(astro!.key)).toMatch(/^astro-.*hashFiles\('package-lock\.json'\).*github\.sha/);
		expect(String(astro!['restore-keys'])).toMatch(/^astro-.*hashFiles\('package-lock\.json'\)/);
		// The highlights from any lockfile: each entry names the highlighter that made it (see highlighter.ts).
		expect(highlights!.path).toBe('node_modules/.astro/source-highlight');
		expect(String(highlights!.key)).toMatch(/^source-highlight-.*github\.sha/);
		expect(String(highlights!['restore-keys'])).not.toContain('hashFiles');
		expect(readFileSync('src/data/highlighter.ts', 'utf8')).toMatch(/'source-highlight'\)/);
	});
	test('builds with `npm run build`, the command whose memory `npm run bench test-runs` measures', () => {
		const script = readFileSync('scripts/ci/build-pages-site.sh', 'utf8');
		expect(script).toMatch(/^npm run build -- --outDir "\$out"$/m);
		expect(script).not.toMatch(/astro build/);
		// The bundler's allocator backed by 2 MB pages held about 300 MB more (see the test-health Reference page).
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
		expect(pkg.scripts.build).toBe('node scripts/build.ts');
		expect(buildEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MIMALLOC_ALLOW_THP: '0' });
		// The caller's own setting wins (the bench's plain build compares against it).
		expect(buildEnv({ MIMALLOC_ALLOW_THP: '1' }).MIMALLOC_ALLOW_THP).toBe('1');
	});
	test('uploads dist with upload-pages-artifact', () => {
		expect(stepsUsing(wf, 'actions/upload-pages-artifact')[0]?.with).toEqual({ path: 'dist' });
	});
	test('one deployment at a time, none cancelled midway', () => {
		expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
	});
	test('every action is at its current major', () => {
		for (const s of steps.filter((s) => s.uses)) {
			const [action, version] = s.uses!.split('@');
			expect(version, action).toBe(CURRENT_MAJOR[action!]);
		}
	});
});
