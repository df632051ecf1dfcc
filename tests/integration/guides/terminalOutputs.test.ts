import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { OUTPUTS } from '../../../content/outputs/registry.ts';
import { checkOutputIds } from '../../../src/lib/docs/outputs/outputEntry.ts';
import { PYTHON } from '../../../scripts/shared/python.ts';
import {
	OUTPUTS_DIR,
	outputPath,
	outputProblems,
	REPO_DIR,
	runOutput,
} from '../../../scripts/shared/terminalOutputs.ts';

/** Every file under `dir`, hashed: to prove a run left `data/` as it was. */
function treeHash(dir: string): string {
	const hash = createHash('sha256');
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
		join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
	)) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		hash.update(file).update(readFileSync(file));
	}
	return hash.digest('hex');
}

describe('terminal outputs on the site (content/outputs)', () => {
	const fresh = new Map<string, string>();
	let dataBefore = '';

	beforeAll(() => {
		dataBefore = treeHash(join(REPO_DIR, 'data'));
		for (const entry of OUTPUTS) fresh.set(entry.id, runOutput(entry));
		// The guides' entries run the example suite about a dozen times (each a few seconds on an idle machine).
	}, 1_800_000);

	test('the registry ids are unique file names', () => {
		expect(checkOutputIds(OUTPUTS)).toEqual([]);
	});

	test('every committed output is what its command prints today (run npm run docs:outputs after a change)', () => {
		expect(outputProblems(fresh)).toEqual([]);
	});

	test('a hand edit of a committed output is caught, naming the file and the line', () => {
		const dir = mkdtempSync(join(tmpdir(), 'outputs-edited-'));
		cpSync(OUTPUTS_DIR, dir, { recursive: true });
		const [id, text] = [...fresh][0]!;
		const lines = text.split('\n');
		lines[1] = `${lines[1]} (improved by hand)`;
		writeFileSync(outputPath(id, dir), lines.join('\n'));
		writeFileSync(join(dir, 'orphan.txt'), '$ echo typed by hand\n');
		expect(outputProblems(fresh, dir)).toEqual([
			`content/outputs/${id}.txt: differs from what its command prints, line 2: committed ${JSON.stringify(lines[1])}, now ${JSON.stringify(text.split('\n')[1])}`,
			'content/outputs/orphan.txt: no entry in content/outputs/registry.ts produces it',
		]);
	});

	test("the commands ran on copies: the repository's data/ is byte for byte as before", () => {
		expect(treeHash(join(REPO_DIR, 'data'))).toBe(dataBefore);
	});
});

describe('runOutput', () => {
	test("runs python3 as the project's Python, in a copy of the example backend with its config and without caches", () => {
		// A coverage data file and a bytecode cache left in the repository's example folder by an earlier run
		// (both git-ignored) must not reach the copy: they would change what pytest and coverage print.
		const example = join(REPO_DIR, 'examples/atom-backend');
		const leftovers = [
			join(example, '.coverage.docs-outputs-test'),
			join(example, '__pycache__/docs-outputs-test.pyc'),
		];
		mkdirSync(join(example, '__pycache__'), { recursive: true });
		for (const file of leftovers) writeFileSync(file, 'left by an earlier run');
		try {
			const text = runOutput({
				id: 'python-here',
				cwd: 'examples/atom-backend',
				commands: ['python3 -c "import sys, os; print(sys.executable); print(sorted(os.listdir()))"'],
			});
			expect(text).toContain("['.coveragerc', 'README.md', 'core', 'pytest.ini', 'tests']");
			if (PYTHON.startsWith('/')) expect(text).toContain(`\n${PYTHON}\n`);
		} finally {
			for (const file of leftovers) rmSync(file, { force: true });
		}
	});

	test('refuses a command whose exit status is not the declared one', () => {
		expect(() => runOutput({ id: 'fails', commands: ['echo broken; exit 3'] })).toThrow(
			/fails: "echo broken; exit 3" exited 3, expected 0:\nbroken/,
		);
	});

	test('refuses a failing setup command, with its output', () => {
		expect(() => runOutput({ id: 'setup-fails', setup: ['echo no report; false'], commands: ['true'] })).toThrow(
			/setup-fails: setup "echo no report; false" exited 1:\nno report/,
		);
	});
});
