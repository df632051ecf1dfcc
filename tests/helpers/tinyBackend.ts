/**
 * A two-test Python backend written to a temporary folder, for running the CI scripts with the real
 * pytest, pytest-cov and pytest-xdist in about a second.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Create the backend; `failing` makes one of its tests fail. Returns its folder. */
export function tinyBackend(options: { failing?: boolean } = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'tiny-backend-'));
	mkdirSync(join(dir, 'tests'));
	writeFileSync(
		join(dir, 'calc.py'),
		'def sign(x):\n    if x > 0:\n        return 1\n    if x < 0:\n        return -1\n    return 0\n',
	);
	writeFileSync(
		join(dir, 'tests', 'test_calc.py'),
		`from calc import sign\n\n\ndef test_positive():\n    assert sign(3) == 1\n\n\ndef test_negative():\n    assert sign(-2) == ${options.failing ? '1' : '-1'}\n`,
	);
	writeFileSync(join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\npythonpath = .\n');
	writeFileSync(join(dir, '.coveragerc'), '[run]\nbranch = True\nsource = .\nomit = tests/*\nrelative_files = True\n');
	return dir;
}
