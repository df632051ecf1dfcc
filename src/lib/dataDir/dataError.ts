import type { z } from 'zod';

/** One problem in a data file: where it is and what was expected there. */
export interface DataProblem {
	/** The file, as the user named it (relative paths stay relative). */
	file: string;
	/** JSON path such as `coverage_history[3].security_percent`; empty for the whole file. */
	path: string;
	/** What was expected and what was found, in words. */
	message: string;
}

/** Render a JSON path like `coverage_history[3].security_percent`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
		else out += `[${JSON.stringify(String(key))}]`;
	}
	return out;
}

/** One line for a problem: `file: path: message`. */
export function formatProblem(p: DataProblem): string {
	return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** An error about bad input data whose message is one line naming the file and the field. */
export class DataError extends Error {
	readonly problems: DataProblem[];
	constructor(problems: DataProblem[]) {
		const first = problems[0] ?? { file: '?', path: '', message: 'invalid data' };
		const more =
			problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
		super(formatProblem(first) + more);
		this.name = 'DataError';
		this.problems = problems;
		// The message is the whole story; a stack would only bury it.
		this.stack = `${this.name}: ${this.message}`;
	}
}

/** A short, printable rendering of a value that was found where something else was expected. */
export function describeFound(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') {
		const s = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
		return `the string ${s}`;
	}
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	return String(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let cur: unknown = data;
	for (const key of path) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<PropertyKey, unknown>)[key as string];
	}
	return cur;
}

function expectation(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${issue.expected === 'int' ? 'a whole number' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
		case 'too_big':
			return issue.origin === 'array' || issue.origin === 'string'
				? `expected at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`
				: `expected a number ${issue.inclusive ? 'at most' : 'below'} ${issue.maximum}`;
		case 'too_small':
			return issue.origin === 'array' || issue.origin === 'string'
				? `expected at least ${issue.minimum} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`
				: `expected a number ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum}`;
		case 'unrecognized_keys':
			return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
		case 'invalid_value':
			return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		case 'invalid_format':
			return issue.format === 'regex' || !/^Invalid/.test(issue.message)
				? `expected ${issue.message}`
				: `expected a valid ${issue.format}`;
		case 'invalid_union':
			return 'expected one of the allowed shapes';
		default:
			return `expected ${issue.message}`;
	}
}

/** Turn zod issues for one file into problems that say the JSON path, what was expected and what was found. */
export function problemsFromZod(file: string, error: z.ZodError, data: unknown): DataProblem[] {
	return error.issues.map((issue) => {
		const message =
			issue.code === 'unrecognized_keys'
				? expectation(issue)
				: `${expectation(issue)}, found ${describeFound(valueAt(data, issue.path))}`;
		return { file, path: formatJsonPath(issue.path), message };
	});
}

/** Parse JSON text; a syntax error becomes a DataError that names the file, line and column. */
export function parseJsonText(file: string, text: string): unknown {
	if (text.trim() === '') throw new DataError([{ file, path: '', message: 'expected JSON, found an empty file' }]);
	try {
		return JSON.parse(text);
	} catch (err) {
		const reason = (err as Error).message.replace(/^JSON\.parse: /, '');
		throw new DataError([{ file, path: '', message: `not valid JSON (${reason})` }]);
	}
}

/** Validate data against a schema; any issue becomes a DataError naming file, path, expectation and value. */
export function parseWith<S extends z.ZodType>(schema: S, file: string, data: unknown): z.output<S> {
	const result = schema.safeParse(data);
	if (!result.success) throw new DataError(problemsFromZod(file, result.error, data));
	return result.data;
}
