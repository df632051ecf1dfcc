/**
 * A source file's bytes as text: UTF-8 (Python's default), else the encoding its PEP 263 comment
 * names (`# -*- coding: latin-1 -*-` in the first two lines), else Windows-1252, so that no byte
 * is lost or turned into an error, only shown as the character it most likely is.
 */

/** PEP 263: `coding[:=]\s*([-\w.]+)` in a comment on line 1 or 2. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The text of `bytes` and the encoding it was read with. */
export function decodeSource(bytes: Uint8Array): { text: string; encoding: string } {
	try {
		// `fatal` makes invalid UTF-8 an error instead of U+FFFD; the BOM is dropped by default.
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		const head = new TextDecoder('latin1').decode(bytes.subarray(0, 400)).split(/\r\n|\r|\n/, 2);
		for (const line of head) {
			const label = CODING.exec(line)?.[1];
			if (!label) continue;
			try {
				return { text: new TextDecoder(label).decode(bytes), encoding: label.toLowerCase() };
			} catch {
				break; // an encoding the platform does not know: fall through to Windows-1252
			}
		}
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
	}
}

/** Lines as Python counts them: split on `\r\n`, `\r` or `\n`; a final newline ends the last line. */
export function sourceLines(text: string): string[] {
	const lines = text.split(/\r\n|\r|\n/);
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines;
}
