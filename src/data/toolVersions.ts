/**
 * The versions of the test stack the guides describe: the exact pins CI installs
 * (scripts/ci/requirements-tests.txt), each with its documentation at that version.
 */
import { readPinnedRequirements } from '../lib/docs/pinnedRequirements.ts';
import { toolDocs } from '../lib/docs/toolDocs.ts';

/** The requirements file CI installs and `npm test` runs the example suite under. */
export const REQUIREMENTS_FILE = 'scripts/ci/requirements-tests.txt';

/** One pinned tool with what it does here and its versioned docs. */
export interface ToolVersion {
	/** pip name, lower case (`pytest-cov`). */
	id: string;
	label: string;
	version: string;
	role: string;
	docsUrl: string;
}

let cached: ToolVersion[] | null = null;

/** Every pinned tool, in the file's order. A pin without an entry in toolDocs fails the build, naming it. */
export function toolVersions(): ToolVersion[] {
	cached ??= readPinnedRequirements(REQUIREMENTS_FILE).map(({ name, version }) => {
		const id = name.toLowerCase();
		const docs = toolDocs[id];
		if (!docs)
			throw new Error(`${REQUIREMENTS_FILE}: ${name}: no entry in src/lib/docs/toolDocs.ts (label, role, docs URL)`);
		return { id, label: docs.label, version, role: docs.role, docsUrl: docs.docsUrl(version) };
	});
	return cached;
}

/** One pinned tool by pip name; fails the build when the file does not pin it. */
export function toolVersion(id: string): ToolVersion {
	const tool = toolVersions().find((t) => t.id === id);
	if (!tool) throw new Error(`${REQUIREMENTS_FILE} does not pin ${id}`);
	return tool;
}
