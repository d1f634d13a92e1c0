"""The az CLI (2.91.0, from its own venv) drives a cluster's life against
`hm serve --tls`, logged in through the service's managed-identity endpoint
(recipe: arm-wire.md section 6)."""

import json
import os
import subprocess

import pytest

from hmtest import HM_AZ

RG = "rg1"
NAME = "azc1"
AZ_TIMEOUT = 180


class Az:
    """Runs az as a subprocess with its own config dir and the MSI env vars."""

    def __init__(self, server, tenant, home):
        self.server = server
        self.tenant = tenant
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("AZURE_", "IDENTITY_", "MSI_"))}
        self.env.update(
            HOME=str(home),
            AZURE_CONFIG_DIR=str(home / "azure"),
            REQUESTS_CA_BUNDLE=str(server.cert_path),
            AZURE_CORE_COLLECT_TELEMETRY="0",
            AZURE_CORE_SURVEY_MESSAGE="false",
            AZURE_CORE_NO_COLOR="true",
            IDENTITY_ENDPOINT=f"{server.url}/msi/token",
            IDENTITY_HEADER=tenant.token,
        )

    def run(self, *args, expect_rc=0):
        cmd = [HM_AZ, *args, "--only-show-errors"]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=AZ_TIMEOUT,
                              stdin=subprocess.DEVNULL)
        if expect_rc is not None:
            assert proc.returncode == expect_rc, (
                f"$ az {' '.join(args)}\nrc={proc.returncode}\nstdout:\n{proc.stdout[-3000:]}\n"
                f"stderr:\n{proc.stderr[-3000:]}\n--- hm serve log ---\n{self.server.log_tail(30)}"
            )
        return proc

    def json(self, *args):
        out = self.run(*args, "--output", "json").stdout.strip()
        return json.loads(out) if out else None


@pytest.fixture(scope="module")
def az(hm_module_factory, tmp_path_factory):
    if not os.access(HM_AZ, os.X_OK):
        pytest.skip(f"az CLI not found at {HM_AZ}: the az venv is missing (scripts/test creates .venv/az)")
    server = hm_module_factory(tls=True)
    tenant = server.mint_tenant()
    cli = Az(server, tenant, tmp_path_factory.mktemp("az-home"))
    cli.run("cloud", "register", "-n", "Harbormaster",
            "--endpoint-resource-manager", server.url + "/",
            "--endpoint-active-directory", server.url + "/",
            "--endpoint-active-directory-resource-id", "https://management.core.windows.net/",
            "--skip-endpoint-discovery")
    cli.run("cloud", "set", "-n", "Harbormaster")
    accounts = cli.json("login", "--identity")
    assert [a["id"] for a in accounts] == [tenant.subscription], accounts
    assert accounts[0]["tenantId"] == tenant.tenant_id, accounts
    return cli


def test_create(az):
    cluster = az.json("aks", "create", "-g", RG, "-n", NAME, "--node-count", "3", "--no-ssh-key",
                      "--location", "eastus")
    assert cluster["name"] == NAME
    assert cluster["provisioningState"] == "Succeeded"
    assert cluster["powerState"]["code"] == "Running"
    assert cluster["agentPoolProfiles"][0]["count"] == 3
    assert cluster["nodeResourceGroup"] == f"MC_{RG}_{NAME}_eastus"


def test_show_and_list(az):
    shown = az.json("aks", "show", "-g", RG, "-n", NAME)
    assert shown["name"] == NAME and shown["provisioningState"] == "Succeeded"
    assert shown["fqdn"]
    assert [c["name"] for c in az.json("aks", "list")] == [NAME]
    assert [c["name"] for c in az.json("aks", "list", "-g", RG)] == [NAME]


def test_nodepool_add_scale_list(az):
    added = az.json("aks", "nodepool", "add", "-g", RG, "--cluster-name", NAME, "-n", "np2", "--node-count", "1")
    assert added["name"] == "np2" and added["count"] == 1 and added["mode"] == "User"
    assert added["provisioningState"] == "Succeeded"
    scaled = az.json("aks", "nodepool", "scale", "-g", RG, "--cluster-name", NAME, "-n", "np2", "--node-count", "2")
    assert scaled["count"] == 2
    pools = {p["name"]: p["count"] for p in az.json("aks", "nodepool", "list", "-g", RG, "--cluster-name", NAME)}
    assert pools == {"nodepool1": 3, "np2": 2}


def test_stop_and_start(az):
    az.run("aks", "stop", "-g", RG, "-n", NAME)
    assert az.json("aks", "show", "-g", RG, "-n", NAME)["powerState"]["code"] == "Stopped"
    az.run("aks", "start", "-g", RG, "-n", NAME)
    assert az.json("aks", "show", "-g", RG, "-n", NAME)["powerState"]["code"] == "Running"


def test_versions_and_upgrades(az):
    versions = az.json("aks", "get-versions", "-l", "eastus")
    assert versions["values"], versions
    upgrades = az.json("aks", "get-upgrades", "-g", RG, "-n", NAME)
    assert upgrades["controlPlaneProfile"]["kubernetesVersion"], upgrades
    account = az.json("account", "show")
    assert account["id"] == az.tenant.subscription and account["tenantId"] == az.tenant.tenant_id, account


def test_get_credentials(az, tmp_path):
    kubeconfig = tmp_path / "kubeconfig"
    az.run("aks", "get-credentials", "-g", RG, "-n", NAME, "-f", str(kubeconfig))
    text = kubeconfig.read_text()
    for key in ("clusters:", "users:", "contexts:", "server: https://"):
        assert key in text, text
    assert NAME in text, text


def test_delete(az):
    az.run("aks", "delete", "-g", RG, "-n", NAME, "--yes")
    assert az.json("aks", "list") == []
    gone = az.run("aks", "show", "-g", RG, "-n", NAME, expect_rc=None)
    assert gone.returncode != 0
    assert "ResourceNotFound" in gone.stderr or "not found" in gone.stderr.lower(), gone.stderr
