/** One file in `git diff --numstat -z` output. */
export interface NumstatEntry {
	/** Path on the head side (the new name of a rename). */
	path: string;
	/** The old name, when git detected a rename or copy. */
	from?: string;
	/** Lines added and deleted; null for a binary file. */
	added: number | null;
	deleted: number | null;
}

/**
 * Parse `git diff --numstat -z`: `added\tdeleted\tpath\0`, or for a rename `added\tdeleted\t\0old\0new\0`;
 * a binary file has `-` for both counts. NUL separators keep spaces, tabs and non-ASCII names intact.
 */
export function parseNumstat(output: string): NumstatEntry[] {
	const fields = output.split('\0');
	const entries: NumstatEntry[] = [];
	for (let i = 0; i < fields.length; i++) {
		const head = fields[i]!;
		if (head === '') continue;
		const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(head);
		if (!m) throw new Error(`unexpected git diff --numstat output near ${JSON.stringify(head.slice(0, 60))}`);
		const count = (v: string) => (v === '-' ? null : Number(v));
		if (m[3] === '') {
			const from = fields[i + 1] ?? '';
			const path = fields[i + 2] ?? '';
			i += 2;
			entries.push({ path, from, added: count(m[1]!), deleted: count(m[2]!) });
		} else entries.push({ path: m[3]!, added: count(m[1]!), deleted: count(m[2]!) });
	}
	return entries;
}
