import { existsSync } from 'node:fs';
import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { loadConfig } from '../../src/lib/dataDir/dataDir.ts';
import { storeRecord } from '../../src/lib/dataDir/storeRecord.ts';
import { recordRequest } from '../../src/lib/trend/recordRequest.ts';
import { recordSummary } from '../../src/lib/trend/recordSummary.ts';
import { gitOutput } from './git.ts';
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
	const outcome = await storeRecord(request);
	process.stdout.write(recordSummary(outcome, config));
	return 0;
}
