/** One command of a transcript and what it printed (stdout and stderr, interleaved as the terminal shows them). */
export interface TranscriptStep {
	command: string;
	output: string;
	/** Exit status; shown when it is not 0. */
	status: number;
}

/** Keep the lines from the first matching `from` to the last matching `to` (both included). */
export function trimLines(output: string, trim: { from?: RegExp; to?: RegExp } = {}): string {
	const lines = output.split('\n');
	const start = trim.from ? lines.findIndex((line) => trim.from!.test(line)) : 0;
	const end = trim.to ? lines.findLastIndex((line) => trim.to!.test(line)) : lines.length - 1;
	if (start === -1 || end === -1 || end < start) return output;
	return lines.slice(start, end + 1).join('\n');
}

/**
 * The text a page includes: each command after `$ `, its output, and `(exit status N)` after a command
 * that failed, as a reader would see them in a terminal. Blank lines around an output are dropped.
 */
export function formatTranscript(steps: readonly TranscriptStep[]): string {
	const parts: string[] = [];
	for (const step of steps) {
		parts.push(`$ ${step.command}`);
		const output = step.output.replace(/^\n+|\s+$/g, '');
		if (output) parts.push(output);
		if (step.status !== 0) parts.push(`(exit status ${step.status})`);
	}
	return parts.join('\n') + '\n';
}
