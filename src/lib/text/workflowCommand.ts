/**
 * GitHub Actions workflow commands (`::warning file=…,line=…::message`), escaped as the runner's
 * toolkit escapes them, so a path or message from a diff can neither end the command early nor
 * start a new one.
 */

/** Escape a command's message: `%`, `\r` and `\n`. */
export function escapeCommandData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value: as the message, plus `:` and `,` (they separate properties). */
export function escapeCommandProperty(text: string): string {
	return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::name key=value,…::message`, properties in the given order. */
export function workflowCommand(
	name: string,
	properties: Record<string, string | number | undefined>,
	message: string,
): string {
	const props = Object.entries(properties)
		.filter(([, v]) => v !== undefined && v !== '')
		.map(([k, v]) => `${k}=${escapeCommandProperty(String(v))}`)
		.join(',');
	return `::${name}${props ? ` ${props}` : ''}::${escapeCommandData(message)}`;
}
