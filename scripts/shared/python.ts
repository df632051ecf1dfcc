import { existsSync } from 'node:fs';

/**
 * The Python with Debian's pytest, pytest-cov, pytest-xdist, pytest-rerunfailures and Hypothesis.
 * `/usr/bin/python3` first: a pyenv or venv `python3` on the PATH does not see Debian's packages.
 */
export const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
