import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, formatProblem, type DataProblem } from '../../src/lib/dataDir/dataError.ts';
import { DATA_FILES, listJsonFiles, loadTrend, validateDataDir } from '../../src/lib/dataDir/dataDir.ts';
import { dataDirOption, parseCommandArgs, UsageError } from './usage.ts';

/** Points that link a snapshot or test-run file that is not there. */
function brokenLinks(dir: string): DataProblem[] {
	let history;
	try {
		history = loadTrend(dir).coverage_history;
	} catch (err) {
		if (err instanceof DataError) return []; // already reported by validateDataDir
		throw err;
	}
	const file = join(dir, DATA_FILES.trend);
	const problems: DataProblem[] = [];
	history.forEach((p, i) => {
		for (const [key, folder] of [
			['snapshot', DATA_FILES.snapshots],
			['test_run', DATA_FILES.testRuns],
		] as const) {
			const name = p[key];
			if (name && !existsSync(join(dir, folder, name)))
				problems.push({
					file,
					path: `coverage_history[${i}].${key}`,
					message: `links ${folder}/${name}, which does not exist`,
				});
		}
	});
	return problems;
}

/** `trend validate`: every problem of a data directory, one per line, exit 2 when there is any. */
export function validateCommand(args: string[]): number {
	const { values, positionals } = parseCommandArgs('validate', args, { 'data-dir': { type: 'string' } });
	if (positionals.length > 0)
		throw new UsageError(`trend validate: unexpected argument "${positionals[0]}" (see "trend validate --help")`);
	const dir = dataDirOption(values['data-dir']);
	if (!existsSync(dir)) throw new DataError([{ file: dir, path: '', message: 'data directory not found' }]);
	const problems = [...validateDataDir(dir), ...brokenLinks(dir)];
	if (problems.length > 0) {
		for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
		process.stderr.write(`trend validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}\n`);
		return 2;
	}
	const points = loadTrend(dir).coverage_history.length;
	const snapshots = listJsonFiles(join(dir, DATA_FILES.snapshots)).length;
	const runs = listJsonFiles(join(dir, DATA_FILES.testRuns)).length;
	process.stdout.write(
		`${dir} is valid: ${points} point${points === 1 ? '' : 's'}, ${snapshots} snapshot${snapshots === 1 ? '' : 's'}, ${runs} test run${runs === 1 ? '' : 's'}\n`,
	);
	return 0;
}
