/**
 * Git's C-style quoting of unusual paths (`"a/we\"ird\303\274.py"`), as `git diff` writes them in
 * `---`/`+++` lines when a name holds a quote, a backslash or a control character.
 */

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undo git's quoting: the text between the quotes, with `\ooo` octal bytes decoded as UTF-8. */
export function unquoteGitPath(quoted: string): string {
	if (!(quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"'))) return quoted;
	const body = quoted.slice(1, -1);
	const bytes: number[] = [];
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		if (ch !== '\\') {
			for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
			continue;
		}
		const next = body[i + 1] ?? '';
		if (/[0-7]/.test(next)) {
			bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
			i += 3;
		} else {
			bytes.push(SIMPLE_ESCAPES[next] ?? next.charCodeAt(0));
			i += 1;
		}
	}
	// Octal escapes are the bytes of a UTF-8 name; decode them together, not one by one.
	return Buffer.from(bytes).toString('utf8');
}

/**
 * The path of a `--- a/…` or `+++ b/…` line without its side prefix; null for `/dev/null`.
 * Git ends a path that holds a space with a tab (for GNU patch), which is not part of the name.
 */
export function patchHeaderPath(rest: string, prefix: string): string | null {
	let value = rest;
	if (value.startsWith('"')) value = unquoteGitPath(value);
	else if (value.endsWith('\t')) value = value.slice(0, -1);
	if (value === '/dev/null') return null;
	return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}
