"""Rolling back a test's data when the code under test calls ``commit()`` itself.

The first test shows why a savepoint in the fixture is not enough with the raw ``sqlite3`` module;
the rest run the working recipe: SQLAlchemy 2's ``join_transaction_mode="create_savepoint"``.
SQLAlchemy 2 is in today's stack (scripts/ci/requirements-tests.txt); Debian's packages have none,
so those tests skip themselves there.
"""

from __future__ import annotations

import sqlite3

import pytest

pytestmark = pytest.mark.integration


# region: raw_sqlite_savepoint
def test_a_commit_inside_the_test_ends_a_raw_sqlite3_savepoint(tmp_path):
    # What does NOT work: the fixture opens a transaction and a savepoint, the code under test
    # commits, and the commit ends both. The rollback then has nothing to roll back to.
    conn = sqlite3.connect(tmp_path / "atom.sqlite3", isolation_level=None)
    conn.execute("CREATE TABLE agents (name TEXT)")
    conn.execute("BEGIN")
    conn.execute("SAVEPOINT test")
    conn.execute("INSERT INTO agents VALUES ('left-behind')")
    conn.commit()  # what the code under test does
    with pytest.raises(sqlite3.OperationalError, match="no such savepoint"):
        conn.execute("ROLLBACK TO test")
    assert conn.execute("SELECT count(*) FROM agents").fetchone() == (1,)  # the row survived
    conn.close()


# endregion: raw_sqlite_savepoint


def _sqlalchemy():
    return pytest.importorskip("sqlalchemy", minversion="2.0", reason="SQLAlchemy 2 is in today's stack, not in Debian's")


# region: sqlalchemy_savepoint
@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """One SQLite database per xdist worker, with SAVEPOINT support switched on."""
    sa = _sqlalchemy()
    engine = sa.create_engine(f"sqlite:///{tmp_path_factory.mktemp('sa') / 'atom.sqlite3'}")

    # Python's sqlite3 module opens and commits transactions on its own, which breaks SAVEPOINT;
    # SQLAlchemy's SQLite docs give these two hooks so that SQLAlchemy alone emits BEGIN.
    @sa.event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, connection_record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE agents (name TEXT PRIMARY KEY, role TEXT NOT NULL)")
    yield engine
    with engine.connect() as conn:  # every test's rows were rolled back, commits and all
        assert conn.exec_driver_sql("SELECT count(*) FROM agents").scalar() == 0
    engine.dispose()


@pytest.fixture
def session(engine):
    """A Session whose commit() only releases a savepoint: the outer transaction is rolled back after the test."""
    from sqlalchemy.orm import Session

    with engine.connect() as connection:
        outer = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        try:
            yield session
        finally:
            session.close()
            outer.rollback()


# endregion: sqlalchemy_savepoint


# region: sqlalchemy_usage
def register_agent(session, name: str, role: str) -> None:
    """Code under test: it commits its own unit of work."""
    from sqlalchemy import text

    session.execute(text("INSERT INTO agents (name, role) VALUES (:name, :role)"), {"name": name, "role": role})
    session.commit()


@pytest.mark.parametrize("run", [1, 2])
def test_register_agent_commits_and_still_leaves_nothing_behind(session, run):
    from sqlalchemy import text

    # The same fixed name in both runs: the second would fail with a UNIQUE error if the first
    # run's committed row had survived (and the engine fixture checks the table is empty at the end).
    assert session.execute(text("SELECT count(*) FROM agents")).scalar() == 0
    register_agent(session, "agent-fixed", "operator")
    rows = session.execute(text("SELECT name, role FROM agents")).all()
    assert rows == [("agent-fixed", "operator")]


# endregion: sqlalchemy_usage
