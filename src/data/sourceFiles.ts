/**
 * Source pages' data: for every measured file of the newest snapshot, its line marks from the
 * snapshot file itself (the collection keeps only counts) and its code from the checkout under
 * `source_root`, shown only when it matches the snapshot's commit, highlighted once at build time.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { getCoverageConfig } from './collections.ts';
import { keptSnapshots } from './snapshots.ts';
import { getHighlighter } from './highlighter.ts';
import { dataDirFromEnv, loadSnapshot } from '../lib/dataDir/dataDir.ts';
import { readCheckout, repositoryRoot } from '../lib/dataDir/gitCheckout.ts';
import { normalizeReportPath } from '../lib/coverage/domainCoverage.ts';
import { commitUrl, repositoryUrl } from '../lib/trend/commitLinks.ts';
import { decodeSource, sourceLines } from '../lib/text/decodeSource.ts';
import { highlightLines } from '../lib/snapshot/highlight.ts';
import { fileSlug } from '../lib/snapshot/fileSlug.ts';
import { sourceFile } from '../lib/snapshot/sourceFile.ts';
import { sourceState, type Checkout } from '../lib/snapshot/sourceMatch.ts';
import type { SourceFileJson } from '../lib/snapshot/sourceFileJson.ts';
import type { CoverageReport } from '../lib/schemas/coveragepy.ts';

/** What every page of the newest snapshot shares. */
interface SourceContext {
	report: CoverageReport;
	checkout: Checkout;
	/** Absolute repository root (null without git: then the project folder). */
	root: string;
	/** `source_root` as a path from the repository root, with forward slashes. */
	folder: string;
	snapshotName: string;
	snapshotDate: string;
	commit: string | null;
	repository: string | undefined;
	domainsOf: (path: string) => Array<{ label: string; href: string }>;
}

let context: Promise<SourceContext | null> | null = null;

function sourceContext(): Promise<SourceContext | null> {
	context ??= (async () => {
		const [config, snapshots] = await Promise.all([getCoverageConfig(), keptSnapshots()]);
		const newest = snapshots.at(-1);
		if (!newest) return null;
		const report = loadSnapshot(resolve(dataDirFromEnv()), newest.name);
		// The repository that holds the source folder (the project's own, or a checkout of the backend).
		const sourceDir = resolve(process.cwd(), config.source_root);
		const root = repositoryRoot(sourceDir) ?? sourceDir;
		const folder = relative(root, sourceDir).split('\\').join('/');
		const commit = newest.point?.commit ?? null;
		const base = import.meta.env.BASE_URL;
		const domainIds = new Map<string, string[]>();
		for (const [id, paths] of Object.entries(newest.coverage.filesByDomain))
			for (const p of paths) domainIds.set(p, [...(domainIds.get(p) ?? []), id]);
		return {
			report,
			checkout: readCheckout(root, commit, folder || '.'),
			root,
			folder,
			snapshotName: newest.name,
			snapshotDate: newest.date,
			commit,
			repository: repositoryUrl(config.repository),
			domainsOf: (path) =>
				(domainIds.get(path) ?? []).map((id) => ({
					label: config.domains.find((d) => d.id === id)?.label ?? id,
					href: `${base}coverage/${id}/`,
				})),
		};
	})();
	return context;
}

/** A regular file whose real path (symlinks followed) is inside the repository: nothing else is published. */
function isFileInside(abs: string, root: string): boolean {
	try {
		const real = realpathSync(abs);
		const rel = relative(realpathSync(root), real);
		return statSync(real).isFile() && !rel.startsWith('..') && !isAbsolute(rel);
	} catch {
		return false;
	}
}

/** The measured files of the newest snapshot with their slugs (none without a snapshot). */
export async function sourcePages(): Promise<Array<{ slug: string; path: string }>> {
	// SOURCE_PAGES=0 builds the site without them (the benchmark's baseline, or a site that must stay small).
	if (process.env.SOURCE_PAGES === '0') return [];
	const ctx = await sourceContext();
	return ctx ? Object.keys(ctx.report.files).map((path) => ({ slug: fileSlug(path), path })) : [];
}

/** One file's page data. */
export async function sourcePage(path: string): Promise<SourceFileJson> {
	const ctx = (await sourceContext())!;
	const file = ctx.report.files[path]!;
	const normal = normalizeReportPath(path);
	const inside = !isAbsolute(normal) && !normal.split('/').includes('..');
	const repoPath = inside ? (ctx.folder ? `${ctx.folder}/${normal}` : normal) : null;
	const abs = repoPath === null ? null : join(ctx.root, repoPath);
	const state = sourceState(repoPath, abs !== null && isFileInside(abs, ctx.root), ctx.commit, ctx.checkout);
	let code = null;
	if (state === 'shown' && abs) {
		const { text, encoding } = decodeSource(readFileSync(abs));
		const lines = sourceLines(text);
		code = { lines, encoding, ...highlightLines(await getHighlighter(), lines) };
	}
	const fileUrl =
		ctx.repository && repoPath && ctx.commit && /^[0-9a-f]{7,64}$/i.test(ctx.commit)
			? `${ctx.repository}/blob/${ctx.commit}/${repoPath.split('/').map(encodeURIComponent).join('/')}`
			: null;
	return sourceFile(path, file, state, code, {
		domains: ctx.domainsOf(path),
		snapshotDate: ctx.snapshotDate,
		commit: ctx.commit,
		commitUrl: ctx.commit ? commitUrl(ctx.repository, ctx.commit) : null,
		fileUrl,
		branchCoverage: ctx.report.meta.branch_coverage,
	});
}
