/** Printable text from data for a terminal: no control characters (no escape sequences from a branch name). */
export function plain(text: string): string {
	return text.replace(/\p{Cc}/gu, '?');
}
