import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { prepareFile, writeFileAtomically } from '../../../src/lib/dataDir/atomicFile.ts';
import { DataError } from '../../../src/lib/dataDir/dataError.ts';
import { LOCK_NAME, withDataLock } from '../../../src/lib/dataDir/dataLock.ts';
import { streamedFile } from '../../../src/lib/dataDir/streamedFile.ts';
import { removeLeftTemporaries, temporaryFor } from '../../../src/lib/dataDir/temporaries.ts';
import { stopPoint } from '../../../src/lib/dataDir/stopPoint.ts';
import { tempDataDir } from '../../helpers/trend.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'atomic-'));
/** A process id that runs no process: above the kernel's default pid_max. */
const DEAD_PID = 4_194_305;

describe('atomic writes', () => {
	test('replace the file whole and leave no temporary file', () => {
		const dir = folder();
		writeFileAtomically(join(dir, 'a.json'), 'old\n');
		writeFileAtomically(join(dir, 'a.json'), Buffer.from('new\n'));
		expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new\n');
		expect(readdirSync(dir)).toEqual(['a.json']);
	});

	test('a write that cannot happen names the file, keeps nothing half-written', () => {
		const dir = folder();
		writeFileSync(join(dir, 'not-a-folder'), 'x');
		const write = () => writeFileAtomically(join(dir, 'not-a-folder', 'a.json'), 'x');
		expect(write).toThrow(DataError);
		expect(write).toThrow(`${join(dir, 'not-a-folder', 'a.json')}: could not write (`);
		expect(readdirSync(dir)).toEqual(['not-a-folder']);
	});

	test('refuse to replace a symbolic link, and the file it points to keeps its bytes', () => {
		const dir = folder();
		writeFileSync(join(dir, 'target'), 'keep\n');
		symlinkSync(join(dir, 'target'), join(dir, 'link.json'));
		expect(() => writeFileAtomically(join(dir, 'link.json'), 'x')).toThrow(/is a symbolic link/);
		expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('keep\n');
		expect(readdirSync(dir).sort()).toEqual(['link.json', 'target']);
	});

	test('a file that reads back wrong is not kept', () => {
		const dir = folder();
		const check = () => {
			throw new Error('EIO: read back different');
		};
		expect(() => prepareFile(join(dir, 'a.json'), 'x', check)).toThrow(/a\.json: could not write \(EIO/);
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('a streamed snapshot', () => {
	test('arrives whole in its temporary file, and is gone once discarded', () => {
		const dir = folder();
		const stream = streamedFile(dir, 1024);
		stream.sink(Buffer.from('{"a":'));
		stream.sink(Buffer.from('1}\n'));
		const done = stream.finish();
		expect(done).toEqual({ temporary: temporaryFor(join(dir, 'snapshot')), bytes: 8, over: false });
		expect(readFileSync(done.temporary!, 'utf8')).toBe('{"a":1}\n');
		stream.discard();
		expect(readdirSync(dir)).toEqual([]);
	});

	test('past its limit stops taking disk space and only counts', () => {
		const dir = folder();
		const stream = streamedFile(dir, 10);
		stream.sink(Buffer.alloc(8));
		stream.sink(Buffer.alloc(8));
		expect(readdirSync(dir)).toEqual([]);
		stream.sink(Buffer.alloc(8));
		expect(stream.finish()).toEqual({ temporary: null, bytes: 24, over: true });
	});
});

describe('temporary files left by killed runs', () => {
	test('go when their process is gone or they are old; a running process keeps its fresh one', () => {
		const dir = folder();
		mkdirSync(join(dir, 'snapshots'));
		const dead = join(dir, `.coverage_trend.json.${DEAD_PID}.tmp`);
		const live = join(dir, 'snapshots', `.x_coverage.json.${process.ppid}.tmp`);
		const liveOld = join(dir, `.snapshot.${process.ppid}.tmp`);
		const notOurs = join(dir, 'notes.tmp');
		for (const path of [dead, live, liveOld, notOurs]) writeFileSync(path, 'x');
		const old = new Date(Date.now() - 11 * 60_000);
		utimesSync(liveOld, old, old);
		symlinkSync(join(dir, 'notes.tmp'), join(dir, `.link.${DEAD_PID}.tmp`));
		expect(removeLeftTemporaries([dir, join(dir, 'snapshots'), join(dir, 'missing')]).sort()).toEqual(
			[dead, liveOld].sort(),
		);
		expect(readdirSync(dir).sort()).toEqual([`.link.${DEAD_PID}.tmp`, 'notes.tmp', 'snapshots']);
		expect(readdirSync(join(dir, 'snapshots'))).toEqual([`.x_coverage.json.${process.ppid}.tmp`]);
	});
});

describe('the data directory lock', () => {
	test('is refreshed between long steps, so a waiting run never finds it stale', async () => {
		const dir = tempDataDir();
		await withDataLock(
			dir,
			async (lock) => {
				const before = statSync(join(dir, LOCK_NAME)).mtimeMs;
				// A long synchronous step: the event loop (and so the lock's refresh) is blocked.
				for (const end = Date.now() + 700; Date.now() < end;);
				await lock.refresh();
				expect(statSync(join(dir, LOCK_NAME)).mtimeMs).toBeGreaterThan(before);
			},
			2_000,
		);
	});

	test('a lock path that is a link is refused', async () => {
		const dir = tempDataDir();
		symlinkSync(folder(), join(dir, LOCK_NAME));
		await expect(withDataLock(dir, () => 1)).rejects.toThrow(/\.trend\.lock: is a symbolic link/);
	});
});

test('a kill point other than the one named lets the run go on', () => {
	expect(() => stopPoint('locked', { TREND_KILL_AT: 'pruned' })).not.toThrow();
	expect(() => stopPoint('locked', {})).not.toThrow();
});
