"""Agent nodes through the service (issue 5 acceptance): a pool's VMs register as Ready
nodes with AKS's labels; scaling through the Azure SDK changes nodes, VMs and the ARM
count together; DaemonSets run a pod on every node; `kubectl drain` moves pods; an injected
kubelet fault makes a node NotReady within the heartbeat grace on the simulated clock."""

from __future__ import annotations

import json
import re
import time

import pytest
import requests

from hmtest import describe, sdk_client
from kubetest import CLIENTS, KubeCluster

CLIENT = CLIENTS[0]  # kubectl 1.37 from the wheel
NODE_NAME = re.compile(r"^aks-sys-\d{8}-vmss[0-9a-z]{6}$")

DAEMONSET = """
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-tuner, namespace: default}
spec:
  selector: {matchLabels: {app: node-tuner}}
  template:
    metadata: {labels: {app: node-tuner}}
    spec:
      containers: [{name: tune, image: busybox, command: [sleep, infinity]}]
"""

DEPLOYMENT = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
"""


def wait_until(what: str, check, timeout: float = 60, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout}s waiting for {what}; last: {last!r}")


@pytest.fixture(scope="module")
def kube(hm_module_factory, tmp_path_factory) -> KubeCluster:
    if not CLIENT.available():
        pytest.skip(f"{CLIENT.binary} not installed")
    hm = hm_module_factory("--clock", "simulated")
    tenant = hm.mint_tenant()
    return KubeCluster(hm, tenant, "nodes1", CLIENT.cluster_version, CLIENT, tmp_path_factory.mktemp("kube-nodes"))


def nodes(kube) -> list[dict]:
    return json.loads(kube.ok("get", "nodes", "-o", "json"))["items"]


def ready(node: dict) -> str:
    return next((c["status"] for c in (node.get("status") or {}).get("conditions") or [] if c["type"] == "Ready"), "")


def pods(kube, *args: str) -> list[dict]:
    return json.loads(kube.ok("get", "pods", "-o", "json", *args))["items"]


def admin(kube, method: str, path: str, body=None) -> requests.Response:
    return requests.request(method, kube.hm.url + path, json=body, timeout=30,
                            headers={"Authorization": f"Bearer {kube.hm.admin_token()}"})


def test_pool_nodes_are_ready_with_aks_labels(kube):
    found = nodes(kube)
    assert len(found) == 3, [n["metadata"]["name"] for n in found]
    for node in found:
        name = node["metadata"]["name"]
        labels = node["metadata"]["labels"]
        assert NODE_NAME.match(name), name
        assert ready(node) == "True", node["status"]
        assert labels["kubernetes.azure.com/agentpool"] == "sys" and labels["agentpool"] == "sys", labels
        assert labels["kubernetes.azure.com/mode"] == "system", labels
        assert labels["node.kubernetes.io/instance-type"] == "Standard_DS2_v2", labels
        assert labels["kubernetes.io/os"] == "linux" and labels["kubernetes.io/hostname"] == name, labels
        assert labels["topology.kubernetes.io/region"] == "eastus", labels
        assert labels["kubernetes.azure.com/node-image-version"].startswith("AKSUbuntu-"), labels
        assert node["spec"]["providerID"].startswith("azure:///subscriptions/"), node["spec"]
        assert node["status"]["capacity"]["cpu"] == "2", node["status"]["capacity"]
        assert node["status"]["nodeInfo"]["kubeletVersion"].startswith("v" + CLIENT.cluster_version), node["status"]["nodeInfo"]
    table = kube.ok("get", "nodes")
    assert table.count(" Ready ") == 3, table
    leases = kube.ok("-n", "kube-node-lease", "get", "leases", "-o", "name").split()
    assert sorted(leases) == sorted(f"lease.coordination.k8s.io/{n['metadata']['name']}" for n in found), leases


def test_managed_daemonsets_run_on_every_node(kube):
    count = len(nodes(kube))

    def proxies():
        running = [p for p in pods(kube, "-n", "kube-system", "-l", "k8s-app=kube-proxy") if p["status"].get("phase") == "Running"]
        return len({p["spec"]["nodeName"] for p in running}) == count and len(running) == count

    wait_until("one running kube-proxy pod per node", proxies)
    wait_until("coredns running on the nodes", lambda: (lambda found: found and all(
        p["spec"].get("nodeName") and p["status"].get("phase") == "Running" for p in found))(
        pods(kube, "-n", "kube-system", "-l", "k8s-app=coredns")))


def test_scale_pool_3_to_5_to_2_through_the_sdk(kube):
    client = sdk_client(kube.hm, kube.tenant)
    pool = client.agent_pools.get("rg-kube", kube.name, "sys")
    for count in (5, 2):
        pool.count = count
        result = client.agent_pools.begin_create_or_update("rg-kube", kube.name, "sys", pool).result(timeout=120)
        assert result.count == count and result.provisioning_state == "Succeeded", result
        # The operation succeeded only once the nodes were Ready.
        found = nodes(kube)
        assert len(found) == count and all(ready(n) == "True" for n in found), [(n["metadata"]["name"], ready(n)) for n in found]
        cluster = client.managed_clusters.get("rg-kube", kube.name)
        assert cluster.agent_pool_profiles[0].count == count
        group = cluster.node_resource_group
        vmss = kube.hm.request("GET", f"/subscriptions/{kube.tenant.subscription}/resourceGroups/{group}/providers/"
                               "Microsoft.Compute/virtualMachineScaleSets", kube.tenant.token, api_version="2024-07-01")
        assert vmss.status_code == 200, describe(vmss)
        sets = vmss.json()["value"]
        assert len(sets) == 1 and sets[0]["sku"]["capacity"] == count, sets
        vms = kube.hm.request("GET", f"/subscriptions/{kube.tenant.subscription}/resourceGroups/{group}/providers/"
                              f"Microsoft.Compute/virtualMachineScaleSets/{sets[0]['name']}/virtualMachines",
                              kube.tenant.token, api_version="2024-07-01")
        assert vms.status_code == 200, describe(vms)
        names = sorted(vm["properties"]["osProfile"]["computerName"] for vm in vms.json()["value"])
        assert names == sorted(n["metadata"]["name"] for n in found), (names, found)


def test_daemonset_gets_one_running_pod_per_node(kube):
    assert "daemonset.apps/node-tuner created" in kube.ok("apply", "-f", "-", stdin=DAEMONSET)
    names = {n["metadata"]["name"] for n in nodes(kube)}

    def one_per_node():
        running = [p for p in pods(kube, "-l", "app=node-tuner") if p["status"].get("phase") == "Running"]
        return sorted(p["spec"]["nodeName"] for p in running) == sorted(names)

    wait_until("a Running node-tuner pod on every node", one_per_node)
    status = json.loads(kube.ok("get", "ds", "node-tuner", "-o", "json"))["status"]
    assert status["desiredNumberScheduled"] == len(names) and status["numberReady"] == len(names), status


def test_drain_evicts_pods_that_then_run_elsewhere(kube):
    kube.ok("apply", "-f", "-", stdin=DEPLOYMENT)

    def all_running():
        running = [p for p in pods(kube, "-l", "app=web") if p["status"].get("phase") == "Running"]
        return running if len(running) == 4 else None

    before = wait_until("4 running web pods", all_running)
    victim = before[0]["spec"]["nodeName"]
    out = kube.ok("drain", victim, "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=60s", timeout=90)
    assert f"node/{victim} drained" in out, out

    def moved():
        running = all_running()
        return running if running and all(p["spec"]["nodeName"] != victim for p in running) else None

    after = wait_until("the web pods running on other nodes", moved)
    assert {p["metadata"]["name"] for p in after}.isdisjoint({p["metadata"]["name"] for p in before if p["spec"]["nodeName"] == victim})
    assert "SchedulingDisabled" in kube.ok("get", "node", victim)
    kube.ok("uncordon", victim)


def test_kubelet_fault_makes_the_node_not_ready_and_clearing_heals_it(kube):
    node = nodes(kube)[0]["metadata"]["name"]
    path = kube.path.replace("/providers/Microsoft.ContainerService", "")
    faults = f"/admin{path}/nodes/{node}/faults"
    bad = admin(kube, "POST", faults, {"fault": "kubeletOnStrike"})
    assert bad.status_code == 400 and "kubeletStopped" in bad.json()["error"]["message"], describe(bad)
    injected = admin(kube, "POST", faults, {"fault": "kubeletStopped"})
    assert injected.status_code == 200 and injected.json()["faults"] == ["kubeletStopped"], describe(injected)

    # Within the grace period (40 s) the node stays Ready; past it, the lease is stale.
    assert admin(kube, "POST", "/admin/clock:advance", {"seconds": 20}).status_code == 200
    time.sleep(2.5)
    assert ready(json.loads(kube.ok("get", "node", node, "-o", "json"))) == "True"
    assert admin(kube, "POST", "/admin/clock:advance", {"seconds": 30}).status_code == 200
    wait_until("the node NotReady", lambda: "NotReady" in kube.ok("get", "node", node), timeout=15)
    shown = json.loads(kube.ok("get", "node", node, "-o", "json"))
    assert ready(shown) == "Unknown", shown["status"]["conditions"]
    assert any(t["key"] == "node.kubernetes.io/unreachable" for t in shown["spec"].get("taints") or []), shown["spec"]
    others = [n for n in nodes(kube) if n["metadata"]["name"] != node]
    assert all(ready(n) == "True" for n in others), [(n["metadata"]["name"], n.get("status"), n["spec"]) for n in others]

    cleared = admin(kube, "DELETE", f"{faults}/kubeletStopped")
    assert cleared.status_code == 200 and cleared.json()["faults"] == [], describe(cleared)
    wait_until("the node Ready again", lambda: ready(json.loads(kube.ok("get", "node", node, "-o", "json"))) == "True", timeout=15)
    wait_until("the unreachable taint removed", lambda: not any(
        t["key"] == "node.kubernetes.io/unreachable" for t in json.loads(kube.ok("get", "node", node, "-o", "json"))["spec"].get("taints") or []),
        timeout=15)
