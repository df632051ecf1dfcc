/** Wrong use of the command line (a bad option value): exit 2 with a one-line message. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
		this.stack = `${this.name}: ${message}`;
	}
}
