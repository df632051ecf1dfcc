import { deflateSync } from 'node:zlib';

/**
 * Bytes a new file takes in a git repository as a loose object: the header `blob <size>\0` and the
 * content, zlib-compressed at git's `core.looseCompression` default (level 1, best speed). Git's own
 * zlib may differ by a few percent (`scripts/bench/test-runs.ts` prints both); packing (level 6,
 * deltas against the previous run's record) only makes it smaller.
 */
export function storedSize(text: string): number {
	const body = Buffer.from(text, 'utf8');
	return deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]), { level: 1 }).length;
}
