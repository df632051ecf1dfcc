import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Python with Debian's pytest, pytest-cov, pytest-xdist, pytest-rerunfailures and Hypothesis.
 * `/usr/bin/python3` first: a pyenv or venv `python3` on the PATH does not see Debian's packages.
 */
export const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** The virtualenv of today's test stack (the pins in scripts/ci/requirements-tests.txt), made by scripts/ci/make-current-venv.sh. */
export const CURRENT_VENV = resolve(process.env.CURRENT_VENV ?? '.venv-current');

/** That virtualenv's Python. */
export const CURRENT_PYTHON = resolve(CURRENT_VENV, 'bin', 'python');
