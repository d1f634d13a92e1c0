"""Long-running operations carry the headers the clients poll by. The az CLI
sets no polling interval of its own: without Retry-After on each in-progress
poll response it waits 30 s between polls (arm-wire.md section 3)."""

from hmtest import cluster_path, describe, minimal_cluster_body

RG = "rg1"


def retry_after(resp):
    value = resp.headers.get("Retry-After")
    assert value and value.isdigit() and 0 < int(value) <= 5, f"want Retry-After 1..5: {describe(resp)} {resp.headers}"


def test_create_and_stop_carry_polling_headers(hm_factory):
    hm = hm_factory("--provisioning-step-seconds", "1")
    owner = hm.mint_tenant()
    path = cluster_path(owner.subscription, RG, "polled")

    created = hm.request("PUT", path, owner.token, json=minimal_cluster_body("polled", count=1))
    assert created.status_code == 201, describe(created)
    assert created.json()["properties"]["provisioningState"] == "Creating", describe(created)
    assert created.headers.get("Azure-AsyncOperation"), created.headers
    retry_after(created)
    status = hm.request("GET", created.headers["Azure-AsyncOperation"], owner.token, api_version=None)
    assert status.status_code == 200, describe(status)
    assert status.json()["status"] == "InProgress", describe(status)
    retry_after(status)
    done = hm.wait_for_async_operation(created.headers["Azure-AsyncOperation"], owner.token)
    assert done["status"] == "Succeeded", done

    # stop: 202 with Location (the SDK polls it with LocationPolling: 202 = still running)
    stopping = hm.request("POST", path + "/stop", owner.token)
    assert stopping.status_code == 202, describe(stopping)
    assert stopping.headers.get("Location"), stopping.headers
    retry_after(stopping)
    poll = hm.request("GET", stopping.headers["Location"], owner.token, api_version=None)
    assert poll.status_code == 202, f"Location poll while stopping should be 202: {describe(poll)}"
    retry_after(poll)
