"""A cluster's life through the reference client, azure-mgmt-containerservice 41.8.0:
create, read, list, agent pools, stop/start, credentials, versions, tags, delete."""

import pytest
import yaml
from azure.core.exceptions import ResourceNotFoundError

from hmtest import minimal_cluster_body, sdk_client

RG = "rg1"
CLUSTER = "c1"


@pytest.fixture(scope="module")
def owner(hm):
    return hm.mint_tenant()


@pytest.fixture(scope="module")
def client(hm, owner):
    return sdk_client(hm, owner)


@pytest.fixture(scope="module")
def cluster(client):
    """c1 in rg1, created once for the module through the SDK's LRO poller."""
    poller = client.managed_clusters.begin_create_or_update(RG, CLUSTER, minimal_cluster_body(CLUSTER))
    return poller.result(timeout=120)


def test_create_cluster_reaches_succeeded_and_running(cluster, owner):
    assert cluster.name == CLUSTER
    assert cluster.type.lower() == "microsoft.containerservice/managedclusters"
    assert cluster.location == "eastus"
    assert cluster.id.lower() == (
        f"/subscriptions/{owner.subscription}/resourcegroups/{RG}"
        f"/providers/microsoft.containerservice/managedclusters/{CLUSTER}"
    )
    assert cluster.provisioning_state == "Succeeded"
    assert cluster.power_state.code == "Running"
    assert cluster.fqdn, "fqdn should be set once the cluster exists"
    assert cluster.node_resource_group == f"MC_{RG}_{CLUSTER}_eastus"
    assert cluster.kubernetes_version, "kubernetesVersion should default to a version"
    pools = {p.name: p for p in cluster.agent_pool_profiles}
    assert pools["sys"].count == 3
    assert pools["sys"].mode == "System"


def test_get_returns_the_created_cluster(client, cluster):
    got = client.managed_clusters.get(RG, CLUSTER)
    assert got.id == cluster.id
    assert got.provisioning_state == "Succeeded"
    assert got.power_state.code == "Running"
    assert got.fqdn == cluster.fqdn
    assert got.dns_prefix == CLUSTER


def test_list_by_subscription_and_by_resource_group(client, cluster):
    client.managed_clusters.begin_create_or_update("rg2", "other", minimal_cluster_body("other", count=1)).result(
        timeout=120
    )
    by_sub = sorted(c.name for c in client.managed_clusters.list())
    assert by_sub == [CLUSTER, "other"]
    by_rg = [c.name for c in client.managed_clusters.list_by_resource_group(RG)]
    assert by_rg == [CLUSTER]
    assert [c.name for c in client.managed_clusters.list_by_resource_group("rg2")] == ["other"]
    assert list(client.managed_clusters.list_by_resource_group("rg-empty")) == []


def test_agent_pool_add_and_scale(client, cluster):
    body = {"properties": {"count": 2, "mode": "User", "vmSize": "Standard_DS2_v2", "osType": "Linux",
                           "type": "VirtualMachineScaleSets"}}
    pool = client.agent_pools.begin_create_or_update(RG, CLUSTER, "user1", body).result(timeout=120)
    assert pool.name == "user1"
    assert pool.count == 2
    assert pool.mode == "User"
    assert pool.provisioning_state == "Succeeded"
    assert pool.type.lower() == "microsoft.containerservice/managedclusters/agentpools"

    assert sorted(p.name for p in client.agent_pools.list(RG, CLUSTER)) == ["sys", "user1"]
    profiles = {p.name: p for p in client.managed_clusters.get(RG, CLUSTER).agent_pool_profiles}
    assert profiles["user1"].count == 2

    # scale = GET, change count, PUT (what `az aks nodepool scale` does)
    current = client.agent_pools.get(RG, CLUSTER, "user1")
    current.properties.count = 4
    scaled = client.agent_pools.begin_create_or_update(RG, CLUSTER, "user1", current).result(timeout=120)
    assert scaled.count == 4
    assert client.agent_pools.get(RG, CLUSTER, "user1").count == 4
    profiles = {p.name: p for p in client.managed_clusters.get(RG, CLUSTER).agent_pool_profiles}
    assert profiles["user1"].count == 4
    assert profiles["sys"].count == 3


