import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	FOLDER_INDEX_ID,
	folderIndexSchema,
	isDataFileEntry,
	withFolderIndex,
} from '../../../src/lib/dataDir/folderIndex.ts';
import { compactSnapshotSchema } from '../../../src/lib/schemas/compactSnapshot.ts';
import { coverageReportSchema } from '../../../src/lib/schemas/coveragepy.ts';
import { compactSnapshot } from '../../../src/lib/snapshot/compactSnapshot.ts';
import { REPORTS } from '../../helpers/trend.ts';

describe('the types the collections declare', () => {
	test.each(['coverage-branch.json', 'coverage-nobranch.json', 'coverage7-branch.json'])(
		'what the compactor makes of %s fits the snapshots collection’s schema',
		(name) => {
			const report = coverageReportSchema.parse(JSON.parse(readFileSync(`${REPORTS}/${name}`, 'utf8')));
			const compact = compactSnapshot(report);
			expect(compactSnapshotSchema.parse(compact)).toEqual(compact);
		},
	);

	test('the schema refuses a file tuple with a field missing or out of place', () => {
		const meta = { version: '7.11.0', timestamp: '2026-03-01T09:00:00', branch_coverage: true };
		expect(compactSnapshotSchema.safeParse({ meta, files: { 'a.py': [1, 1, 0, 0, 0, ''] } }).success).toBe(false);
		expect(compactSnapshotSchema.safeParse({ meta, files: { 'a.py': [1, 1, 0, 0, 0, [], ''] } }).success).toBe(false);
	});

	test('a folder’s index entry lists its data files, fits its own schema, and is left out of the data files', () => {
		const entries = withFolderIndex([
			{ id: '2026-03-01_abc1234_tests', data: { n: 1 } },
			{ id: '2026-03-02_def5678_tests', data: { n: 2 } },
		]);
		const index = entries.find((e) => e.id === FOLDER_INDEX_ID)!;
		expect(folderIndexSchema.parse(index.data)).toEqual({
			ids: ['2026-03-01_abc1234_tests', '2026-03-02_def5678_tests'],
		});
		expect(entries.filter(isDataFileEntry).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
		expect(withFolderIndex([]).filter(isDataFileEntry)).toEqual([]);
	});
});
