import { describe, expect, test } from 'vitest';
import { badgeSvg } from '../../../src/lib/charts/badge.ts';
import { printableText } from '../../../src/lib/text/printableText.ts';

/** XML 1.0's `Char` production: anything outside it makes a document malformed. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe('printableText', () => {
	test.each([
		['a bell and an escape sequence', 'Core\u0007\u001b[31m', 'Core[31m'],
		['a NUL and DEL', 'a\u0000b\u007fc', 'abc'],
		['C1 controls', 'x\u0085y\u009bz', 'xyz'],
		['tabs and newlines, as one space', 'Core\t\r\n domain', 'Core  domain'],
		['a lone surrogate', 'half \ud800 pair', 'half  pair'],
		['the non-characters U+FFFE and U+FFFF', 'a\ufffeb\uffff', 'ab'],
	])('drops %s', (_name, input, expected) => {
		expect(printableText(input)).toBe(expected);
	});
	test('keeps letters, accents, emoji and markup characters (escaping is the renderer’s job)', () => {
		const text = 'Sécurité 🔒 <b>&"\'';
		expect(printableText(text)).toBe(text);
	});
	test('a badge drawn from printable text is made of XML characters only', () => {
		const label = printableText('Core\u0001\u0008\u000b\u000c\u001f\ud83d label');
		expect(badgeSvg(label, '75.0%', 'yellow')).not.toMatch(NOT_XML_CHAR);
		// The same label unfiltered would not be: the check above can fail.
		expect(badgeSvg('Core\u0001', '75.0%', 'yellow')).toMatch(NOT_XML_CHAR);
	});
});
