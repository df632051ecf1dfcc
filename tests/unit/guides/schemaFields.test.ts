import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { schemaFields } from '../../../src/lib/docs/schemaFields.ts';
import { trendFileSchema } from '../../../src/lib/schemas/trend.ts';

describe('schemaFields', () => {
	test('lists nested fields with type, limits, requiredness, default and description', () => {
		const schema = z.object({
			name: z.string().min(1).describe('The name.'),
			items: z
				.array(
					z.object({ n: z.int().min(0).describe('A count.'), share: z.number().min(0).max(100).nullable().optional() }),
				)
				.describe('Things.'),
			byId: z.record(z.string(), z.object({ on: z.boolean().default(false).describe('Switch.') })).optional(),
		});
		expect(schemaFields(schema)).toEqual([
			{ path: 'name', type: 'string, not empty', required: true, description: 'The name.' },
			{ path: 'items', type: 'array of object', required: true, description: 'Things.' },
			{ path: 'items[].n', type: 'whole number, ≥ 0', required: true, description: 'A count.' },
			{ path: 'items[].share', type: 'number, 0 to 100 or null', required: false, description: '' },
			{ path: 'byId', type: 'object keyed by id', required: false, description: '' },
			{ path: 'byId.<key>.on', type: 'boolean', required: false, default: 'false', description: 'Switch.' },
		]);
	});

	test('covers every top-level and point field of the trend file, each with a description', () => {
		const rows = schemaFields(trendFileSchema);
		const paths = rows.map((r) => r.path);
		for (const key of Object.keys(trendFileSchema.shape)) expect(paths).toContain(key);
		// The point schema is wrapped in refinements; its fields still come through the JSON Schema.
		for (const key of ['date', 'commit', 'overall_percent', 'test_count', 'branch_coverage', 'counts'])
			expect(paths).toContain(`coverage_history[].${key}`);
		expect(rows.filter((r) => r.description === '').map((r) => r.path)).toEqual([]);
		expect(rows.find((r) => r.path === 'coverage_history[].overall_percent')).toMatchObject({
			type: 'number, 0 to 100',
			required: true,
		});
	});
});
