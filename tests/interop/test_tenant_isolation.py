"""A token sees only its own subscriptions: another tenant's cluster is a 404,
and a request without a valid token is a 401 in ARM error shape."""

import pytest
from azure.core.exceptions import ResourceNotFoundError

from hmtest import arm_error, cluster_path, describe, minimal_cluster_body, sdk_client, PROVIDER

RG = "rg1"
NOT_FOUND_CODES = ("ResourceNotFound", "SubscriptionNotFound")


@pytest.fixture(scope="module")
def tenants(hm):
    a = hm.mint_tenant()
    b = hm.mint_tenant()
    assert a.tenant_id != b.tenant_id, "two mints should be two tenants"
    path = cluster_path(a.subscription, RG, "private")
    resp = hm.request("PUT", path, a.token, json=minimal_cluster_body("private", count=1))
    assert resp.status_code in (200, 201), describe(resp)
    hm.wait_for_state(path, a.token)
    return a, b


def test_other_tenant_gets_404_for_the_cluster(hm, tenants):
    a, b = tenants
    path = cluster_path(a.subscription, RG, "private")
    assert hm.request("GET", path, a.token).status_code == 200

    resp = hm.request("GET", path, b.token)
    assert resp.status_code == 404, describe(resp)
    assert arm_error(resp)["code"] in NOT_FOUND_CODES, describe(resp)

    # the SDK maps it to ResourceNotFoundError
    with pytest.raises(ResourceNotFoundError):
        sdk_client(hm, b, subscription=a.subscription).managed_clusters.get(RG, "private")


def test_other_tenant_cannot_list_or_change_it(hm, tenants):
    a, b = tenants
    # B's own subscription has no clusters
    own = hm.request("GET", f"/subscriptions/{b.subscription}/providers/{PROVIDER}/managedClusters", b.token)
    assert own.status_code == 200, describe(own)
    assert own.json()["value"] == []
    assert list(sdk_client(hm, b).managed_clusters.list()) == []

    # A's subscription is invisible to B
    listing = hm.request("GET", f"/subscriptions/{a.subscription}/providers/{PROVIDER}/managedClusters", b.token)
    assert listing.status_code == 404, describe(listing)
    assert arm_error(listing)["code"] in NOT_FOUND_CODES

    path = cluster_path(a.subscription, RG, "private")
    for method, kw in (("PATCH", {"json": {"tags": {"owner": "b"}}}), ("DELETE", {}),
                       ("PUT", {"json": minimal_cluster_body("private", count=5)})):
        resp = hm.request(method, path, b.token, **kw)
        assert resp.status_code == 404, describe(resp)
        assert arm_error(resp)["code"] in NOT_FOUND_CODES, describe(resp)

    # and nothing happened to it
    after = hm.request("GET", path, a.token)
    assert after.status_code == 200, describe(after)
    body = after.json()
    assert body.get("tags") in (None, {}), body
    assert body["properties"]["agentPoolProfiles"][0]["count"] == 1
    assert body["properties"]["provisioningState"] == "Succeeded"


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic dXNlcjpwYXNz"])
def test_missing_or_bad_token_is_401(hm, tenants, authorization):
    a, _ = tenants
    headers = {"Authorization": authorization} if authorization else {}
    resp = hm.request("GET", cluster_path(a.subscription, RG, "private"), headers=headers)
    assert resp.status_code == 401, describe(resp)
    arm_error(resp)


def test_tenant_token_is_not_an_admin_token(hm, tenants):
    a, _ = tenants
    resp = hm.request("POST", "/admin/tokens", a.token, api_version=None, json={"subscriptions": [a.subscription]})
    assert resp.status_code in (401, 403), describe(resp)
