/**
 * Global set-up of the integration tests: make sure the virtualenv of today's Python test stack exists
 * (scripts/ci/make-current-venv.sh, idempotent: under a second when it is current), because the example
 * suite and the guides' terminal outputs run under it as well as under Debian's packages. A checkout
 * where it cannot be made fails here, once, with pip's own message, not in every test that needs it.
 */
import { spawnSync } from 'node:child_process';

/** Vitest's global set-up hook. */
export default function makeCurrentStack(): void {
	const result = spawnSync('scripts/ci/make-current-venv.sh', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0)
		throw new Error(`scripts/ci/make-current-venv.sh exited ${result.status}:\n${result.stdout}${result.stderr}`);
}
