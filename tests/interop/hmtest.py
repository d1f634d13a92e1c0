"""Helpers for the interop suite: `hm serve` as a child process (HmServer),
tenants minted with the provider's admin token, ARM paths and error checks,
and the Azure SDK client recipe from arm-wire.md section 5.

Environment:
  HM_BIN                path of the hm binary (default .build/debug/hm)
  HM_AZ                 path of the az CLI from the az venv (default .venv/az/bin/az)
  HM_TEST_POSTGRES_URL  a PostgreSQL the suite may create databases in (optional)
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
HM_BIN = os.environ.get("HM_BIN") or str(ROOT / ".build" / "debug" / "hm")
HM_AZ = os.environ.get("HM_AZ") or str(ROOT / ".venv" / "az" / "bin" / "az")

SDK_API_VERSION = "2026-08-01"  # azure-mgmt-containerservice 41.8.0's default
AZ_API_VERSION = "2026-06-01"  # what az 2.91.0 sends
PROVIDER = "Microsoft.ContainerService"

LISTENING = re.compile(r"hm: management API listening on (https?://\S+)")
ADMIN_TOKEN = re.compile(r"hm: admin token in (\S+)")
TLS_CERT = re.compile(r"hm: TLS certificate (\S+)")
KUBE_LISTENING = re.compile(r"hm: hosted Kubernetes API listening on (https://\S+?)/clusters/")

STARTUP_TIMEOUT = 60.0


def cluster_path(sub: str, rg: str, name: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{PROVIDER}/managedClusters/{name}"


def pool_path(sub: str, rg: str, cluster: str, pool: str) -> str:
    return cluster_path(sub, rg, cluster) + f"/agentPools/{pool}"


def minimal_cluster_body(name: str, count: int = 3, location: str = "eastus") -> dict:
    """The practical minimum create body (arm-wire.md section 4)."""
    return {
        "location": location,
        "properties": {
            "dnsPrefix": name,
            "agentPoolProfiles": [
                {
                    "name": "sys",
                    "count": count,
                    "mode": "System",
                    "vmSize": "Standard_DS2_v2",
                    "osType": "Linux",
                    "type": "VirtualMachineScaleSets",
                }
            ],
        },
    }


def new_subscription_id() -> str:
    return str(uuid.uuid4())


def describe(resp: requests.Response) -> str:
    """Status line and body, for assertion messages."""
    body = resp.text
    if len(body) > 2000:
        body = body[:2000] + "..."
    return f"{resp.request.method} {resp.request.url} -> {resp.status_code} {body}"


def arm_error(resp: requests.Response) -> dict:
    """The `error` object of an ARM error body; fails the test if the shape is wrong."""
    try:
        body = resp.json()
    except ValueError:
        pytest.fail(f"error body is not JSON: {describe(resp)}")
    assert isinstance(body, dict) and isinstance(body.get("error"), dict), (
        f"not an ARM error body {{\"error\":{{...}}}}: {describe(resp)}"
    )
    err = body["error"]
    assert isinstance(err.get("code"), str) and err["code"], f"error.code missing: {describe(resp)}"
    assert isinstance(err.get("message"), str), f"error.message missing: {describe(resp)}"
    return err


def _die_with_parent() -> None:
    """In the child before exec: SIGKILL it if pytest dies, so no server outlives the run."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


@dataclass
class Tenant:
    """A tenant as the provider minted it: one bearer token, its subscriptions."""

    token: str
    tenant_id: str
    subscriptions: list[str]

    @property
    def subscription(self) -> str:
        return self.subscriptions[0]


