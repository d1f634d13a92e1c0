"""A hosted control plane through its lifecycle, seen by kubectl: stop keeps the data but stops
the API, start brings it back unchanged, a restart of `hm serve` restores it, delete destroys
it; with `--datastore etcd`, a killed etcd is restarted and the cluster keeps its data."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
import requests

from hmtest import describe
from kubetest import CLIENTS, KubeCluster

CLIENT = CLIENTS[0]  # the kubectl 1.37 wheel


def lifecycle_action(cluster: KubeCluster, action: str) -> None:
    reply = cluster.hm.request("POST", f"{cluster.path}/{action}", cluster.tenant.token)
    assert reply.status_code in (200, 202), describe(reply)
    deadline = time.monotonic() + 60
    while True:
        body = cluster.hm.request("GET", cluster.path, cluster.tenant.token).json()
        if body["properties"]["provisioningState"] == "Succeeded":
            return
        assert time.monotonic() < deadline, body
        time.sleep(0.2)


def wait_for(check, timeout: float = 30.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.2)
    pytest.fail(f"{what} not reached in {timeout}s (last: {last})")


@pytest.mark.parametrize("datastore", ["embedded", "etcd"])
def test_stop_start_restart_delete(hm_factory, tmp_path, datastore):
    if not CLIENT.available():
        pytest.skip("kubectl wheel not installed")
    if datastore == "etcd" and not os.path.exists("/usr/bin/etcd"):
        pytest.skip("etcd-server not installed")
    hm = hm_factory("--datastore", datastore)
    cluster = KubeCluster(hm, hm.mint_tenant(), "life", CLIENT.cluster_version, CLIENT, tmp_path)
    cluster.ok("create", "configmap", "keep", "--from-literal=v=1")

    lifecycle_action(cluster, "stop")
    stopped = cluster.fails("get", "cm", "keep")
    assert "ServiceUnavailable" in stopped.err, stopped  # kubectl prints its own text for a 503 during discovery
    raw = cluster.http("GET", "/api/v1/namespaces/default/configmaps/keep")
    assert raw.status_code == 503 and "not running" in raw.json()["message"], raw.text
    lifecycle_action(cluster, "start")
    assert cluster.ok("get", "cm", "keep", "-o", "jsonpath={.data.v}") == "1"

    hm.proc.send_signal(signal.SIGKILL)
    hm.proc.wait(10)
    hm.start()  # same data dir; --kube-listen 127.0.0.1:0 picks a new port, so fetch a new kubeconfig
    cluster.kubeconfig = cluster.credential("listClusterUserCredential", "user")
    assert cluster.ok("get", "cm", "keep", "-o", "jsonpath={.data.v}") == "1"

    reply = hm.request("DELETE", cluster.path, cluster.tenant.token)
    assert reply.status_code in (200, 202), describe(reply)
    wait_for(lambda: hm.request("GET", cluster.path, cluster.tenant.token).status_code == 404, what="cluster deleted")
    gone = cluster.fails("get", "cm", "keep")
    assert "ServiceUnavailable" in gone.err, gone
    if datastore == "embedded":
        assert not any((hm.data_dir / "clusters").iterdir()), "the deleted cluster's datastore is still on disk"


def test_killed_etcd_is_restarted_and_the_cluster_keeps_its_data(hm_factory, tmp_path):
    if not CLIENT.available() or not os.path.exists("/usr/bin/etcd"):
        pytest.skip("needs the kubectl wheel and etcd-server")
    hm = hm_factory("--datastore", "etcd")
    cluster = KubeCluster(hm, hm.mint_tenant(), "etcdkill", CLIENT.cluster_version, CLIENT, tmp_path)
    cluster.ok("create", "configmap", "before", "--from-literal=v=1")
    etcd_dir = str(hm.data_dir / "etcd")
    pids = subprocess.run(["pgrep", "-f", "--", f"--data-dir {etcd_dir}"], capture_output=True, text=True).stdout.split()
    assert len(pids) == 1, f"expected one etcd for {etcd_dir}, found {pids}"
    os.kill(int(pids[0]), signal.SIGKILL)

    wait_for(lambda: cluster.kubectl("get", "cm", "before").code == 0, what="the API answering again")
    new_pids = subprocess.run(["pgrep", "-f", "--", f"--data-dir {etcd_dir}"], capture_output=True, text=True).stdout.split()
    assert new_pids and new_pids != pids, "etcd was not restarted"
    cluster.ok("create", "configmap", "after", "--from-literal=v=2")
    assert cluster.ok("get", "cm", "before", "-o", "jsonpath={.data.v}") == "1"

    report = requests.get(f"{hm.url}/admin/controlPlanes", headers={"Authorization": f"Bearer {hm.admin_token()}"}, timeout=30)
    assert report.status_code == 200, describe(report)
    entry = next(e for e in report.json()["value"] if e["clusterUid"] in cluster.server)
    assert entry["healthy"], entry
    assert {c["component"] for c in entry["components"]} == {"apiServer", "datastore", "dns"}, entry
