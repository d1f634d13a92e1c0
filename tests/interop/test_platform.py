"""The service's platform surfaces: subscriptions as a tenant sees them (what
`az login` reads), cloud metadata, Prometheus metrics, and the provider's
simulated clock."""

from datetime import datetime

from hmtest import arm_error, describe


def test_subscriptions_list_only_the_tenants_own(hm):
    a = hm.mint_tenant()
    b = hm.mint_tenant()
    resp = hm.request("GET", "/subscriptions", a.token, api_version="2022-12-01")
    assert resp.status_code == 200, describe(resp)
    value = resp.json()["value"]
    assert [s["subscriptionId"] for s in value] == [a.subscription], value
    assert value[0]["id"] == f"/subscriptions/{a.subscription}"
    assert value[0]["tenantId"] == a.tenant_id
    assert value[0]["state"] == "Enabled"

    own = hm.request("GET", f"/subscriptions/{a.subscription}", a.token, api_version="2022-12-01")
    assert own.status_code == 200, describe(own)
    assert own.json()["subscriptionId"] == a.subscription

    other = hm.request("GET", f"/subscriptions/{b.subscription}", a.token, api_version="2022-12-01")
    assert other.status_code == 404, describe(other)
    assert arm_error(other)["code"] in ("SubscriptionNotFound", "ResourceNotFound")


def test_cloud_metadata_is_public(hm):
    resp = hm.request("GET", "/metadata/endpoints", None, api_version="2022-09-01")
    assert resp.status_code == 200, describe(resp)
    body = resp.json()
    assert body["resourceManager"].rstrip("/") == hm.url, body
    assert body["authentication"]["loginEndpoint"], body
    assert body["authentication"]["audiences"], body


def test_metrics_are_prometheus_text(hm):
    owner = hm.mint_tenant()
    hm.request("GET", f"/subscriptions/{owner.subscription}/providers/Microsoft.ContainerService/managedClusters",
               owner.token)
    resp = hm.request("GET", "/metrics", None, api_version=None)
    assert resp.status_code == 200, describe(resp)
    assert resp.headers.get("Content-Type", "").startswith("text/plain"), resp.headers
    assert "# TYPE " in resp.text, resp.text[:500]


def _now(resp):
    assert resp.status_code == 200, describe(resp)
    return datetime.fromisoformat(resp.json()["now"].replace("Z", "+00:00"))


def test_simulated_clock_advances_on_request(hm_factory):
    hm = hm_factory("--clock", "simulated")
    admin = hm.admin_token()
    before = _now(hm.request("GET", "/admin/clock", admin, api_version=None))
    after = _now(hm.request("POST", "/admin/clock:advance", admin, api_version=None, json={"seconds": 30 * 86400}))
    assert (after - before).total_seconds() >= 30 * 86400, (before, after)
    assert _now(hm.request("GET", "/admin/clock", admin, api_version=None)) >= after

    tenant = hm.mint_tenant()
    refused = hm.request("POST", "/admin/clock:advance", tenant.token, api_version=None, json={"seconds": 1})
    assert refused.status_code in (401, 403), describe(refused)


def test_system_clock_cannot_be_advanced(hm):
    resp = hm.request("POST", "/admin/clock:advance", hm.admin_token(), api_version=None, json={"seconds": 60})
    assert 400 <= resp.status_code < 500, describe(resp)
    arm_error(resp)
