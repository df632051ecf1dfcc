/** A `term  explanation` row of a help text's list (an option, a command). */
export interface HelpItem {
	term: string;
	text: string;
}

/** A part of a help text after its usage lines: a paragraph, or a titled list such as `Options:`. */
export type HelpSection = { kind: 'text'; text: string } | { kind: 'list'; title: string; items: HelpItem[] };

/** A command's help text read back into its parts, for a reference page generated from it. */
export interface CommandHelp {
	/** The usage lines as printed (`Usage: ` cut), wrapped lines kept. */
	usage: string;
	sections: HelpSection[];
}

/** A list row starts at a two-space indent; deeper lines continue the row above. */
const ROW_START = /^ {2}\S/;
/** A list row: the term, at least two spaces, the explanation. */
const ITEM = /^ {2}(\S(?:.*?\S)?) {2,}(\S.*)$/;
/** An option row whose term fills its column (one space before the text): `--flag METAVAR text`. */
const TIGHT_OPTION = /^ {2}(--?[\w-]+(?: [A-Z][A-Z_]*| <[^>]+>)?) (\S.*)$/;

/**
 * Read a help text as the CLI prints it (`scripts/trend/usage.ts`): a `Usage:` block, paragraphs, and
 * lists under a `Title:` line whose rows are `  term   explanation` (an explanation may wrap onto lines
 * indented past the term; an option whose term fills its column may have one space before its text). A paragraph that starts with `Title: ` on one line stays a paragraph.
 */
export function parseCommandHelp(help: string): CommandHelp {
	const blocks = help.trim().split(/\n\s*\n/);
	const usage = blocks
		.shift()!
		.replace(/^Usage: /, '')
		.replace(/\n\s+/g, '\n  ');
	const sections: HelpSection[] = [];
	for (const block of blocks) {
		const lines = block.split('\n');
		const title = /^(\S[^:]*):$/.exec(lines[0]!);
		if (title && lines.length > 1 && ROW_START.test(lines[1]!)) {
			const items: HelpItem[] = [];
			for (const line of lines.slice(1)) {
				if (ROW_START.test(line)) {
					const row = ITEM.exec(line) ?? TIGHT_OPTION.exec(line);
					items.push(row ? { term: row[1]!, text: row[2]! } : { term: line.trim(), text: '' });
				} else if (items.length) items.at(-1)!.text = `${items.at(-1)!.text} ${line.trim()}`.trim();
			}
			sections.push({ kind: 'list', title: title[1]!, items });
		} else {
			sections.push({ kind: 'text', text: lines.map((l) => l.trim()).join(' ') });
		}
	}
	return { usage, sections };
}
