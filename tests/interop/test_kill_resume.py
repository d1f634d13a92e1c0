"""Accepted means durable: SIGKILL the server while a create is running, start
it again on the same data dir (and database), and the operation finishes."""

import signal

import pytest

from hmtest import cluster_path, describe, minimal_cluster_body

RG = "rg1"


@pytest.mark.parametrize("store", ["embedded", "postgres"])
def test_create_survives_sigkill(hm_factory, request, store):
    args = ["--provisioning-step-seconds", "3"]
    if store == "postgres":
        args += ["--database", request.getfixturevalue("postgres_database")]
    hm = hm_factory(*args)
    owner = hm.mint_tenant()
    path = cluster_path(owner.subscription, RG, "durable")

    created = hm.request("PUT", path, owner.token, json=minimal_cluster_body("durable"))
    assert created.status_code == 201, describe(created)
    operation_url = created.headers.get("Azure-AsyncOperation")
    assert operation_url, f"no Azure-AsyncOperation header: {created.headers}"

    status = hm.request("GET", operation_url, owner.token, api_version=None)
    assert status.status_code == 200, describe(status)
    assert status.json()["status"] in ("InProgress", "Accepted", "Running"), describe(status)
    assert hm.request("GET", path, owner.token).json()["properties"]["provisioningState"] == "Creating"

    hm.proc.send_signal(signal.SIGKILL)
    hm.proc.wait(10)
    assert hm.proc.returncode == -signal.SIGKILL

    hm.start()  # same data dir and flags; --listen 127.0.0.1:0 gives a new port, so
    # hm.request keeps only the path and query of the Azure-AsyncOperation URL

    # the token minted before the crash still works, and the operation resumes
    final = hm.wait_for_async_operation(operation_url, owner.token, timeout=120)
    assert final["status"] == "Succeeded", final
    body = hm.request("GET", path, owner.token)
    assert body.status_code == 200, describe(body)
    props = body.json()["properties"]
    assert props["provisioningState"] == "Succeeded", props
    assert props["powerState"]["code"] == "Running", props
    assert props["agentPoolProfiles"][0]["count"] == 3
