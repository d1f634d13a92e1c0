"""While an operation runs on a cluster, a second mutating call is refused with
409 OperationNotAllowed and changes nothing."""

import pytest
from azure.core.exceptions import HttpResponseError

from hmtest import arm_error, cluster_path, describe, minimal_cluster_body, pool_path, sdk_client

RG = "rg1"


def assert_409(resp):
    assert resp.status_code == 409, describe(resp)
    assert "retry-after" not in {k.lower() for k in resp.headers}, f"409 must not carry Retry-After: {resp.headers}"
    assert arm_error(resp)["code"] == "OperationNotAllowed", describe(resp)


def test_mutations_during_create_are_409(hm_factory):
    hm = hm_factory("--provisioning-step-seconds", "2")
    owner = hm.mint_tenant()
    path = cluster_path(owner.subscription, RG, "busy")
    created = hm.request("PUT", path, owner.token, json=minimal_cluster_body("busy"))
    assert created.status_code == 201, describe(created)
    assert created.headers.get("Azure-AsyncOperation"), f"no Azure-AsyncOperation: {created.headers}"

    assert_409(hm.request("PATCH", path, owner.token, json={"tags": {"late": "yes"}}))
    assert_409(hm.request("POST", path + "/stop", owner.token))
    assert_409(hm.request("PUT", pool_path(owner.subscription, RG, "busy", "user1"), owner.token,
                          json={"properties": {"count": 1, "mode": "User"}}))
    assert_409(hm.request("DELETE", path, owner.token))

    # the SDK surfaces the same refusal (and does not retry it)
    with pytest.raises(HttpResponseError) as info:
        sdk_client(hm, owner).managed_clusters.begin_update_tags(RG, "busy", {"tags": {"late": "yes"}})
    assert info.value.status_code == 409
    assert info.value.error.code == "OperationNotAllowed"

    # the create itself goes on to Succeeded, untouched by the refused calls
    status = hm.wait_for_async_operation(created.headers["Azure-AsyncOperation"], owner.token, timeout=120)
    assert status["status"] == "Succeeded", status
    body = hm.request("GET", path, owner.token).json()
    assert body["properties"]["provisioningState"] == "Succeeded"
    assert body["properties"]["powerState"]["code"] == "Running"
    assert body.get("tags") in (None, {}), body
    assert [p["name"] for p in body["properties"]["agentPoolProfiles"]] == ["sys"]
    missing = hm.request("GET", pool_path(owner.subscription, RG, "busy", "user1"), owner.token)
    assert missing.status_code == 404, describe(missing)

    # once it is done, the same change is accepted
    tagged = hm.request("PATCH", path, owner.token, json={"tags": {"late": "yes"}})
    assert tagged.status_code in (200, 202), describe(tagged)
