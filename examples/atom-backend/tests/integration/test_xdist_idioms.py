"""pytest-xdist's own fixtures, and a session fixture that runs once per run rather than once per worker."""

from __future__ import annotations

import json
import os

import pytest

pytestmark = pytest.mark.integration


# region: worker_id
def test_worker_id_names_this_process(worker_id, testrun_uid):
    # worker_id is "gw0", "gw1", ... in a worker and "master" without xdist: the same value as
    # PYTEST_XDIST_WORKER, without reading the environment. testrun_uid is one id per run, the
    # same in every worker, for resources all workers of one run share.
    assert worker_id == os.environ.get("PYTEST_XDIST_WORKER", "master")
    assert len(testrun_uid) == 32 and int(testrun_uid, 16) >= 0


# endregion: worker_id


def build_reference_data() -> dict:
    """Stands in for something expensive that every worker needs once: a seeded database, a download."""
    return {"roles": ["admin", "operator", "viewer"]}


# region: once_per_run
@pytest.fixture(scope="session")
def reference_data(tmp_path_factory, worker_id):
    """Built once per run: the first worker builds it under a file lock, the others read the file."""
    if worker_id == "master":  # no xdist: this process is the whole run
        return build_reference_data()
    filelock = pytest.importorskip("filelock", reason="filelock is in today's stack, not in Debian's")
    shared = tmp_path_factory.getbasetemp().parent  # the run's temp folder, shared by all workers
    data_file = shared / "reference_data.json"
    with filelock.FileLock(str(data_file) + ".lock"):
        if data_file.is_file():
            return json.loads(data_file.read_text())
        data = build_reference_data()
        data_file.write_text(json.dumps(data))
        with (shared / "reference_data.builds").open("a") as log:  # lets the test count the builds
            log.write(f"{worker_id}\n")
        return data


# endregion: once_per_run


@pytest.mark.parametrize("n", range(4))
def test_reference_data_is_built_once_per_run(reference_data, tmp_path_factory, worker_id, n):
    assert reference_data["roles"] == ["admin", "operator", "viewer"]
    if worker_id != "master":
        builds = (tmp_path_factory.getbasetemp().parent / "reference_data.builds").read_text().split()
        assert len(builds) == 1, f"built by {builds}"
