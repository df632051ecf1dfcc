/**
 * The wire format of `/tests/history/<shard>.json`: each test's result and duration per kept run,
 * for the tests without a page of their own, fetched by `/tests/all/` when a reader opens one
 * test's history. Tests go into 256 shards by the last two hex digits of their slug (its hash), so
 * one history costs one small request however large the suite is.
 */
import type { TestStatus } from '../schemas/testResult.ts';
import type { TestHistory } from './testHistory.ts';

/** One letter per status; upper case when the run needed reruns; `-` where the test did not run. */
export const STATUS_LETTER: Record<TestStatus, string> = { passed: 'p', failed: 'f', error: 'e', skipped: 's' };
/** The letter of a run the test was not in. */
export const ABSENT = '-';

/** Positions in a shard entry: `[letters, durations]`. */
export const LETTERS = 0;
export const DURATIONS = 1;

/** One test's history: a letter per kept run, and the duration per run (null where absent). */
export type ShardEntry = [string, (number | null)[]];

/** `/tests/history/<shard>.json`: histories by slug. */
export type HistoryShard = Record<string, ShardEntry>;

/** The shard a slug lives in: two lower-case hex digits. */
export function shardOf(slug: string): string {
	return slug.slice(-2);
}

/** Every shard name (`00` … `ff`). */
export const SHARDS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Pack one test's history over `runCount` kept runs. */
export function packShardEntry(history: Pick<TestHistory, 'observations'>, runCount: number): ShardEntry {
	const letters: string[] = Array.from({ length: runCount }, () => ABSENT);
	const durations: (number | null)[] = Array.from({ length: runCount }, () => null);
	for (const o of history.observations) {
		const letter = STATUS_LETTER[o.status];
		letters[o.run] = o.attempts.length ? letter.toUpperCase() : letter;
		durations[o.run] = o.duration;
	}
	return [letters.join(''), durations];
}

/** The tests of each shard that holds any, by shard name. */
export function shardGroups<T extends Pick<TestHistory, 'slug'>>(tests: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const t of tests) {
		const id = shardOf(t.slug);
		let group = groups.get(id);
		if (!group) groups.set(id, (group = []));
		group.push(t);
	}
	return groups;
}

/** Pack the histories of one shard's tests. */
export function packShard(
	tests: readonly Pick<TestHistory, 'slug' | 'observations'>[],
	runCount: number,
): HistoryShard {
	const shard: HistoryShard = {};
	for (const t of tests) shard[t.slug] = packShardEntry(t, runCount);
	return shard;
}

/** Group the histories into shards and pack each. */
export function packShards(
	tests: readonly Pick<TestHistory, 'slug' | 'observations'>[],
	runCount: number,
): Map<string, HistoryShard> {
	return new Map([...shardGroups(tests)].map(([id, group]) => [id, packShard(group, runCount)]));
}

/** One run of an unpacked entry. */
export interface ShardRun {
	status: TestStatus | null;
	rerun: boolean;
	duration: number | null;
}

const BY_LETTER: Record<string, TestStatus> = { p: 'passed', f: 'failed', e: 'error', s: 'skipped' };

/** Unpack an entry into one item per kept run, oldest first. */
export function unpackShardEntry(entry: ShardEntry): ShardRun[] {
	return [...entry[LETTERS]].map((letter, i) => ({
		status: BY_LETTER[letter.toLowerCase()] ?? null,
		rerun: letter !== ABSENT && letter !== letter.toLowerCase(),
		duration: entry[DURATIONS][i] ?? null,
	}));
}