def test_stop_then_start(client, cluster):
    client.managed_clusters.begin_stop(RG, CLUSTER).result(timeout=120)
    stopped = client.managed_clusters.get(RG, CLUSTER)
    assert stopped.power_state.code == "Stopped"
    assert stopped.provisioning_state == "Succeeded"

    client.managed_clusters.begin_start(RG, CLUSTER).result(timeout=120)
    started = client.managed_clusters.get(RG, CLUSTER)
    assert started.power_state.code == "Running"
    assert started.provisioning_state == "Succeeded"


def _kubeconfig(result, expected_name):
    assert result.kubeconfigs, "no kubeconfigs returned"
    entry = result.kubeconfigs[0]
    assert entry.name == expected_name
    assert isinstance(entry.value, (bytes, bytearray)) and entry.value, "kubeconfig value should be bytes"
    config = yaml.safe_load(entry.value.decode())
    assert isinstance(config, dict), f"kubeconfig is not a YAML mapping: {entry.value[:200]!r}"
    for key in ("clusters", "users", "contexts"):
        assert config.get(key), f"kubeconfig has no {key}: {config}"
    server = config["clusters"][0]["cluster"]["server"]
    assert server.startswith("https://"), server
    return config


def test_user_and_admin_credentials(client, cluster):
    user = _kubeconfig(client.managed_clusters.list_cluster_user_credentials(RG, CLUSTER), "clusterUser")
    admin = _kubeconfig(client.managed_clusters.list_cluster_admin_credentials(RG, CLUSTER), "clusterAdmin")
    assert user["clusters"][0]["cluster"]["server"] == admin["clusters"][0]["cluster"]["server"]


def test_upgrade_profile_and_kubernetes_versions(client, cluster):
    current = client.managed_clusters.get(RG, CLUSTER)
    profile = client.managed_clusters.get_upgrade_profile(RG, CLUSTER)
    assert profile.name == "default"
    assert profile.control_plane_profile.kubernetes_version == current.current_kubernetes_version
    assert {p.name for p in profile.agent_pool_profiles} >= {"sys"}

    versions = client.managed_clusters.list_kubernetes_versions("eastus").values_property
    assert versions, "no Kubernetes versions for eastus"
    assert sum(1 for v in versions if v.is_default) == 1, [v.version for v in versions]
    patches = {p for v in versions for p in (v.patch_versions or {})}
    assert current.current_kubernetes_version in patches, (current.current_kubernetes_version, sorted(patches))


def test_update_tags(client, cluster):
    updated = client.managed_clusters.begin_update_tags(RG, CLUSTER, {"tags": {"env": "test", "team": "a"}}).result(
        timeout=120
    )
    assert updated.tags == {"env": "test", "team": "a"}
    assert client.managed_clusters.get(RG, CLUSTER).tags == {"env": "test", "team": "a"}


def test_delete_cluster(client):
    client.managed_clusters.begin_create_or_update(RG, "gone", minimal_cluster_body("gone", count=1)).result(
        timeout=120
    )
    client.managed_clusters.begin_delete(RG, "gone").result(timeout=120)
    with pytest.raises(ResourceNotFoundError):
        client.managed_clusters.get(RG, "gone")
    assert "gone" not in [c.name for c in client.managed_clusters.list_by_resource_group(RG)]


def test_sdk_over_https_with_the_self_signed_certificate(hm_factory):
    server = hm_factory(tls=True)
    assert server.url.startswith("https://"), server.url
    tenant = server.mint_tenant()
    client = sdk_client(server, tenant)  # connection_verify=<data-dir>/tls/cert.pem
    created = client.managed_clusters.begin_create_or_update(RG, "tls1", minimal_cluster_body("tls1", count=1)).result(
        timeout=120
    )
    assert created.provisioning_state == "Succeeded"
    assert [c.name for c in client.managed_clusters.list()] == ["tls1"]
