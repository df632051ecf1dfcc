import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { checkCommand } from './check.ts';
import { patchCommand } from './patch.ts';
import { recordCommand } from './record.ts';
import { reportCommand } from './report.ts';
import { HELP, UsageError } from './usage.ts';
import { validateCommand } from './validate.ts';

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
	record: recordCommand,
	check: checkCommand,
	report: reportCommand,
	validate: validateCommand,
	patch: patchCommand,
};

/** Run `trend <command> …` and return the exit code: 0 ok, 1 regression or patch below its minimum, 2 bad input or usage. */
export async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
		process.stdout.write(`${HELP.trend}\n`);
		return command === undefined ? 2 : 0;
	}
	const run = COMMANDS[command];
	if (!run) {
		process.stderr.write(
			`trend: unknown command "${command.slice(0, 40)}" (expected record, check, report, validate or patch; see "trend --help")\n`,
		);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		process.stdout.write(`${HELP[command]}\n`);
		return 0;
	}
	try {
		return await run(rest);
	} catch (err) {
		if (err instanceof DataError || err instanceof UsageError) {
			process.stderr.write(`${err.message}\n`);
			return 2;
		}
		const e = err as Error;
		process.stderr.write(`trend ${command}: ${e.message?.split('\n')[0] ?? String(err)}\n`);
		return 2;
	}
}
