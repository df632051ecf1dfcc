/**
 * Source pages' data, read straight from the data directory and the checkout (the build writes
 * them after Astro's pages, see `src/integrations/sourcePages.ts`): for every measured file of the
 * newest snapshot, its line marks from the snapshot file itself and its code from the checkout under
 * `source_root`, shown only when it matches the snapshot's commit.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DATA_FILES, listJsonFiles, loadConfig, loadSnapshot, loadTrend } from '../dataDir/dataDir.ts';
import { readCheckout, repositoryRoot } from '../dataDir/gitCheckout.ts';
import { domainCoverage, normalizeReportPath } from '../coverage/domainCoverage.ts';
import { summaryOf } from '../coverage/counts.ts';
import { commitUrl, repositoryUrl } from '../trend/commitLinks.ts';
import { decodeSource, sourceLines } from '../text/decodeSource.ts';
import { sourceFile } from './sourceFile.ts';
import { sourceState } from './sourceMatch.ts';
import type { Highlight } from './highlightCache.ts';
import type { SourceFileJson } from './sourceFileJson.ts';

/** Highlights a file's code: `path` its report path, `text` its whole text, `lines` its lines. */
export type Highlighter = (path: string, text: string, lines: string[]) => Highlight;

/** The newest snapshot's files and how to make each one's page data. */
export interface SourceSite {
	/** Report paths of the measured files, in the snapshot's order. */
	paths: string[];
	/** One file's page data. */
	page(path: string, highlight: Highlighter): SourceFileJson;
}

/** A regular file whose real path (symlinks followed) is inside the repository: nothing else is published. */
function isFileInside(abs: string, realRoot: string): boolean {
	try {
		const real = realpathSync(abs);
		const rel = relative(realRoot, real);
		return statSync(real).isFile() && !rel.startsWith('..') && !isAbsolute(rel);
	} catch {
		return false;
	}
}

/**
 * The source site of data directory `dataDir` for a site under `base` (ending in `/`); `cwd` is the
 * folder `source_root` is relative to. Null when nothing has been recorded yet.
 */
export function openSourceSite(dataDir: string, base: string, cwd: string): SourceSite | null {
	const config = loadConfig(dataDir);
	const name = listJsonFiles(join(dataDir, DATA_FILES.snapshots)).at(-1);
	if (!name) return null;
	const report = loadSnapshot(dataDir, name);
	const point = loadTrend(dataDir).coverage_history.findLast((p) => p.snapshot === name) ?? null;
	// The repository that holds the source folder (the project's own, or a checkout of the backend).
	const sourceDir = resolve(cwd, config.source_root);
	const root = repositoryRoot(sourceDir) ?? sourceDir;
	const folder = relative(root, sourceDir).split('\\').join('/');
	let realRoot = root;
	try {
		realRoot = realpathSync(root);
	} catch {
		// No such folder: every file is then missing.
	}
	const commit = point?.commit ?? null;
	const snapshotDate = (point?.date ?? report.meta.timestamp).slice(0, 10);
	const repository = repositoryUrl(config.repository);
	const checkout = readCheckout(root, commit, folder || '.');
	const domainIds = new Map<string, string[]>();
	for (const [id, paths] of Object.entries(domainCoverage(report.files, config, summaryOf).filesByDomain))
		for (const p of paths) domainIds.set(p, [...(domainIds.get(p) ?? []), id]);
	const domainsOf = (path: string) =>
		(domainIds.get(path) ?? []).map((id) => ({
			label: config.domains.find((d) => d.id === id)?.label ?? id,
			href: `${base}coverage/${id}/`,
		}));
	return {
		paths: Object.keys(report.files),
		page(path, highlight) {
			const file = report.files[path]!;
			const normal = normalizeReportPath(path);
			const inside = !isAbsolute(normal) && !normal.split('/').includes('..');
			const repoPath = inside ? (folder ? `${folder}/${normal}` : normal) : null;
			const abs = repoPath === null ? null : join(root, repoPath);
			const state = sourceState(repoPath, abs !== null && isFileInside(abs, realRoot), commit, checkout);
			let code = null;
			if (state === 'shown' && abs) {
				const { text, encoding } = decodeSource(readFileSync(abs));
				const lines = sourceLines(text);
				code = { lines, encoding, ...highlight(path, text, lines) };
			}
			const fileUrl =
				repository && repoPath && commit && /^[0-9a-f]{7,64}$/i.test(commit)
					? `${repository}/blob/${commit}/${repoPath.split('/').map(encodeURIComponent).join('/')}`
					: null;
			return sourceFile(
				path,
				file,
				state,
				code,
				{
					domains: domainsOf(path),
					snapshotDate,
					commit,
					commitUrl: commit ? commitUrl(repository, commit) : null,
					fileUrl,
					branchCoverage: report.meta.branch_coverage,
				},
				report.meta.version,
			);
		},
	};
}
