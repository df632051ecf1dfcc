import { describe, expect, test } from 'vitest';
import { parseCommandHelp } from '../../../src/lib/docs/cliHelp.ts';
import { HELP } from '../../../scripts/trend/usage.ts';

describe('parseCommandHelp', () => {
	test('splits usage, paragraphs and an option list with wrapped explanations', () => {
		const help = parseCommandHelp(`Usage: tool run <file> [--fast]
                [--out DIR]

Runs the file and
prints what it did.

Options:
  --fast         skip the slow part; the result
                 may differ
  --out DIR      where to write`);
		expect(help).toEqual({
			usage: 'tool run <file> [--fast]\n  [--out DIR]',
			sections: [
				{ kind: 'text', text: 'Runs the file and prints what it did.' },
				{
					kind: 'list',
					title: 'Options',
					items: [
						{ term: '--fast', text: 'skip the slow part; the result may differ' },
						{ term: '--out DIR', text: 'where to write' },
					],
				},
			],
		});
	});

	test('reads an option whose term fills its column, with one space before its text', () => {
		const { sections } = parseCommandHelp(`Usage: t

Options:
  --json FILE       write JSON
  --path-prefix DIR the folder the paths start from
                    (default: found)`);
		expect(sections).toEqual([
			{
				kind: 'list',
				title: 'Options',
				items: [
					{ term: '--json FILE', text: 'write JSON' },
					{ term: '--path-prefix DIR', text: 'the folder the paths start from (default: found)' },
				],
			},
		]);
	});

	test('keeps a one-line "Exit codes: …" as a paragraph', () => {
		const { sections } = parseCommandHelp('Usage: t\n\nExit codes: 0 success, 2 bad input.');
		expect(sections).toEqual([{ kind: 'text', text: 'Exit codes: 0 success, 2 bad input.' }]);
	});

	test("reads every trend command's real help: each has options, each option an explanation", () => {
		for (const [command, text] of Object.entries(HELP)) {
			const help = parseCommandHelp(text);
			expect(help.usage, command).toMatch(/^npm run trend -- /);
			const lists = help.sections.filter((s) => s.kind === 'list');
			expect(lists.length, command).toBeGreaterThan(0);
			for (const list of lists)
				for (const item of list.items) expect(item.text, `${command} ${item.term}`).not.toBe('');
		}
	});
});
