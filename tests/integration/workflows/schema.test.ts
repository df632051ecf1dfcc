import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { workflowPath, workflowText } from '../../helpers/workflowFiles.ts';

/** `action-validator` (the @action-validator/cli package: GitHub's workflow JSON schema, run offline in WASM). */
function validate(file: string): { status: number | null; output: string } {
	const run = spawnSync(process.execPath, ['node_modules/@action-validator/cli/cli.mjs', file], { encoding: 'utf8' });
	return { status: run.status, output: run.stdout + run.stderr };
}

const workflows = readdirSync('.github/workflows').filter((f) => /\.ya?ml$/.test(f));

describe('every workflow passes the GitHub Actions workflow schema', () => {
	test('the coverage, comment and Pages workflows are there', () => {
		expect(workflows).toEqual(expect.arrayContaining(['coverage-comment.yml', 'coverage-report.yml', 'pages.yml']));
	});
	test.each(workflows)('%s', (file) => {
		const { status, output } = validate(workflowPath(file));
		expect(output).toBe('');
		expect(status).toBe(0);
	});
});

describe('the schema check catches broken workflows', () => {
	const dir = mkdtempSync(join(tmpdir(), 'bad-workflow-'));
	const broken: Array<[string, (text: string) => string, string]> = [
		['a misspelt trigger', (t) => t.replace('  push:\n', '  pusj:\n'), '/on'],
		['an unknown permission level', (t) => t.replace('  contents: read', '  contents: writ'), '/permissions'],
		['a job without runs-on', (t) => t.replace(/\n {4}runs-on: ubuntu-latest/, ''), '/jobs/coverage'],
	];
	test.each(broken)('%s', (name, breakIt, path) => {
		const original = workflowText('coverage-report.yml');
		const text = breakIt(original);
		expect(text, 'the mutation applies').not.toBe(original);
		const file = join(dir, `${name.replaceAll(' ', '-')}.yml`);
		writeFileSync(file, text);
		const { status, output } = validate(file);
		expect(status).toBe(1);
		expect(output).toContain(`"path": "${path}`);
	});
});
