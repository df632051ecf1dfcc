/** A fenced code block found in a Markdown or MDX file. */
export interface FencedBlock {
	/** Language from the info string, lower-cased; '' when the fence has none. */
	lang: string;
	/** The whole info string after the fence (language and any meta such as `title="…"`). */
	info: string;
	/** 1-based line of the opening fence. */
	line: number;
	/** The block's text, with the fence's own indentation removed. */
	code: string;
	/** Whether the closing fence was found (an unclosed block runs to the end of the file). */
	closed: boolean;
}

const OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

/**
 * Every fenced code block of a Markdown/MDX text, in order, following CommonMark's fence rules:
 * a fence is three or more backticks or tildes; the block ends at a fence of the same character
 * at least as long; a backtick fence's info string has no backtick. Fences nested inside list
 * items or JSX (indented) count as well.
 */
export function findFencedBlocks(text: string): FencedBlock[] {
	const lines = text.split(/\r?\n/);
	const blocks: FencedBlock[] = [];
	for (let i = 0; i < lines.length; i++) {
		const m = OPEN.exec(lines[i]!);
		if (!m) continue;
		const [, indent, fence, rest] = m as unknown as [string, string, string, string];
		if (fence[0] === '`' && rest.includes('`')) continue;
		const info = rest.trim();
		const close = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
		const body: string[] = [];
		let j = i + 1;
		let closed = false;
		for (; j < lines.length; j++) {
			if (close.test(lines[j]!)) {
				closed = true;
				break;
			}
			body.push(stripIndent(lines[j]!, indent.length));
		}
		// An unclosed block runs to the end of the file; the split after a final newline is not a line.
		if (!closed && body.at(-1) === '') body.pop();
		blocks.push({ lang: (info.split(/\s+/)[0] ?? '').toLowerCase(), info, line: i + 1, code: body.join('\n'), closed });
		i = j;
	}
	return blocks;
}

/** Remove up to `n` leading spaces or tabs, as CommonMark does for the content of an indented fence. */
function stripIndent(line: string, n: number): string {
	let k = 0;
	while (k < n && (line[k] === ' ' || line[k] === '\t')) k++;
	return line.slice(k);
}

/**
 * The commands of a `console` block: lines starting with `$ ` (prompt removed), each joined with
 * the lines a trailing backslash continues onto. Output lines are not commands and are left out.
 * Returns each command with the 0-based line of the block it starts on.
 */
export function consoleCommands(code: string): Array<{ line: number; command: string }> {
	const lines = code.split('\n');
	const out: Array<{ line: number; command: string }> = [];
	for (let i = 0; i < lines.length; i++) {
		if (!lines[i]!.startsWith('$ ')) continue;
		const start = i;
		const parts = [lines[i]!.slice(2)];
		while (parts.at(-1)!.endsWith('\\') && i + 1 < lines.length) parts.push(lines[++i]!);
		out.push({ line: start, command: parts.join('\n') });
	}
	return out;
}
