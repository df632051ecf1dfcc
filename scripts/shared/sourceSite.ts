/**
 * The `source` e2e site's data: the fixture under tests/fixtures/sites/source/ with the snapshot's
 * commit set to the checkout's own, so that its source pages show the fixture code (which lives in
 * the repository, tests/fixtures/sites/source/code/) as the code the snapshot measured.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fixture data directory. */
export const SOURCE_FIXTURE = 'tests/fixtures/sites/source';

/** Copy the fixture's data (not its code) to `dataDir` with the newest point's commit set to `HEAD`. */
export function prepareSourceSite(dataDir: string): void {
	rmSync(dataDir, { recursive: true, force: true });
	for (const part of ['coverage.config.json', 'coverage_trend.json', 'snapshots'])
		cpSync(join(SOURCE_FIXTURE, part), join(dataDir, part), { recursive: true });
	const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
	const trendFile = join(dataDir, 'coverage_trend.json');
	const trend = JSON.parse(readFileSync(trendFile, 'utf8')) as { coverage_history: Array<{ commit: string }> };
	trend.coverage_history.at(-1)!.commit = head;
	writeFileSync(trendFile, `${JSON.stringify(trend, null, 2)}\n`);
}
