import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fingerprint of a loader's inputs: the name and content of each file (every `.json` file for a
 * folder). Content, not modification time, so that a rewrite within one clock tick still counts;
 * hashing is about ten times cheaper than parsing and validating the same bytes.
 */
export function inputStamp(paths: readonly string[]): string {
	const parts: string[] = [];
	for (const path of paths) {
		if (!existsSync(path)) {
			parts.push(`${path}:missing`);
			continue;
		}
		if (!statSync(path).isDirectory()) {
			parts.push(`${path}:${fileHash(path)}`);
			continue;
		}
		for (const name of readdirSync(path).sort()) {
			if (name.endsWith('.json')) parts.push(`${path}/${name}:${fileHash(join(path, name))}`);
		}
	}
	return createHash('sha1').update(parts.join('\n')).digest('hex');
}

/** SHA-1 of one file’s bytes. */
function fileHash(path: string): string {
	return createHash('sha1').update(readFileSync(path)).digest('hex');
}

/** A digest of every `.ts` file under a folder: the code that turns data files into entries. */
export function codeDigest(dir: string): string {
	const hash = createHash('sha1');
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
		}
	};
	walk(dir);
	return hash.digest('hex');
}
