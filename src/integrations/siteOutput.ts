/**
 * Files the build writes into its output folder itself, after Astro has written its pages (source
 * pages and their data, forwarding pages of tests). A path from data never leaves the output folder,
 * a file Astro built is never overwritten, and nothing is written through a symbolic link: each file
 * is created new (`wx`: an existing name, a link among them, is refused by the kernel), in a folder
 * whose real path is checked to lie inside the output's.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** A writer of new files under `outDir`; `write` returns false when the name exists already (the file is left alone). */
export interface SiteOutput {
	write(path: string, content: string): boolean;
}

const inside = (root: string, path: string) => {
	const r = relative(root, path);
	return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
};

/** The writer of the output folder `outDir` (it exists: Astro made it). */
export function siteOutput(outDir: string): SiteOutput {
	const root = realpathSync(outDir);
	const folders = new Set<string>();
	return {
		write(path, content) {
			const file = resolve(root, path);
			if (!inside(root, file) || file === root)
				throw new Error(`${path}: refused, the path leaves the build's output folder ${outDir}`);
			const folder = dirname(file);
			if (!folders.has(folder)) {
				mkdirSync(folder, { recursive: true });
				if (!inside(root, realpathSync(folder)))
					throw new Error(`${folder}: refused, a symbolic link leads out of the build's output folder`);
				folders.add(folder);
			}
			try {
				writeFileSync(file, content, { flag: 'wx' });
				return true;
			} catch (err) {
				if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
				throw err;
			}
		},
	};
}
