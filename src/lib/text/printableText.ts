/**
 * Text from data for places where a control character breaks the output: XML 1.0 (an SVG badge)
 * refuses every C0 control but tab and newlines, and no renderer draws one. Stripping them where the
 * text enters (not in one renderer's escaping) keeps a badge valid whatever draws it.
 */

/** Tabs and newlines become one space; other C0/C1 controls, lone surrogates and U+FFFE/U+FFFF are dropped. */
export function printableText(text: string): string {
	return text.replace(/[\t\n\r]+/g, ' ').replace(/\p{Cc}|\p{Cs}|[\ufffe\uffff]/gu, '');
}
