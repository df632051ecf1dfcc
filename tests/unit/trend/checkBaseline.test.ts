import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTrend, tempDataDir } from '../../helpers/trend.ts';

/** The gate judges the right pair: each figure against its last known value (issue 11, item 6). */
const point = (commit: string, date: string, governance: number | null, extra: object = {}) => ({
	date,
	commit,
	overall_percent: 85,
	governance_percent: governance,
	security_percent: 90,
	episodes_percent: 70,
	test_count: 10,
	...extra,
});

function dirWith(points: object[], gate: object = {}): string {
	const dir = tempDataDir();
	writeFileSync(join(dir, 'coverage_trend.json'), JSON.stringify({ coverage_history: points, targets: {} }));
	const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
	writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify({ ...config, gate: { ...config.gate, ...gate } }));
	return dir;
}

describe('check: last known values and vanished domains', () => {
	test('a drop right after a run where the domain matched no file is measured from its last value', async () => {
		const dir = dirWith([
			point('a1', '2026-01-01', 81),
			point('b2', '2026-01-02', null),
			point('c3', '2026-01-03', 78.26),
		]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('| Governance | 78.26% | 81.00% | −2.74 | — | ❌ dropped |');
		expect(r.stderr).toBe('trend check: failed: Governance dropped 2.74 points (allowed 1.00)\n');
	});

	test('a domain that had files and now matches none fails the check', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 81), point('b2', '2026-01-02', null)]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('| Governance | — | 81.00% | — | — | ❌ matches no file |');
		expect(r.stderr).toBe('trend check: failed: Governance matched files before (81.00%) and now matches none\n');
	});

	test('gate.vanished_domain "warn" turns that failure into a warning', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 81), point('b2', '2026-01-02', null)], {
			vanished_domain: 'warn',
		});
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('| Governance | — | 81.00% | — | — | ⚠️ matches no file |');
	});

	test('a domain that never had a value is "no data" and passes', async () => {
		const dir = dirWith([point('a1', '2026-01-01', null), point('b2', '2026-01-02', null)]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('| Governance | — | — | — | — | — no data |');
	});

	test('an unknown gate.vanished_domain is refused, naming the field', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 81)], { vanished_domain: 'ignore' });
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/coverage\.config\.json: gate\.vanished_domain: /);
	});
});

describe('check: the run’s own point against the base branch', () => {
	test('--commit judges that point, not a future-dated point recorded after it', async () => {
		const dir = dirWith([
			point('a1', '2026-01-01', 81, { branch: 'main' }),
			point('b2', '2026-01-02', 78, { branch: 'main' }),
			point('f9', '2027-01-01', 90, { branch: 'main' }),
		]);
		const r = await runTrend(['check', '--commit=b2', `--data-dir=${dir}`]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('Commit b2 on main (2026-01-02) compared with a1 (2026-01-01)');
		expect(r.stdout).toContain('| Governance | 78.00% | 81.00% | −3.00 | — | ❌ dropped |');
	});

	test('$GITHUB_SHA is the default commit, as for record', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 81), point('b2', '2026-01-02', 78), point('c3', '2026-01-03', 78)]);
		const r = await runTrend(['check', `--data-dir=${dir}`], { GITHUB_SHA: 'b2' });
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('Commit b2 (2026-01-02) compared with a1');
	});

	test('a re-recorded old commit is compared with the point before it, not with the newest', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 80), point('b2', '2026-01-02', 85), point('c3', '2026-01-03', 90)]);
		const r = await runTrend(['check', '--commit=b2', `--data-dir=${dir}`]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('| Governance | 85.00% | 80.00% | +5.00 | — | ✅ ok |');
	});

	test('the baseline is the base branch’s nearest earlier point, not another branch’s', async () => {
		const dir = dirWith([
			point('a1', '2026-01-01', 81, { branch: 'main' }),
			point('f1', '2026-01-02', 95, { branch: 'feature-x' }),
			point('p1', '2026-01-03', 80.5, { branch: '42/merge' }),
		]);
		const r = await runTrend(['check', '--commit=p1', '--base-branch=main', `--data-dir=${dir}`]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('compared with a1 (2026-01-01)');
		expect(r.stdout).toContain('| Governance | 80.50% | 81.00% | −0.50 | — | ✅ ok |');
		// On a pull request GitHub sets $GITHUB_BASE_REF: the same baseline without the option.
		const pr = await runTrend(['check', '--commit=p1', `--data-dir=${dir}`], { GITHUB_BASE_REF: 'main' });
		expect(pr.stdout).toBe(r.stdout);
	});

	test('a commit with no recorded point is bad input: exit 2, naming the file and the commit', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 81)]);
		const r = await runTrend(['check', '--commit=0123456789abcdef', `--data-dir=${dir}`]);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			`${join(dir, 'coverage_trend.json')}: coverage_history: expected a point for commit 0123456789abcdef, found none (record the run first)\n`,
		);
	});
});
