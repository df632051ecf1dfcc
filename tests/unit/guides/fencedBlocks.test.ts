import { describe, expect, test } from 'vitest';
import { consoleCommands, findFencedBlocks } from '../../../src/lib/docs/fencedBlocks.ts';

describe('findFencedBlocks', () => {
	test('finds backtick and tilde fences with their language, info and opening line', () => {
		const text = ['# T', '', '```python title="a.py"', 'x = 1', '```', '', '~~~yaml', 'a: 1', '~~~'].join('\n');
		expect(findFencedBlocks(text)).toEqual([
			{ lang: 'python', info: 'python title="a.py"', line: 3, code: 'x = 1', closed: true },
			{ lang: 'yaml', info: 'yaml', line: 7, code: 'a: 1', closed: true },
		]);
	});

	test('a longer fence contains shorter ones; a different character does not close it', () => {
		const text = ['````md', '```python', 'x', '```', '~~~', '````'].join('\n');
		const blocks = findFencedBlocks(text);
		expect(blocks).toHaveLength(1);
		expect(blocks[0]!.code).toBe('```python\nx\n```\n~~~');
	});

	test('indented fences (in list items or JSX) are found and their indentation removed', () => {
		const text = ['1. Step', '', '   ```bash', '   echo hi', '     echo nested', '   ```'].join('\n');
		expect(findFencedBlocks(text)[0]).toMatchObject({ lang: 'bash', code: 'echo hi\n  echo nested', line: 3 });
	});

	test('inline code with backticks in the info string is not a fence; an unclosed fence runs to the end', () => {
		expect(findFencedBlocks('```not `a fence`\n')).toEqual([]);
		expect(findFencedBlocks('```python\nx = 1\n')).toEqual([
			{ lang: 'python', info: 'python', line: 1, code: 'x = 1', closed: false },
		]);
	});
});

describe('consoleCommands', () => {
	test('keeps $ lines and their backslash continuations, drops output', () => {
		const code = ['$ pytest -q \\', '    -n 2', '....  [100%]', '$ echo done', 'done'].join('\n');
		expect(consoleCommands(code)).toEqual([
			{ line: 0, command: 'pytest -q \\\n    -n 2' },
			{ line: 3, command: 'echo done' },
		]);
	});
});
