/**
 * The entry that lists a folder collection's files. An empty folder is a normal state (nothing recorded yet), but Astro warns
 * "does not exist or is empty … check your content config" for an empty collection; the index entry
 * keeps the collection non-empty, and `src/data/collections.ts` leaves it out.
 */
import { z } from 'zod';

/** Id of the index entry. No data file can have it: `listJsonFiles` skips dot files. */
export const FOLDER_INDEX_ID = '.index';

/** zod schema of the index entry's data: the ids of the folder's data files. */
export const folderIndexSchema = z.strictObject({ ids: z.array(z.string()) });

/** The index entry's data. */
export type FolderIndex = z.output<typeof folderIndexSchema>;

/** Add the index entry to a folder collection's entries. */
export function withFolderIndex<T extends { id: string; data: Record<string, unknown> }>(
	entries: T[],
): Array<T | { id: string; data: FolderIndex }> {
	return [...entries, { id: FOLDER_INDEX_ID, data: { ids: entries.map((e) => e.id) } }];
}

/** Whether an entry of a folder collection is a data file's (true for every entry but the index). */
export function isDataFileEntry<E extends { id: string; data: unknown }>(
	entry: E,
): entry is E & { data: Exclude<E['data'], FolderIndex> } {
	return entry.id !== FOLDER_INDEX_ID;
}
