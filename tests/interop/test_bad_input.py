"""Bad requests get a 400 in ARM error shape, and change nothing."""

import pytest
from azure.core.exceptions import HttpResponseError

from hmtest import arm_error, cluster_path, describe, minimal_cluster_body, pool_path, sdk_client

RG = "rg1"


@pytest.fixture(scope="module")
def owner(hm):
    return hm.mint_tenant()


@pytest.fixture(scope="module")
def existing(hm, owner):
    """A Succeeded cluster `good` to send bad changes to; returns its GET body."""
    path = cluster_path(owner.subscription, RG, "good")
    resp = hm.request("PUT", path, owner.token, json=minimal_cluster_body("good"))
    assert resp.status_code in (200, 201), describe(resp)
    return hm.wait_for_state(path, owner.token)


def assert_400(resp, code=None):
    assert resp.status_code == 400, describe(resp)
    # azure-core retries any >= 400 response that carries Retry-After (arm-wire.md section 3)
    assert "retry-after" not in {k.lower() for k in resp.headers}, f"400 must not carry Retry-After: {resp.headers}"
    err = arm_error(resp)
    if code:
        assert err["code"] == code, describe(resp)
    return err


def assert_absent(hm, owner, path):
    resp = hm.request("GET", path, owner.token)
    assert resp.status_code == 404, f"resource should not exist after a rejected request: {describe(resp)}"
    assert arm_error(resp)["code"] in ("ResourceNotFound", "NotFound"), describe(resp)


def test_negative_pool_count_via_sdk_is_400_and_creates_nothing(hm, owner, existing):
    client = sdk_client(hm, owner)
    body = {"properties": {"count": -1, "mode": "User", "vmSize": "Standard_DS2_v2"}}
    with pytest.raises(HttpResponseError) as info:
        client.agent_pools.begin_create_or_update(RG, "good", "bad1", body).result(timeout=60)
    assert info.value.status_code == 400, info.value
    assert info.value.error is not None and info.value.error.code, f"no ARM error code: {info.value}"
    assert "count" in (info.value.error.target or "") + info.value.error.message.lower(), info.value.error
    assert_absent(hm, owner, pool_path(owner.subscription, RG, "good", "bad1"))
    pools = [p["name"] for p in hm.request("GET", cluster_path(owner.subscription, RG, "good"), owner.token)
             .json()["properties"]["agentPoolProfiles"]]
    assert pools == ["sys"]


def test_unknown_property_is_400_naming_it(hm, owner):
    body = minimal_cluster_body("c2")
    body["properties"]["fooBar"] = True
    path = cluster_path(owner.subscription, RG, "c2")
    err = assert_400(hm.request("PUT", path, owner.token, json=body))
    assert "fooBar" in (err.get("target") or ""), f"error.target should name properties.fooBar: {err}"
    assert_absent(hm, owner, path)


def test_malformed_json_is_400(hm, owner, existing):
    path = cluster_path(owner.subscription, RG, "c3")
    assert_400(hm.request("PUT", path, owner.token, data=b'{"location": "eastus", "properties": {',
                          headers={"Content-Type": "application/json"}))
    assert_absent(hm, owner, path)

    # on an existing cluster: a malformed PATCH leaves its tags alone
    good = cluster_path(owner.subscription, RG, "good")
    assert_400(hm.request("PATCH", good, owner.token, data=b'{"tags": {"a": ',
                          headers={"Content-Type": "application/json"}))
    after = hm.request("GET", good, owner.token).json()
    assert after.get("tags") in (None, {}), after
    assert after["properties"]["provisioningState"] == "Succeeded"


def test_unsupported_api_version_is_400(hm, owner, existing):
    good = cluster_path(owner.subscription, RG, "good")
    assert_400(hm.request("GET", good, owner.token, api_version="2019-01-01"), "InvalidApiVersionParameter")
    assert_400(hm.request("GET", good, owner.token, api_version=None), None)

    path = cluster_path(owner.subscription, RG, "c4")
    assert_400(hm.request("PUT", path, owner.token, api_version="2019-01-01", json=minimal_cluster_body("c4")),
               "InvalidApiVersionParameter")
    assert_absent(hm, owner, path)

    # the versions the clients send are accepted
    for version in ("2026-06-01", "2026-08-01", "2026-10-01"):
        resp = hm.request("GET", good, owner.token, api_version=version)
        assert resp.status_code == 200, describe(resp)
