"""Shared fixtures and hooks for the Atom backend suite.

The regions marked ``# region: <name>`` / ``# endregion: <name>`` are included verbatim by the
documentation site's guides; keep each one self-contained.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import pytest
from _pytest.junitxml import mangle_test_address
from hypothesis import settings

from core.episodes.store import connect

# Hypothesis: derandomized and without a deadline or example database, so a property test gives
# the same verdict on every run and on every machine (deadlines measure wall-clock time).
settings.register_profile("atom", derandomize=True, deadline=None, database=None, max_examples=60)
settings.load_profile("atom")


# region: unique_resource_name
@pytest.fixture
def unique_resource_name() -> str:
    """A name no other test, worker or run will use: the xdist worker id plus a UUID.

    pytest-xdist sets ``PYTEST_XDIST_WORKER`` (``gw0``, ``gw1``, ...) in each worker process and
    ``PYTEST_XDIST_WORKER_COUNT`` to the number of workers; without xdist neither is set.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "master")
    return f"test-{worker}-{uuid.uuid4().hex}"


# endregion: unique_resource_name


# region: shared_export_dir
@pytest.fixture(scope="session")
def shared_export_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One directory for the whole run, shared by every test and every xdist worker (like a real spool folder).

    Under xdist each worker's base temp is ``<run>/popen-gwN``; its parent is the run's own, shared by all.
    """
    path = tmp_path_factory.getbasetemp().parent / "exports"
    path.mkdir(exist_ok=True)
    return path


# endregion: shared_export_dir


# region: db_session
@pytest.fixture(scope="session")
def database_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file per worker with the schema created (tmp_path_factory is per worker under xdist)."""
    path = tmp_path_factory.mktemp("db") / "atom.sqlite3"
    connect(str(path)).close()
    return path


@pytest.fixture
def db_session(database_path: Path):
    """A connection inside a transaction that is rolled back after the test: nothing a test writes survives it."""
    conn = connect(str(database_path))
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")
        conn.close()


# endregion: db_session


# region: cleanup_with_yield
@pytest.fixture
def workspace(unique_resource_name: str):
    """A private directory, removed after the test by the code after ``yield`` (runs even if the test fails)."""
    with tempfile.TemporaryDirectory(prefix=unique_resource_name + "-") as path:
        yield Path(path)
    # Leaving the ``with`` block removed the directory and everything in it.


# endregion: cleanup_with_yield


# region: cleanup_with_finalizer
@pytest.fixture
def scratch_file(request: pytest.FixtureRequest, tmp_path: Path, unique_resource_name: str) -> Path:
    """A file path whose file is deleted by a finalizer registered before it is created."""
    path = tmp_path / f"{unique_resource_name}.jsonl"

    def remove() -> None:
        path.unlink(missing_ok=True)

    # Registered first, so the file is removed even if the code below fails half-way.
    request.addfinalizer(remove)
    path.touch()
    return path


# endregion: cleanup_with_finalizer


@pytest.fixture
def audit_trail():
    """A fresh, empty audit log for one test."""
    from core.governance.audit import AuditLog

    return AuditLog()


@pytest.fixture
def breakable_policy():
    """A policy engine for one test. ``ATOM_SETUP_ERROR=1`` makes this fixture raise: a demo of an error in setup."""
    if os.environ.get("ATOM_SETUP_ERROR") == "1":
        raise RuntimeError("ATOM_SETUP_ERROR=1: breakable_policy fixture failed on purpose")
    from core.governance.policy import PolicyEngine

    return PolicyEngine()


# region: repeat_option
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="run each selected test N times in this one process (what pytest-repeat's --count does)",
    )


@pytest.fixture
def repeat_step(request: pytest.FixtureRequest) -> int:
    """Which repetition this is (1 to N); only present with --repeat N."""
    return request.param


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    count = metafunc.config.getoption("repeat")
    if count > 1:
        metafunc.fixturenames.append("repeat_step")
        metafunc.parametrize("repeat_step", range(1, count + 1), indirect=True, ids=lambda i: f"{i}-of-{count}")


# endregion: repeat_option


# region: attempts_recorder
class AttemptsRecorder:
    """Records every attempt of every test, so reruns are not lost.

    pytest-rerunfailures 10.2 writes only a test's final attempt to ``--junitxml``. When the
    environment variable ``ATOM_ATTEMPTS_FILE`` names a file, this recorder writes it at session end::

        {"format": 1,
         "attempts": [{"nodeid": "tests/unit/test_x.py::TestY::test_z",
                       "classname": "tests.unit.test_x.TestY",
                       "name": "test_z",
                       "outcomes": ["failed", "passed"]}]}

    One entry per test, in the order tests reported; ``outcomes`` lists each attempt in order, each
    one of ``"passed"``, ``"failed"``, ``"error"`` or ``"skipped"``: a failing test body is "failed",
    a failing fixture (setup or teardown) is "error", skip and xfail are "skipped". An attempt that
    pytest-rerunfailures reran (report outcome ``rerun``) is "failed" ("error" if it broke in setup).
    ``classname`` and ``name`` are exactly what pytest's ``--junitxml`` writes for the test (same
    function, same ``--junit-prefix``), so the two files join on them.

    It runs where the test reports arrive: in the xdist controller, or in the single process
    without xdist; xdist workers skip it, so nothing is counted twice.
    """

    FORMAT = 1

    def __init__(self, path: str, prefix: str | None) -> None:
        self.path = path
        self.prefix = prefix
        self.tests: dict[str, dict] = {}

    def _entry(self, nodeid: str) -> dict:
        if nodeid not in self.tests:
            names = mangle_test_address(nodeid)
            classnames = names[:-1]
            if self.prefix:
                classnames.insert(0, self.prefix)
            self.tests[nodeid] = {"nodeid": nodeid, "classname": ".".join(classnames), "name": names[-1], "outcomes": []}
        return self.tests[nodeid]

    def add(self, report: pytest.TestReport) -> None:
        outcomes = self._entry(report.nodeid)["outcomes"]
        failed = report.failed or report.outcome == "rerun"
        if report.when == "setup":
            # Every attempt starts with a setup report; a passing setup waits for the call's verdict.
            outcomes.append("error" if failed else "skipped" if report.skipped else "passed")
        elif report.when == "call" and outcomes:
            outcomes[-1] = "failed" if failed else "skipped" if report.skipped else "passed"
        elif report.when == "teardown" and failed and outcomes and outcomes[-1] == "passed":
            outcomes[-1] = "error"

    def write(self) -> None:
        """Write the file atomically: readers see the old file or the new one, never half of one."""
        data = {"format": self.FORMAT, "attempts": list(self.tests.values())}
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name + ".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.write("\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; give it the usual permissions
        os.replace(tmp, target)


_recorder: AttemptsRecorder | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _recorder
    _recorder = None  # a fresh session never inherits a recorder (pytest can run twice in one process)
    path = os.environ.get("ATOM_ATTEMPTS_FILE")
    is_worker = hasattr(config, "workerinput")
    if path and not is_worker:
        _recorder = AttemptsRecorder(path, getattr(config.option, "junitprefix", None))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if _recorder is not None:
        _recorder.add(report)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _recorder is not None:
        _recorder.write()


# endregion: attempts_recorder
