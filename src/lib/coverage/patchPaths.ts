import { normalizeReportPath } from './domainCoverage.ts';

/**
 * How a report's paths become repository paths: cut `strip` from the front (an absolute checkout
 * path), then put `prefix` before them (the folder coverage ran in, e.g. `examples/atom-backend/`).
 */
export interface PathMapping {
	strip: string;
	prefix: string;
}

/** The repository path of a report path under a mapping; null when the path does not start with `strip`. */
export function toRepoPath(reportPath: string, mapping: PathMapping): string | null {
	const p = normalizeReportPath(reportPath);
	if (!p.startsWith(mapping.strip)) return null;
	return mapping.prefix + p.slice(mapping.strip.length);
}

/** A mapping that only puts a folder in front (`--path-prefix`); `''` and `.` mean the repository root. */
export function prefixMapping(prefix: string): PathMapping {
	const clean = prefix
		.replace(/\\/g, '/')
		.replace(/^(?:\.\/)+/, '')
		.replace(/^\.$/, '');
	return { strip: '', prefix: clean === '' || clean.endsWith('/') ? clean : `${clean}/` };
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** How many of the report's paths a mapping puts on a file of the repository. */
function countMatches(reportPaths: readonly string[], repo: ReadonlySet<string>, mapping: PathMapping): number {
	let n = 0;
	for (const r of reportPaths) {
		const g = toRepoPath(r, mapping);
		if (g !== null && repo.has(g)) n++;
	}
	return n;
}

/**
 * Find the mapping that makes the most report files exist in the repository (`git ls-files`), with no
 * help from the user: candidates come from a sample of report paths whose repository twin ends with
 * them (a folder in front) or that end with it (an absolute path); the shortest prefix wins a tie.
 */
export function findPathMapping(
	reportPaths: readonly string[],
	repoPaths: Iterable<string>,
): { mapping: PathMapping; matched: number } {
	const repo = new Set(repoPaths);
	const byName = new Map<string, string[]>();
	for (const g of repo) {
		const name = basename(g);
		const list = byName.get(name);
		if (list) list.push(g);
		else byName.set(name, [g]);
	}
	const candidates = new Map<string, { mapping: PathMapping; votes: number }>();
	const vote = (mapping: PathMapping) => {
		const key = `${mapping.strip}\0${mapping.prefix}`;
		const c = candidates.get(key) ?? { mapping, votes: 0 };
		c.votes++;
		candidates.set(key, c);
	};
	vote({ strip: '', prefix: '' });
	const voteFor = (reportPath: string) => {
		const r = normalizeReportPath(reportPath);
		for (const g of byName.get(basename(r)) ?? []) {
			if (g.endsWith(r) && (g.length === r.length || g[g.length - r.length - 1] === '/'))
				vote({ strip: '', prefix: g.slice(0, g.length - r.length) });
			else if (r.endsWith(g) && r[r.length - g.length - 1] === '/')
				vote({ strip: r.slice(0, r.length - g.length), prefix: '' });
		}
	};
	// A spread sample keeps this fast on 100,000-file reports; the winner is then checked on every path.
	const step = Math.max(1, Math.floor(reportPaths.length / 200));
	for (let i = 0; i < reportPaths.length; i += step) voteFor(reportPaths[i]!);
	// Few of the report's files in the repository (a partial checkout): look at every path until one votes.
	for (let i = 0; i < reportPaths.length && candidates.size === 1; i++) voteFor(reportPaths[i]!);
	const ranked = [...candidates.values()].sort((a, b) => b.votes - a.votes).slice(0, 5);
	let best = { mapping: { strip: '', prefix: '' }, matched: -1 };
	for (const { mapping } of ranked) {
		const matched = countMatches(reportPaths, repo, mapping);
		const shorter =
			mapping.prefix.length + mapping.strip.length < best.mapping.prefix.length + best.mapping.strip.length;
		if (matched > best.matched || (matched === best.matched && shorter)) best = { mapping, matched };
	}
	return best;
}
