import { z } from 'zod';

/** One row of a field reference generated from a zod schema. */
export interface SchemaField {
	/** Dotted path: `coverage_history[].date`, `targets.<key>`, `counts.<key>.files`. */
	path: string;
	/** The type in words, with its limits: `number, 0 to 100`, `string or null`. */
	type: string;
	/** Whether the field must be present. */
	required: boolean;
	/** The default a missing field takes, as JSON; undefined without one. */
	default?: string;
	/** The schema's `.describe()` text; empty when the schema has none. */
	description: string;
}

type JsonSchema = {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	additionalProperties?: JsonSchema | boolean;
	anyOf?: JsonSchema[];
	description?: string;
	default?: unknown;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	enum?: unknown[];
	const?: unknown;
};

// zod writes `z.int()`'s bounds as ±Number.MAX_SAFE_INTEGER; they say nothing to a reader.
const SAFE = Number.MAX_SAFE_INTEGER;

/** A JSON Schema node's type in words, with numeric and length limits. */
export function typeInWords(node: JsonSchema): string {
	if (node.anyOf) return node.anyOf.map(typeInWords).join(' or ');
	if (node.const !== undefined) return JSON.stringify(node.const);
	if (node.enum) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
	const type = Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
	const word = type === 'integer' ? 'whole number' : type;
	const limits: string[] = [];
	const min = node.minimum;
	const max = node.maximum !== undefined && Math.abs(node.maximum) < SAFE ? node.maximum : undefined;
	if (min !== undefined && max !== undefined) limits.push(`${min} to ${max}`);
	else if (min !== undefined && Math.abs(min) < SAFE) limits.push(`≥ ${min}`);
	else if (max !== undefined) limits.push(`≤ ${max}`);
	if (node.minLength === 1) limits.push('not empty');
	else if (node.minLength !== undefined && node.minLength > 1) limits.push(`at least ${node.minLength} characters`);
	if (node.maxLength !== undefined) limits.push(`at most ${node.maxLength} characters`);
	if (type === 'array' && node.items) return `array of ${typeInWords(node.items)}`;
	if (
		type === 'object' &&
		node.additionalProperties &&
		typeof node.additionalProperties === 'object' &&
		!node.properties
	)
		return 'object keyed by id';
	return limits.length ? `${word}, ${limits.join(', ')}` : word;
}

function walk(node: JsonSchema, prefix: string, required: boolean, out: SchemaField[], depth: number): void {
	if (prefix) {
		const row: SchemaField = { path: prefix, type: typeInWords(node), required, description: node.description ?? '' };
		if (node.default !== undefined) row.default = JSON.stringify(node.default);
		out.push(row);
	}
	if (depth > 6) return;
	const inner = node.anyOf?.find((n) => n.type !== 'null') ?? node;
	if (inner.type === 'array' && inner.items) {
		// Array items are documented through their fields; the array row already says what it holds.
		walkProperties(inner.items, `${prefix}[]`, out, depth + 1);
	} else if (inner.properties) {
		walkProperties(inner, prefix, out, depth + 1);
	} else if (typeof inner.additionalProperties === 'object' && inner.additionalProperties.properties) {
		walkProperties(inner.additionalProperties, `${prefix}.<key>`, out, depth + 1);
	}
}

function walkProperties(node: JsonSchema, prefix: string, out: SchemaField[], depth: number): void {
	const required = new Set(node.required ?? []);
	for (const [key, child] of Object.entries(node.properties ?? {})) {
		walk(child, prefix ? `${prefix}.${key}` : key, required.has(key), out, depth);
	}
}

/**
 * The fields of a zod object schema, depth first in declaration order, from its JSON Schema
 * (`z.toJSONSchema`, input side, so defaults show and defaulted fields are optional). Guides
 * render these rows, so a reference table cannot disagree with the contract that validates the data.
 */
export function schemaFields(schema: z.ZodType): SchemaField[] {
	const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
	const out: SchemaField[] = [];
	walk(json, '', true, out, 0);
	return out;
}
