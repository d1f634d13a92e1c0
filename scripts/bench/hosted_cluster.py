"""A cluster's hosted Kubernetes API as the benchmark reaches it: created through the
management API (bench_client, run_backend), its user kubeconfig fetched with
listClusterUserCredential and reduced to server URL, bearer token and CA file.
Standard library only."""

import base64
import os
import re
import time

from bench_client import Failures, cluster_path
from run_backend import GROUP, SUBSCRIPTION, create, poll_until_done


class Credentials:
    """Server URL, token and a CA file written from one kubeconfig (also kept as a file)."""

    def __init__(self, kubeconfig, work_dir, name):
        def field(key):
            match = re.search(rf"^\s*{key}:\s*(\S+)\s*$", kubeconfig, re.MULTILINE)
            if not match:
                raise SystemExit(f"kubeconfig of {name} has no {key}")
            return match.group(1)

        self.server, self.token = field("server"), field("token")
        if not self.server.startswith("https://127.0.0.1:"):
            raise SystemExit(f"refusing a non-loopback server {self.server}")
        self.ca_file = os.path.join(work_dir, f"{name}-ca.pem")
        with open(self.ca_file, "wb") as f:
            f.write(base64.b64decode(field("certificate-authority-data")))
        self.kubeconfig = os.path.join(work_dir, f"{name}.kubeconfig")
        with open(self.kubeconfig, "w") as f:
            f.write(kubeconfig)


def credential_path(name):
    path, query = cluster_path(SUBSCRIPTION, GROUP, name).split("?")
    return f"{path}/listClusterUserCredential?{query}"


def user_credentials(client, name, work_dir):
    """The clusterUser kubeconfig of cluster `name`, decoded."""
    response = client.request("POST", credential_path(name))
    if response.status != 200:
        raise SystemExit(f"listClusterUserCredential {name} answered {response.status}: {response.body[:300]!r}")
    value = response.json()["kubeconfigs"][0]["value"]
    return Credentials(base64.b64decode(value).decode(), work_dir, name)


def create_and_wait(client, name, interval=0.05):
    """Creates cluster `name` and waits for its operation; returns the seconds it took."""
    failures = Failures()
    started = time.perf_counter()
    created = create(client, name, failures)
    if created is None or poll_until_done(client, created[1], failures, interval=interval) != "Succeeded":
        raise SystemExit(f"creating cluster {name} failed: {failures.report()}")
    return time.perf_counter() - started
