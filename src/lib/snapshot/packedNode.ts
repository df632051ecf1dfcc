/**
 * The wire format of the domain page's file tree (`/coverage/<domain>/files.json`): one tuple per
 * directory or file, depth first, each pointing to its parent. The build packs it and the page's
 * `<file-tree>` unpacks it with the functions here, so neither side reads a field by a bare index.
 */

/** A file's named function: `[name, statements, missing, percent]`. */
export type PackedFunction = [string, number, number, number];

/** Where each field of a `PackedFunction` sits. */
export const PACKED_FUNCTION = { name: 0, statements: 1, missing: 2, percent: 3 } as const;

/**
 * One node: `[parent, name, isFile (1/0), statements, missing, branches, partial, percent,
 * missing ranges, functions]`; parent −1 for top-level nodes.
 */
export type PackedNode = [number, string, 0 | 1, number, number, number, number, number, string, PackedFunction[]];

/** Where each field of a `PackedNode` sits. */
export const NODE = {
	parent: 0,
	name: 1,
	isFile: 2,
	statements: 3,
	missing: 4,
	branches: 5,
	partial: 6,
	percent: 7,
	missingLines: 8,
	functions: 9,
} as const;

/** A function row of the tree, unpacked. */
export interface TreeFunction {
	name: string;
	statements: number;
	missing: number;
	/** Rounded to 2 decimals. */
	percent: number;
}

/** A directory or file row of the tree, unpacked. */
export interface TreeRow {
	/** Index of the parent row; −1 for a top-level row. */
	parent: number;
	/** Last path segment(s) (`core/governance` for a joined chain of directories). */
	name: string;
	isFile: boolean;
	statements: number;
	missing: number;
	branches: number;
	partial: number;
	/** Rounded to 2 decimals. */
	percent: number;
	/** Missing line ranges (`3-5, 9`); empty for a directory. */
	missingLines: string;
	functions: TreeFunction[];
}

/** Pack one row. */
export function packNode(row: TreeRow): PackedNode {
	return [
		row.parent,
		row.name,
		row.isFile ? 1 : 0,
		row.statements,
		row.missing,
		row.branches,
		row.partial,
		row.percent,
		row.missingLines,
		row.functions.map((f) => [f.name, f.statements, f.missing, f.percent]),
	];
}

/** Unpack one row. */
export function unpackNode(p: PackedNode): TreeRow {
	return {
		parent: p[NODE.parent],
		name: p[NODE.name],
		isFile: p[NODE.isFile] === 1,
		statements: p[NODE.statements],
		missing: p[NODE.missing],
		branches: p[NODE.branches],
		partial: p[NODE.partial],
		percent: p[NODE.percent],
		missingLines: p[NODE.missingLines],
		functions: p[NODE.functions].map((f) => ({
			name: f[PACKED_FUNCTION.name],
			statements: f[PACKED_FUNCTION.statements],
			missing: f[PACKED_FUNCTION.missing],
			percent: f[PACKED_FUNCTION.percent],
		})),
	};
}