@dataclass
class HmServer:
    """One `hm serve` process on a data dir; restartable on the same dir."""

    data_dir: Path
    args: list[str] = field(default_factory=list)
    tls: bool = False
    log_path: Optional[Path] = None
    proc: Optional[subprocess.Popen] = None
    url: str = ""
    kube_url: str = ""
    cert_path: Optional[Path] = None
    admin_token_path: Optional[Path] = None
    starts: int = 0

    # -- process ---------------------------------------------------------------
    def command(self) -> list[str]:
        cmd = [HM_BIN, "serve", "--data-dir", str(self.data_dir), "--listen", "127.0.0.1:0"]
        if "--kube-listen" not in self.args:
            cmd += ["--kube-listen", "127.0.0.1:0"]
        if self.tls:
            cmd.append("--tls")
        return cmd + list(self.args)

    def start(self) -> "HmServer":
        if not os.path.exists(HM_BIN):
            pytest.fail(f"hm binary not found at {HM_BIN} (build with `swift build --product hm` or set HM_BIN)")
        self.starts += 1
        self.log_path = self.data_dir.parent / f"hm-serve-{self.starts}.log"
        self.url = ""
        found = {"url": None, "token": None, "cert": None, "kube": None}
        ready = threading.Event()
        log = open(self.log_path, "w", buffering=1)
        log.write("$ " + " ".join(self.command()) + "\n")
        self.proc = subprocess.Popen(
            self.command(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )

        def pump(stream, log_file):
            # Keep draining the pipe for the life of the process so it never blocks.
            for line in stream:
                log_file.write(line)
                for key, pattern in (("url", LISTENING), ("token", ADMIN_TOKEN), ("cert", TLS_CERT), ("kube", KUBE_LISTENING)):
                    m = pattern.search(line)
                    if m and not found[key]:
                        found[key] = m.group(1)
                if found["url"] and found["kube"] and (found["cert"] or not self.tls):
                    ready.set()
            log_file.close()
            ready.set()

        threading.Thread(target=pump, args=(self.proc.stdout, log), daemon=True).start()
        ready.wait(STARTUP_TIMEOUT)
        if not found["url"]:
            try:
                code = self.proc.wait(5)  # it closed stdout: usually it is exiting
            except subprocess.TimeoutExpired:
                code = None
            self.kill()
            self.proc = None  # reported here; teardown need not report its exit code again
            pytest.fail(
                f"hm serve did not print 'hm: management API listening on ...' "
                f"(exit code {code}); log:\n{self.log_tail()}"
            )
        self.url = found["url"].rstrip("/")
        self.kube_url = (found["kube"] or "").rstrip("/")
        self.admin_token_path = Path(found["token"]) if found["token"] else self.data_dir / "admin-token"
        if self.tls:
            self.cert_path = Path(found["cert"]) if found["cert"] else self.data_dir / "tls" / "cert.pem"
        deadline = time.monotonic() + 15
        while not self.admin_token_path.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"admin token file {self.admin_token_path} never appeared; log:\n{self.log_tail()}")
            time.sleep(0.05)
        return self

    def stop(self, timeout: float = 15) -> Optional[int]:
        """SIGTERM and wait; SIGKILL if it does not exit in time. Returns the exit code."""
        if not self.proc or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError(f"hm serve ignored SIGTERM for {timeout}s; log:\n{self.log_tail()}")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def restart(self) -> "HmServer":
        self.stop()
        return self.start()

    def log_tail(self, lines: int = 60) -> str:
        if not self.log_path or not self.log_path.exists():
            return "(no log)"
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    # -- HTTP ------------------------------------------------------------------
    @property
    def verify(self):
        return str(self.cert_path) if self.tls and self.cert_path else True

    def admin_token(self) -> str:
        assert self.admin_token_path is not None
        return self.admin_token_path.read_text().strip()

    def request(self, method: str, path: str, token: Optional[str] = None, *, api_version: Optional[str] = SDK_API_VERSION,
                headers: Optional[dict] = None, **kw) -> requests.Response:
        """An HTTP call to the service. `path` may be a full URL from a header;
        then only its path and query are kept (the port changes on restart)."""
        if path.startswith("http://") or path.startswith("https://"):
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        params = dict(kw.pop("params", {}) or {})
        if api_version is not None and "api-version=" not in path:
            params["api-version"] = api_version
        h = dict(headers or {})
        if token is not None:
            h["Authorization"] = f"Bearer {token}"
        kw.setdefault("timeout", 30)
        return requests.request(method, self.url + path, params=params, headers=h, verify=self.verify, **kw)

    def mint_tenant(self, subscriptions: Optional[list[str]] = None) -> Tenant:
        subs = subscriptions or [new_subscription_id()]
        resp = self.request("POST", "/admin/tokens", self.admin_token(), api_version=None, json={"subscriptions": subs})
        assert resp.status_code == 201, f"minting a tenant token: {describe(resp)}"
        body = resp.json()
        assert body.get("token"), f"no token in {describe(resp)}"
        assert body.get("subscriptions") == subs, f"unexpected subscriptions: {describe(resp)}"
        return Tenant(token=body["token"], tenant_id=body.get("tenantId", ""), subscriptions=subs)

    def wait_for_async_operation(self, url: str, token: str, timeout: float = 90) -> dict:
        """Poll an Azure-AsyncOperation URL until a terminal status; return the last body."""
        deadline = time.monotonic() + timeout
        while True:
            resp = self.request("GET", url, token, api_version=None)
            assert resp.status_code in (200, 201, 202), f"polling {describe(resp)}"
            body = resp.json()
            status = str(body.get("status", ""))
            if status.lower() in ("succeeded", "failed", "canceled"):
                return body
            assert time.monotonic() < deadline, f"operation still {status} after {timeout}s: {body}"
            time.sleep(0.2)

    def wait_for_state(self, path: str, token: str, state: str = "Succeeded", timeout: float = 90) -> dict:
        """Poll a resource until properties.provisioningState == state; return it."""
        deadline = time.monotonic() + timeout
        while True:
            resp = self.request("GET", path, token)
            assert resp.status_code == 200, describe(resp)
            body = resp.json()
            current = body.get("properties", {}).get("provisioningState")
            if current == state:
                return body
            assert current not in ("Failed", "Canceled") or current == state, f"resource ended {current}: {body}"
            assert time.monotonic() < deadline, f"still {current} after {timeout}s: {body}"
            time.sleep(0.2)


# --------------------------------------------------------------------- SDK
def sdk_client(server: HmServer, tenant: Tenant, subscription: Optional[str] = None, client_class=None):
    """azure-mgmt-containerservice client as in arm-wire.md section 5; `client_class` picks
    another ARM SDK client built the same way (ComputeManagementClient, NetworkManagementClient)."""
    from azure.core.credentials import AccessToken
    from azure.mgmt.containerservice import ContainerServiceClient
    from azure.mgmt.core.policies import ARMChallengeAuthenticationPolicy

    class StaticToken:
        def __init__(self, t):
            self.t = t

        def get_token(self, *scopes, **kw):
            return AccessToken(self.t, int(time.time()) + 3600)

    class HttpOkARMAuth(ARMChallengeAuthenticationPolicy):
        def on_request(self, request):
            request.context["enforce_https"] = False
            return super().on_request(request)

    cred = StaticToken(tenant.token)
    kwargs = {}
    if server.tls and server.cert_path:
        kwargs["connection_verify"] = str(server.cert_path)
    return (client_class or ContainerServiceClient)(
        credential=cred,
        subscription_id=subscription or tenant.subscription,
        base_url=server.url,
        polling_interval=0.2,
        retry_total=2,
        authentication_policy=HttpOkARMAuth(cred, "https://management.azure.com/.default"),
        **kwargs,
    )


