"""Fixtures for the interop suite: a real `hm serve` process per test module (or
per test, where a test needs its own flags), tenants on it, and a fresh
PostgreSQL database when HM_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import uuid
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

import pytest

from hmtest import HmServer, Tenant

# --------------------------------------------------------------------- fixtures
ServerFactory = Callable[..., HmServer]


@pytest.fixture
def hm_factory(tmp_path_factory, request) -> ServerFactory:
    """Start `hm serve` processes with given flags; all are stopped at teardown."""
    servers: list[HmServer] = []

    def make(*args: str, tls: bool = False, data_dir: Optional[Path] = None) -> HmServer:
        base = tmp_path_factory.mktemp("hm")
        server = HmServer(data_dir=data_dir or (base / "data"), args=list(args), tls=tls)
        server.data_dir.mkdir(parents=True, exist_ok=True)
        servers.append(server)
        return server.start()

    yield make
    _stop_all(servers, request)


@pytest.fixture(scope="module")
def hm_module_factory(tmp_path_factory, request) -> ServerFactory:
    """Like hm_factory, for servers shared by the tests of one module."""
    servers: list[HmServer] = []

    def make(*args: str, tls: bool = False) -> HmServer:
        base = tmp_path_factory.mktemp("hm")
        server = HmServer(data_dir=base / "data", args=list(args), tls=tls)
        server.data_dir.mkdir(parents=True)
        servers.append(server)
        return server.start()

    yield make
    _stop_all(servers, request)


def _stop_all(servers: list[HmServer], request) -> None:
    problems = []
    for server in servers:
        try:
            code = server.stop()
            if code not in (None, 0, -signal.SIGTERM, 128 + signal.SIGTERM):
                problems.append(f"hm serve exited with {code} on SIGTERM; log:\n{server.log_tail()}")
        except AssertionError as e:
            problems.append(str(e))
        failed = getattr(request.node, "hm_failed", False)
        if failed:
            print(f"\n--- hm serve log ({server.log_path}) ---\n{server.log_tail(120)}")
    if problems:
        pytest.fail("\n".join(problems))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        # mark the test and its parents, so the servers they own print their logs
        node = item
        while node is not None:
            node.hm_failed = True
            node = node.parent


@pytest.fixture(scope="module")
def hm(hm_module_factory) -> HmServer:
    """A plain http server with default (fast) provisioning, shared by a module."""
    return hm_module_factory()


@pytest.fixture
def tenant(hm) -> Tenant:
    """A fresh tenant with one fresh subscription on the module's server."""
    return hm.mint_tenant()


# --------------------------------------------------------------------- PostgreSQL
PSQL = "/usr/lib/postgresql/15/bin/psql"


@pytest.fixture
def postgres_database():
    """A fresh, empty database on HM_TEST_POSTGRES_URL; yields its URL. Skips when unset."""
    base = os.environ.get("HM_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("HM_TEST_POSTGRES_URL not set (scripts/test starts a PostgreSQL and sets it)")
    psql = PSQL if os.path.exists(PSQL) else shutil.which("psql")
    if not psql:
        pytest.skip("psql not found")
    name = "hm_interop_" + uuid.uuid4().hex[:10]
    subprocess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", base, "-c", f"CREATE DATABASE {name}"],
                   check=True, capture_output=True, text=True)
    parts = urlsplit(base)
    yield parts._replace(path="/" + name).geturl()
    subprocess.run([psql, "-X", "-q", base, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
                   capture_output=True, text=True)
