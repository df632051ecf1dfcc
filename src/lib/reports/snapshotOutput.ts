/**
 * The snapshot `record` keeps, filled from byte ranges of the coverage.py report as the reducer
 * (`coveragepyReduce`) scans it: into one buffer, or streamed to a sink chunk by chunk.
 */

/** Where the snapshot's bytes go, chunk by chunk, in order. */
export type ByteSink = (chunk: Buffer) => void;

const CHUNK = 1 << 20;

/**
 * The snapshot, filled from byte ranges of the input: into one buffer (untouched pages of it cost no
 * memory), or, with a sink, through a 1 MiB chunk so that the snapshot is never held whole.
 */
export class SnapshotOutput {
	readonly src: Buffer;
	snap: Buffer;
	readonly sink: ByteSink | undefined;
	snapLength = 0;
	constructor(src: Buffer, sink?: ByteSink) {
		this.src = src;
		this.sink = sink;
		this.snap = Buffer.allocUnsafe(sink ? CHUNK : src.length + 16);
	}
	range(start: number, end: number): void {
		this.copy(this.src, start, end);
	}
	/** Text made here rather than cut from the input (executed line ranges, reduced regions). */
	text(value: string): void {
		const bytes = Buffer.from(value, 'utf8');
		this.copy(bytes, 0, bytes.length);
	}
	byte(c: number): void {
		if (this.sink && this.snapLength >= CHUNK) this.flush();
		this.room(1);
		this.snap[this.snapLength++] = c;
	}
	private copy(from: Buffer, start: number, end: number): void {
		if (this.sink && this.snapLength + (end - start) > CHUNK) {
			this.flush();
			if (end - start > CHUNK) return this.sink(from.subarray(start, end));
		}
		this.room(end - start);
		this.snapLength += from.copy(this.snap, this.snapLength, start, end);
	}
	/** Without a sink the buffer is the input's size, which made text can exceed on odd input: grow it then. */
	private room(n: number): void {
		if (this.snapLength + n <= this.snap.length) return;
		const bigger = Buffer.allocUnsafe(Math.max(this.snap.length * 2, this.snapLength + n));
		this.snap.copy(bigger, 0, 0, this.snapLength);
		this.snap = bigger;
	}
	/** Hand the chunk to the sink (a copy: the chunk buffer is reused). */
	flush(): void {
		if (this.sink && this.snapLength > 0) this.sink(Buffer.from(this.snap.subarray(0, this.snapLength)));
		this.snapLength = 0;
	}
}
