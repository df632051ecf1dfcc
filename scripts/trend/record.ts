import { existsSync } from 'node:fs';
import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { loadConfig } from '../../src/lib/dataDir/dataDir.ts';
import { storeRecord } from '../../src/lib/dataDir/storeRecord.ts';
import { recordRequest } from '../../src/lib/trend/recordRequest.ts';
import { recordSummary } from '../../src/lib/trend/recordSummary.ts';
import { patchFigures } from '../../src/lib/coverage/patchFigures.ts';
import { gitOutput } from './git.ts';
import { measurePatch } from './measurePatch.ts';
import { dataDirOption, parseCommandArgs, UsageError } from './usage.ts';

/** `trend record`: add one run to the data directory. */
export async function recordCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs('record', args, {
		junit: { type: 'string', multiple: true },
		attempts: { type: 'string', multiple: true },
		commit: { type: 'string' },
		date: { type: 'string' },
		branch: { type: 'string' },
		message: { type: 'string' },
		duration: { type: 'string' },
		'data-dir': { type: 'string' },
		base: { type: 'string' },
	});
	if (positionals.length !== 1)
		throw new UsageError(
			`trend record: expected one coverage report, found ${positionals.length} (see "trend record --help")`,
		);
	const dataDir = dataDirOption(values['data-dir']);
	if (!existsSync(dataDir)) throw new DataError([{ file: dataDir, path: '', message: 'data directory not found' }]);
	const config = loadConfig(dataDir);
	const request = recordRequest({ dataDir, config, reportFile: positionals[0]! }, values, {
		env: process.env,
		git: gitOutput,
		now: new Date(),
	});
	if (values.base !== undefined) {
		// The commit's own changed lines since the given one (CI passes the previous recorded commit).
		const { git, result } = measurePatch({
			reportFile: request.reportFile,
			repo: '.',
			base: values.base,
			head: request.identity.commit,
			headOption: '--commit',
		});
		request.patch = patchFigures(result, git.mergeBase);
	}
	const outcome = await storeRecord(request);
	process.stdout.write(recordSummary(outcome, config));
	return 0;
}
