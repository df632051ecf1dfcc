/**
 * Id of the entry that lists a folder collection's files. No data file can have it: `listJsonFiles`
 * skips dot files. An empty folder is a normal state (nothing recorded yet), but Astro warns
 * "does not exist or is empty … check your content config" for an empty collection; the index entry
 * keeps the collection non-empty, and `src/collections.ts` leaves it out.
 */
export const FOLDER_INDEX_ID = '.index';

/** Add the index entry to a folder collection's entries. */
export function withFolderIndex<T extends { id: string; data: Record<string, unknown> }>(
	entries: T[],
): Array<T | { id: string; data: { ids: string[] } }> {
	return [...entries, { id: FOLDER_INDEX_ID, data: { ids: entries.map((e) => e.id) } }];
}
