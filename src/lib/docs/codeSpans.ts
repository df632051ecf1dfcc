/** A piece of inline text: code (from a `code span`) or plain text. */
export interface TextPart {
	code: boolean;
	text: string;
}

/** Split text at its Markdown `code spans`, so a component renders them as `<code>` and the rest as text (never HTML). */
export function codeSpans(text: string): TextPart[] {
	return text
		.split(/(`[^`]+`)/)
		.filter(Boolean)
		.map((t) =>
			t.startsWith('`') && t.endsWith('`') && t.length > 1
				? { code: true, text: t.slice(1, -1) }
				: { code: false, text: t },
		);
}
