import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCodeBlocks, markdownFiles } from '../../../scripts/check-code-blocks.ts';

const fence = '```';

/** A guide with one good block of every checked language. */
const GOOD = `---
title: Sample
---

Intro.

${fence}python title="tests/test_x.py"
def test_x():
    assert 1 + 1 == 2
${fence}

${fence}yaml
name: Coverage Report
on: [push]
${fence}

${fence}json
{ "targets": { "overall": 80 } }
${fence}

${fence}jsonc
{
  // the file's own target
  "overall": 80
}
${fence}

${fence}bash
for i in $(seq 1 10); do echo "$i"; done
${fence}

${fence}console
$ pytest tests/ -q \\
    -n 2
..........                                              [100%]
10 passed in 0.50s
${fence}

${fence}ini
[pytest]
addopts = --reruns 2
${fence}

${fence}text
not checked (output)
${fence}
`;

/** A broken block of each kind, with the file line where its error is. */
const BROKEN: Array<[lang: string, body: string, errorLine: number]> = [
	['python', 'def test_x(:\n    pass', 1],
	['yaml', 'key: [unclosed\nother: 1', 2],
	['json', '{\n  "a": 1,\n}', 3],
	['jsonc', '{\n  // fine\n  "a": 1 "b": 2\n}', 3],
	['sh', 'echo ok\nif true; then echo x', 3],
	['bash', 'for i in 1 2; do\n  echo $i\n  done done', 3],
	['console', '$ echo ok\nsome output ( not checked\n$ echo "unclosed', 3],
	['ini', '[pytest]\naddopts = -q\nthis line has no equals sign', 3],
];

function tempGuide(name: string, text: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'blocks-'));
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('checkCodeBlocks', () => {
	test('finds and passes a valid block of every checked language, counting output blocks as unchecked', () => {
		const r = checkCodeBlocks([tempGuide('good.mdx', GOOD)]);
		expect(r.problems).toEqual([]);
		expect(r.blocks).toBe(8);
		expect(r.checked).toEqual({ python: 1, yaml: 1, json: 1, jsonc: 1, bash: 1, console: 1, ini: 1 });
		expect(r.unchecked).toEqual({ text: 1 });
	});

	test.each(BROKEN)('a broken %s block fails, naming the file and the line', (lang, body, errorLine) => {
		const text = `# Title\n\nSome prose.\n\n${fence}${lang}\n${body}\n${fence}\n`;
		const file = tempGuide(`broken-${lang}.md`, text);
		const r = checkCodeBlocks([file]);
		expect(r.problems).toHaveLength(1);
		// The fence opens on line 5, so block line N is file line 5 + N.
		expect(r.problems[0]).toMatchObject({ file, line: 5 + errorLine });
		expect(r.problems[0]!.message).toContain(`${lang} block (opened on line 5)`);
	});

	test('json blocks do not accept comments unless labelled jsonc', () => {
		const r = checkCodeBlocks([tempGuide('c.md', `${fence}json\n{\n  // no\n  "a": 1\n}\n${fence}\n`)]);
		expect(r.problems.map((p) => p.line)).toEqual([3]);
	});

	test('a console block checks only its $ commands', () => {
		const ok = `${fence}console\n$ echo hi\nhi ) ( { output that is not shell\n${fence}\n`;
		expect(checkCodeBlocks([tempGuide('ok.md', ok)]).problems).toEqual([]);
	});

	test('a block without a language, and an unclosed one, are problems', () => {
		const r = checkCodeBlocks([tempGuide('x.md', `${fence}\nplain\n${fence}\n\n${fence}python\nx = 1\n`)]);
		expect(r.problems.map((p) => [p.line, p.message])).toEqual([
			[1, 'fenced block without a language (use `text` for output)'],
			[5, 'fenced block is never closed'],
		]);
	});
});

describe('the check-code-blocks command', () => {
	const run = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/check-code-blocks.ts', ...args], { encoding: 'utf8' });

	test('passes on the guides in content/ and finds their blocks', () => {
		const r = run();
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const files = markdownFiles(['content']);
		expect(r.stdout).toContain(`fenced blocks in ${files.length} files`);
	});

	test('exits 1 and prints file:line for a broken block', () => {
		const file = tempGuide('bad.mdx', `---\ntitle: x\n---\n\n${fence}python\nprint(\n${fence}\n`);
		const r = run(file);
		expect(r.status).toBe(1);
		// The command names files relative to the working directory, wherever the checkout is.
		const shown = relative(process.cwd(), file);
		expect(r.stderr).toMatch(
			new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: python block \\(opened on line 5\\)`, 'm'),
		);
	});

	test('exits 2 for a path that does not exist', () => {
		const r = run('no/such/folder');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('no/such/folder: no such file or folder');
	});
});
