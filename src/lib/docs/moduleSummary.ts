/**
 * The first sentence of a module's first `/** … *\/` comment (the file's own, or its first export's), with
 * line breaks and the leading stars removed: what an architecture map says the module is for.
 */
export function moduleSummary(source: string): string | undefined {
	const comment = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
	if (!comment) return undefined;
	const text = comment
		.split('\n')
		.map((line) => line.replace(/^\s*\*\s?/, '').trim())
		.filter((line) => line !== '' && !line.startsWith('@'))
		.join(' ');
	// Up to the first full stop that ends a sentence (not `e.g.` or `coverage.py`).
	const sentence = /^.*?[.!?](?=\s|$)/.exec(text.replace(/\b(e\.g|i\.e)\./g, '$1\u2024'))?.[0] ?? text;
	return sentence.replace(/\u2024/g, '.');
}
