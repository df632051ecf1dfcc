/**
 * The first line where a committed output and a fresh run differ, as a short report (`line 4: committed
 * "…", now "…"`), or undefined when they are the same text.
 */
export function outputDifference(committed: string, fresh: string): string | undefined {
	if (committed === fresh) return undefined;
	const a = committed.split('\n');
	const b = fresh.split('\n');
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const show = (line: string | undefined) => (line === undefined ? 'end of output' : JSON.stringify(line));
	return `line ${i + 1}: committed ${show(a[i])}, now ${show(b[i])}`;
}
