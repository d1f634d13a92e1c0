"""Scale-out: two `hm serve` replicas share one PostgreSQL database. Each
operation runs on exactly one replica (row leases), and when the replica running
an operation dies, the other takes it over once the lease (15 s) expires."""

import re
import shutil
import signal
import time

import pytest

from hmtest import cluster_path, describe, minimal_cluster_body

RG = "rg1"
RUNNING = re.compile(r"attempt=(\d+).*operation=([0-9a-f-]{36}).*running operation")


def runs(server):
    """(operation id, attempt) pairs this replica started, read from its log."""
    text = server.log_path.read_text(errors="replace") if server.log_path and server.log_path.exists() else ""
    return [(m.group(2), int(m.group(1))) for m in RUNNING.finditer(text)]


@pytest.fixture
def replicas(hm_factory, postgres_database, tmp_path):
    first = hm_factory("--database", postgres_database, "--provisioning-step-seconds", "1")
    second_dir = tmp_path / "replica-b"
    second_dir.mkdir()
    # Replicas verify each other's tokens: they share the signing key.
    shutil.copy(first.data_dir / "signing-key.pem", second_dir / "signing-key.pem")
    second = hm_factory("--database", postgres_database, "--provisioning-step-seconds", "1", data_dir=second_dir)
    return first, second


def test_each_operation_runs_on_one_replica(replicas):
    a, b = replicas
    owner = a.mint_tenant()
    urls = []
    for i in range(8):
        server = (a, b)[i % 2]
        resp = server.request("PUT", cluster_path(owner.subscription, RG, f"r{i}"), owner.token,
                              json=minimal_cluster_body(f"r{i}"))
        assert resp.status_code == 201, describe(resp)
        urls.append(resp.headers["Azure-AsyncOperation"])
    for url in urls:
        assert a.wait_for_async_operation(url, owner.token, timeout=120)["status"] == "Succeeded"
    # Both replicas list all eight, whichever accepted them.
    listed = b.request("GET", f"/subscriptions/{owner.subscription}/providers/Microsoft.ContainerService/managedClusters",
                       owner.token)
    assert sorted(c["name"] for c in listed.json()["value"]) == [f"r{i}" for i in range(8)]
    started = runs(a) + runs(b)
    ids = [op for op, _ in started]
    assert len(ids) == 8 and len(set(ids)) == 8, f"operations started {started}"
    assert all(attempt == 1 for _, attempt in started), started


def test_survivor_takes_over_a_dead_replicas_operation(replicas):
    a, b = replicas
    owner = a.mint_tenant()
    path = cluster_path(owner.subscription, RG, "failover")
    body = minimal_cluster_body("failover")
    resp = a.request("PUT", path, owner.token, json=body)
    assert resp.status_code == 201, describe(resp)
    url = resp.headers["Azure-AsyncOperation"]
    op = url.split("/operations/")[1].split("?")[0]

    deadline = time.monotonic() + 30
    while not any(o == op for o, _ in runs(a) + runs(b)):
        assert time.monotonic() < deadline, "no replica picked the operation up"
        time.sleep(0.05)
    runner, survivor = (a, b) if any(o == op for o, _ in runs(a)) else (b, a)
    runner.proc.send_signal(signal.SIGKILL)
    runner.proc.wait(10)
    runner.proc = None  # killed on purpose: teardown must not report its exit code

    final = survivor.wait_for_async_operation(url, owner.token, timeout=90)
    assert final["status"] == "Succeeded", final
    assert (op, 2) in runs(survivor), f"survivor's runs: {runs(survivor)}"
    cluster = survivor.request("GET", path, owner.token).json()
    assert cluster["properties"]["provisioningState"] == "Succeeded", cluster
