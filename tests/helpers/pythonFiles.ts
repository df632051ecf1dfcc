import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every Python file under `dir` (a virtualenv left out). */
export function pythonFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.py') && !e.parentPath.includes('.venv'))
		.map((e) => join(e.parentPath, e.name));
}

/** The Python the highlighting tests run on: the example backend's and the hostile source fixture's. */
export function highlightCorpus(): string[] {
	return [...pythonFiles('examples/atom-backend'), ...pythonFiles('tests/fixtures/sites/source/code')];
}
