"""Real kubectl against a cluster's hosted API (issue 4 acceptance), once per kubectl client:
the PyPI wheels (1.37, 1.36) and, where the machine has it, /usr/bin/kubectl's dispatcher
(which picks kubectl 1.33.1 or 1.32.4 from the server's /version). 1.32 and later send
protobuf bodies for create configmap/namespace, auth can-i and drain's DeleteOptions."""

from __future__ import annotations

import json
import subprocess
import threading
import time

import pytest

from kubetest import CLIENTS, KubeCluster

DEPLOYMENT = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:IMAGE
        ports: [{containerPort: 80}]
"""

NODE = """
apiVersion: v1
kind: Node
metadata:
  name: NAME
  labels: {example.com/rack: r1}
status:
  conditions: [{type: Ready, status: "True", reason: KubeletReady, message: ready}]
"""

POD = """
apiVersion: v1
kind: Pod
metadata: {name: NAME, labels: {app: drain-me}}
spec:
  nodeName: NODE
  containers: [{name: c, image: busybox}]
"""


@pytest.fixture(scope="module", params=CLIENTS, ids=[c.name for c in CLIENTS])
def kube(request, hm_module_factory, tmp_path_factory) -> KubeCluster:
    client = request.param
    if not client.available():
        pytest.skip(f"{client.binary} not installed")
    hm = hm_module_factory()
    tenant = hm.mint_tenant()
    workdir = tmp_path_factory.mktemp(f"kube-{client.name}")
    return KubeCluster(hm, tenant, "k" + client.name.replace(".", "").replace("-", "")[:20], client.cluster_version, client, workdir)


def test_version_and_system_namespaces(kube):
    version = json.loads(kube.ok("version", "-o", "json"))
    assert version["serverVersion"]["minor"] == kube.client.cluster_version.split(".")[1], version
    assert version["clientVersion"]["minor"] == kube.client.client_minor, version  # the dispatcher picked the expected kubectl
    out = kube.ok("get", "ns")
    for ns in ("default", "kube-system", "kube-public", "kube-node-lease"):
        assert ns in out, out
    assert "Active" in out, out
    addons = kube.ok("-n", "kube-system", "get", "deployments,daemonsets")
    for name in ("coredns", "metrics-server", "konnectivity-agent", "kube-proxy"):
        assert name in addons, addons


def test_configmap_create_get_delete(kube):
    assert "configmap/cm1 created" in kube.ok("create", "configmap", "cm1", "--from-literal=a=b")
    shown = kube.ok("get", "cm", "cm1", "-o", "yaml")
    assert "a: b" in shown and "kind: ConfigMap" in shown and "resourceVersion:" in shown, shown
    table = kube.ok("get", "cm")
    assert "DATA" in table and "cm1" in table, table
    again = kube.fails("create", "configmap", "cm1", "--from-literal=a=b")
    assert "already exists" in again.err, again
    assert 'configmap "cm1" deleted' in kube.ok("delete", "cm", "cm1")
    gone = kube.fails("get", "cm", "cm1")
    assert "NotFound" in gone.err, gone


def test_apply_deployment_twice_is_unchanged(kube):
    manifest = DEPLOYMENT.replace("IMAGE", "1.25")
    assert "deployment.apps/web created" in kube.ok("apply", "-f", "-", stdin=manifest)
    assert "deployment.apps/web unchanged" in kube.ok("apply", "-f", "-", stdin=manifest)
    assert "deployment.apps/web configured" in kube.ok("apply", "-f", "-", stdin=DEPLOYMENT.replace("IMAGE", "1.26"))
    image = kube.ok("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}")
    assert image == "nginx:1.26 2", image
    assert "deployment.apps/web scaled" in kube.ok("scale", "deployment", "web", "--replicas=3")
    assert kube.ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}") == "3"


def test_label_cordon_uncordon_node(kube):
    kube.ok("apply", "-f", "-", stdin=NODE.replace("NAME", "node-a"))
    assert "node/node-a labeled" in kube.ok("label", "node", "node-a", "team=blue")
    assert kube.ok("get", "nodes", "-l", "team=blue", "-o", "name").strip() == "node/node-a"
    assert "node/node-a cordoned" in kube.ok("cordon", "node-a")
    assert "SchedulingDisabled" in kube.ok("get", "node", "node-a")
    assert "node/node-a uncordoned" in kube.ok("uncordon", "node-a")
    assert "SchedulingDisabled" not in kube.ok("get", "node", "node-a")


def test_get_pods_watch_sees_a_change(kube):
    cmd = [kube.client.binary, "--kubeconfig", str(kube.kubeconfig), "--cache-dir", str(kube.workdir / "cache"),
           "get", "pods", "--watch", "--output-watch-events"]
    watcher = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={"HOME": str(kube.workdir), "PATH": "/usr/bin:/bin"})
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(watcher.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        time.sleep(1.5)  # let the watch start before the change (this is a real process)
        kube.ok("run", "watched", "--image=nginx")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any("watched" in line for line in lines):
            time.sleep(0.1)
    finally:
        watcher.kill()
        _, err = watcher.communicate(timeout=5)
        reader.join(5)
    rows = [line for line in lines if "watched" in line]
    assert rows and rows[0].startswith("ADDED"), f"stdout: {''.join(lines)}\nstderr: {err}"
    kube.ok("delete", "pod", "watched")


def test_auth_can_i(kube):
    assert kube.ok("auth", "can-i", "create", "pods").strip() == "yes"
    assert kube.ok("auth", "can-i", "get", "/healthz").strip() == "yes"


def test_drain_evicts_pods(kube):
    kube.ok("apply", "-f", "-", stdin=NODE.replace("NAME", "node-d"))
    for name in ("d1", "d2"):
        kube.ok("apply", "-f", "-", stdin=POD.replace("NAME", name).replace("NODE", "node-d"))
    out = kube.ok("drain", "node-d", "--ignore-daemonsets", "--force", "--timeout=60s", timeout=90)
    assert "node/node-d drained" in out, out
    assert "No resources found" in kube.kubectl("get", "pods", "--field-selector", "spec.nodeName=node-d").err
    assert "SchedulingDisabled" in kube.ok("get", "node", "node-d")


def test_managed_objects_and_reserved_labels_are_protected(kube):
    scaled = kube.fails("-n", "kube-system", "scale", "deployment", "coredns", "--replicas=5")
    assert "Forbidden" in scaled.err and "managed by the service" in scaled.err, scaled
    deleted = kube.fails("-n", "kube-system", "delete", "daemonset", "kube-proxy")
    assert "Forbidden" in deleted.err and "CP2" in deleted.err, deleted
    kube.ok("apply", "-f", "-", stdin=NODE.replace("NAME", "node-r"))
    reserved = kube.fails("label", "node", "node-r", "kubernetes.azure.com/agentpool=hack")
    assert "Forbidden" in reserved.err and "kubernetes.azure.com/agentpool" in reserved.err, reserved
    instance = kube.fails("label", "node", "node-r", "node.kubernetes.io/instance-type=Standard_X")
    assert "Forbidden" in instance.err and "reserved" in instance.err, instance
    # the customer's own extension point stays writable
    assert "configmap/coredns-custom" in kube.ok("-n", "kube-system", "patch", "configmap", "coredns-custom", "--type=merge", "-p", '{"data":{"x.server":"# custom"}}')


def test_aks_service_has_no_rights_without_grant_and_cannot_escalate_with_one(kube):
    support = kube.support_access(minutes=30)
    assert "coredns" in kube.ok("-n", "kube-system", "get", "pods,deployments", kubeconfig=support)
    denied = kube.fails("create", "clusterrolebinding", "takeover", "--clusterrole=cluster-admin", "--user=aks-support", kubeconfig=support)
    assert "cannot create resource \"clusterrolebindings\"" in denied.err, denied
    no = kube.kubectl("auth", "can-i", "create", "clusterrolebindings", kubeconfig=support)
    assert no.code == 1 and no.out.startswith("no"), no
    kube.revoke_support_access()
    after = kube.fails("get", "pods", kubeconfig=support)
    assert "Forbidden" in after.err, after


def test_bad_requests_get_status_errors_and_change_nothing(kube):
    base = "/api/v1/namespaces/default/configmaps"
    malformed = kube.http("POST", base, '{"metadata": {"name": ')
    assert malformed.status_code == 400 and malformed.json()["kind"] == "Status", malformed.text
    assert kube.http("GET", "/api/v1/namespaces/default/widgets").status_code == 404
    wrong_version = kube.http("POST", base, {"apiVersion": "v2", "kind": "ConfigMap", "metadata": {"name": "wv"}})
    assert wrong_version.status_code == 400 and wrong_version.json()["reason"] == "BadRequest", wrong_version.text
    bad_name = kube.http("POST", base, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "Bad_Name"}})
    assert bad_name.status_code == 422 and bad_name.json()["reason"] == "Invalid", bad_name.text
    assert bad_name.json()["details"]["causes"][0]["field"] == "metadata.name"
    created = kube.http("POST", base, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "rv"}, "data": {"v": "1"}})
    assert created.status_code == 201, created.text
    stale = created.json()
    stale["data"] = {"v": "2"}
    assert kube.http("PUT", f"{base}/rv", stale).status_code == 200
    stale["data"] = {"v": "3"}
    conflict = kube.http("PUT", f"{base}/rv", stale)
    assert conflict.status_code == 409 and conflict.json()["reason"] == "Conflict", conflict.text
    assert kube.http("GET", f"{base}/rv").json()["data"] == {"v": "2"}
    names = [item["metadata"]["name"] for item in kube.http("GET", base).json()["items"]]
    assert "wv" not in names and "Bad_Name" not in names, names
    unauthenticated = kube.http("GET", base, token="not-a-token")
    assert unauthenticated.status_code == 401 and unauthenticated.json()["reason"] == "Unauthorized"
