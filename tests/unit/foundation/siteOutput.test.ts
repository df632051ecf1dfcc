import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteOutput } from '../../../src/integrations/siteOutput.ts';

/** A fresh output folder and, beside it, a folder a hostile link may point into. */
function folders() {
	const root = mkdtempSync(join(tmpdir(), 'site-output-'));
	const out = join(root, 'dist');
	const outside = join(root, 'outside');
	mkdirSync(out);
	mkdirSync(outside);
	return { out, outside };
}

describe('files the build writes into its output itself', () => {
	test('writes new files in new folders', () => {
		const { out } = folders();
		const output = siteOutput(out);
		expect(output.write('tests/a-1/index.html', 'a')).toBe(true);
		expect(output.write('coverage/files/x.json', '{}')).toBe(true);
		expect(readFileSync(join(out, 'tests/a-1/index.html'), 'utf8')).toBe('a');
	});

	test('leaves a file Astro built alone', () => {
		const { out } = folders();
		mkdirSync(join(out, 'tests/a-1'), { recursive: true });
		writeFileSync(join(out, 'tests/a-1/index.html'), 'full page');
		expect(siteOutput(out).write('tests/a-1/index.html', 'forwarding')).toBe(false);
		expect(readFileSync(join(out, 'tests/a-1/index.html'), 'utf8')).toBe('full page');
	});

	test('refuses a path that leaves the output folder, naming it', () => {
		const { out, outside } = folders();
		expect(() => siteOutput(out).write('../outside/index.html', 'x')).toThrow(
			/^\.\.\/outside\/index\.html: refused, the path leaves the build's output folder \/.*\/dist$/,
		);
		expect(() => siteOutput(out).write('/etc/x', 'x')).toThrow(/refused/);
		expect(existsSync(join(outside, 'index.html'))).toBe(false);
	});

	test('never writes through a link: not a linked file, not a linked folder', () => {
		const { out, outside } = folders();
		writeFileSync(join(outside, 'victim'), 'kept');
		mkdirSync(join(out, 'tests/a-1'), { recursive: true });
		symlinkSync(join(outside, 'victim'), join(out, 'tests/a-1/index.html'));
		// A dangling link too: creating its target would write outside.
		symlinkSync(join(outside, 'made-by-link'), join(out, 'tests/a-1/data.json'));
		symlinkSync(outside, join(out, 'linked'));
		const output = siteOutput(out);
		expect(output.write('tests/a-1/index.html', 'x')).toBe(false);
		expect(output.write('tests/a-1/data.json', 'x')).toBe(false);
		expect(() => output.write('linked/index.html', 'x')).toThrow(/linked: refused, a symbolic link leads out/);
		expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('kept');
		expect(existsSync(join(outside, 'made-by-link'))).toBe(false);
		expect(existsSync(join(outside, 'index.html'))).toBe(false);
	});
});
