import { describe, expect, test } from 'vitest';
import { outputDifference } from '../../../src/lib/docs/outputs/compareOutput.ts';
import { normaliseOutput } from '../../../src/lib/docs/outputs/normaliseOutput.ts';
import { checkOutputIds, type OutputEntry } from '../../../src/lib/docs/outputs/outputEntry.ts';
import { formatTranscript, trimLines } from '../../../src/lib/docs/outputs/transcript.ts';

const context = { workDir: '/tmp/docs-output-x-AbC123', repoDir: '/work/checkout', today: '2026-12-02' };

describe('normaliseOutput', () => {
	test('cuts the scratch checkout and the repository from paths', () => {
		const text =
			'Wrote /tmp/docs-output-x-AbC123/data/coverage_trend.json\nin /work/checkout/scripts and /work/checkout';
		expect(normaliseOutput(text, context)).toBe('Wrote data/coverage_trend.json\nin scripts and .');
	});

	test("writes pytest's duration and today's date as placeholders, other dates as they are", () => {
		const text = '==== 98 passed, 2 skipped in 1.93s ====\nrecorded 2026-12-02T16:01:02.123Z, baseline 2026-02-11';
		expect(normaliseOutput(text, context)).toBe(
			'==== 98 passed, 2 skipped in N.NNs ====\nrecorded YYYY-MM-DD, baseline 2026-02-11',
		);
	});

	test('strips colour escapes and trailing blanks', () => {
		expect(normaliseOutput('\u001b[32mgreen\u001b[39m   \r\nnext\t', context)).toBe('green\nnext');
	});

	test("applies the entry's own replacements after the built-in ones", () => {
		expect(normaliseOutput('python 3.11.2-final-0', context, [[/python \S+/, 'python 3.x']])).toBe('python 3.x');
	});
});

describe('formatTranscript', () => {
	test('shows each command after $, its output without surrounding blank lines, and a failing status', () => {
		const text = formatTranscript([
			{ command: 'npm run trend -- validate', output: '\nall good\n\n', status: 0 },
			{ command: 'npm run trend -- check', output: 'dropped\n', status: 1 },
			{ command: 'true', output: '', status: 0 },
		]);
		expect(text).toBe(
			'$ npm run trend -- validate\nall good\n$ npm run trend -- check\ndropped\n(exit status 1)\n$ true\n',
		);
	});
});

describe('trimLines', () => {
	const output = 'header\n--- table ---\nrow 1\nrow 2\nTOTAL 84%\nfooter';

	test('keeps the lines from the first match of from to the last match of to', () => {
		expect(trimLines(output, { from: /---/, to: /TOTAL/ })).toBe('--- table ---\nrow 1\nrow 2\nTOTAL 84%');
	});

	test('keeps everything when a pattern matches no line, so a changed output shows whole rather than empty', () => {
		expect(trimLines(output, { from: /nowhere/ })).toBe(output);
	});
});

describe('outputDifference', () => {
	test('names the first line that differs, with both versions', () => {
		expect(outputDifference('a\nb\nc\n', 'a\nB\nc\n')).toBe('line 2: committed "b", now "B"');
	});

	test('says which side ended first', () => {
		expect(outputDifference('a\n', 'a\nmore\n')).toBe('line 2: committed "", now "more"');
		expect(outputDifference('a', 'a\nmore')).toBe('line 2: committed end of output, now "more"');
	});

	test('finds nothing in equal texts', () => {
		expect(outputDifference('same\n', 'same\n')).toBeUndefined();
	});
});

describe('checkOutputIds', () => {
	const entry = (id: string, commands = ['true']): OutputEntry => ({ id, commands });

	test('accepts unique kebab-case ids', () => {
		expect(checkOutputIds([entry('trend-check'), entry('coverage-term-missing')])).toEqual([]);
	});

	test('refuses an id that is not a safe file name, a duplicate and an entry without commands', () => {
		expect(checkOutputIds([entry('../escape'), entry('a'), entry('a'), entry('b', [])])).toEqual([
			'../escape: id must be kebab-case',
			'a: id used twice',
			'b: no command',
		]);
	});
});
