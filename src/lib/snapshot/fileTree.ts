/**
 * A domain's files as a directory tree with coverage.py subtotals on every directory, flattened
 * into compact rows that a page can ship as JSON and render lazily.
 */
import { compactCounts, compactFunctions, compactMissing, type FunctionFigures } from './compactFile.ts';
import type { CompactSnapshot } from './compactSnapshot.ts';
import { packNode, type PackedNode } from './packedNode.ts';
import { addCounts, emptyCounts, missingLines, percentCovered, type Counts } from '../coverage/counts.ts';
import { normalizeReportPath } from '../coverage/domainCoverage.ts';

/** One measured file of the tree. */
export interface FileRow {
	path: string;
	counts: Counts;
	/** Missing lines as ranges (`3-5, 9`), shortened for very long lists. */
	missing: string;
	/** Named functions, when the snapshot has regions (coverage.py 7 `functions`; code outside any function is left out). */
	functions: FunctionFigures[];
}

/** A directory or a file with the sum of everything under it. */
export interface TreeNode {
	/** Last path segment(s): chains of single directories are joined, like `core/governance`. */
	name: string;
	/** Full path from the root. */
	path: string;
	counts: Counts;
	children: TreeNode[];
	file?: FileRow;
}

/** The rows of the given snapshot paths. */
export function fileRows(snapshot: Pick<CompactSnapshot, 'files'>, paths: readonly string[]): FileRow[] {
	return paths.map((path) => {
		const file = snapshot.files[path]!;
		return { path, counts: compactCounts(file), missing: compactMissing(file), functions: compactFunctions(file) };
	});
}

/** Build the tree of `rows`; directories carry the sum of their files. */
export function buildFileTree(rows: readonly FileRow[]): TreeNode {
	const root: TreeNode = { name: '', path: '', counts: emptyCounts(), children: [] };
	for (const row of rows) {
		const parts = normalizeReportPath(row.path).split('/');
		let node = root;
		node.counts = addCounts(node.counts, row.counts);
		for (let k = 0; k < parts.length - 1; k++) {
			const path = parts.slice(0, k + 1).join('/');
			let child = node.children.find((c) => !c.file && c.path === path);
			if (!child) {
				child = { name: parts[k]!, path, counts: emptyCounts(), children: [] };
				node.children.push(child);
			}
			child.counts = addCounts(child.counts, row.counts);
			node = child;
		}
		node.children.push({ name: parts.at(-1)!, path: row.path, counts: row.counts, children: [], file: row });
	}
	return collapseChains(root);
}

/** Join directories that hold exactly one directory and nothing else (`core` + `governance`). */
function collapseChains(node: TreeNode): TreeNode {
	node.children = node.children.map(collapseChains);
	const only = node.children[0];
	if (node.children.length === 1 && only && !only.file && !node.file) {
		return { ...only, name: node.name ? `${node.name}/${only.name}` : only.name };
	}
	return node;
}

/** Flatten a tree depth-first into packed rows (percent rounded to 2 decimals). */
export function packTree(root: TreeNode): PackedNode[] {
	const out: PackedNode[] = [];
	const visit = (node: TreeNode, parent: number) => {
		const c = node.counts;
		const index = out.length;
		out.push(
			packNode({
				parent,
				name: node.name,
				isFile: !!node.file,
				statements: c.num_statements,
				missing: missingLines(c),
				branches: c.num_branches,
				partial: c.num_partial_branches,
				percent: Math.round(percentCovered(c) * 100) / 100,
				missingLines: node.file?.missing ?? '',
				functions: (node.file?.functions ?? []).map((f) => ({
					name: f.name,
					statements: f.counts.num_statements,
					missing: missingLines(f.counts),
					percent: Math.round(percentCovered(f.counts) * 100) / 100,
				})),
			}),
		);
		for (const child of node.children) visit(child, index);
	};
	// A root with a name is the directory every file shares (`core/governance`): it is the one top row.
	if (root.name || root.file) visit(root, -1);
	else for (const child of root.children) visit(child, -1);
	return out;
}

/** Files ordered by the largest gap first: most missing statements, then lowest percentage, then path. */
export function largestGapsFirst(rows: readonly FileRow[]): FileRow[] {
	return [...rows].sort(
		(a, b) =>
			missingLines(b.counts) - missingLines(a.counts) ||
			percentCovered(a.counts) - percentCovered(b.counts) ||
			a.path.localeCompare(b.path),
	);
}
