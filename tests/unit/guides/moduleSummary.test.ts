import { expect, test } from 'vitest';
import { codeSpans } from '../../../src/lib/docs/codeSpans.ts';
import { moduleSummary } from '../../../src/lib/docs/moduleSummary.ts';

test("takes the first sentence of the file's first doc comment, across lines", () => {
	const source = `import x from 'y';

/**
 * One model of coverage counts, e.g. statements and branches, in the spirit of
 * coverage.py's Numbers. Everything adds through it.
 */
export const counts = 1;`;
	expect(moduleSummary(source)).toBe(
		"One model of coverage counts, e.g. statements and branches, in the spirit of coverage.py's Numbers.",
	);
});

test('keeps a comment without a full stop whole, and has nothing for a file without doc comments', () => {
	expect(moduleSummary('/** The data directory the site reads */\nexport const a = 1;')).toBe(
		'The data directory the site reads',
	);
	expect(moduleSummary('// a line comment\nexport const a = 1;')).toBeUndefined();
});

test('splits code spans from text, leaving an unpaired backtick as text', () => {
	expect(codeSpans('reads `trend record` output; a ` alone')).toEqual([
		{ code: false, text: 'reads ' },
		{ code: true, text: 'trend record' },
		{ code: false, text: ' output; a ` alone' },
	]);
});
