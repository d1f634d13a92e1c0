"""The supportability report (SUP4) after changes made behind the service's back (issue 5
acceptance): the real azure-mgmt-compute SDK deallocates a pool's instances and adds an
extension (N3, N11, L2), azure-mgmt-network adds a rule to the managed NSG (SEC4); a rule on
the customer's own subnet is allowed; changes made through the service never count."""

from __future__ import annotations

import time

import pytest
import requests

from hmtest import cluster_path, describe, minimal_cluster_body, sdk_client

RG = "rg-sup"


def arm_clients(hm, tenant):
    """azure-mgmt-compute and azure-mgmt-network clients, with the recipe of `sdk_client`."""
    from azure.core.credentials import AccessToken
    from azure.mgmt.compute import ComputeManagementClient
    from azure.mgmt.core.policies import ARMChallengeAuthenticationPolicy
    from azure.mgmt.network import NetworkManagementClient

    class StaticToken:
        def get_token(self, *scopes, **kw):
            return AccessToken(tenant.token, int(time.time()) + 3600)

    class HttpOkARMAuth(ARMChallengeAuthenticationPolicy):
        def on_request(self, request):
            request.context["enforce_https"] = False
            return super().on_request(request)

    def make(cls):
        cred = StaticToken()
        return cls(credential=cred, subscription_id=tenant.subscription, base_url=hm.url, polling_interval=0.2, retry_total=2,
                   authentication_policy=HttpOkARMAuth(cred, "https://management.azure.com/.default"))

    return make(ComputeManagementClient), make(NetworkManagementClient)


def report(hm, tenant, name):
    reply = hm.request("GET", cluster_path(tenant.subscription, RG, name) + "/supportability", tenant.token)
    assert reply.status_code == 200, describe(reply)
    return reply.json()["properties"]


def clauses(props) -> set[str]:
    return {f["clause"] for f in props["findings"]}


@pytest.fixture(scope="module")
def env(hm_module_factory):
    hm = hm_module_factory()
    tenant = hm.mint_tenant()
    containers = sdk_client(hm, tenant)
    compute, network = arm_clients(hm, tenant)
    return hm, tenant, containers, compute, network


def create(containers, name, count=2):
    return containers.managed_clusters.begin_create_or_update(RG, name, minimal_cluster_body(name, count=count)).result(timeout=120)


def test_a_new_cluster_is_supported(env):
    hm, tenant, containers, _, _ = env
    create(containers, "clean")
    props = report(hm, tenant, "clean")
    assert props["status"] == "Supported" and props["findings"] == [], props
    # Scaling through the service is not drift.
    pool = containers.agent_pools.get(RG, "clean", "sys")
    pool.count = 3
    containers.agent_pools.begin_create_or_update(RG, "clean", "sys", pool).result(timeout=120)
    assert report(hm, tenant, "clean")["status"] == "Supported"


def test_direct_deallocation_and_extension_make_the_cluster_unsupported(env):
    hm, tenant, containers, compute, _ = env
    cluster = create(containers, "drifted")
    group = cluster.node_resource_group
    sets = list(compute.virtual_machine_scale_sets.list(group))
    assert len(sets) == 1, sets
    vmss = sets[0]
    instance_ids = [vm.instance_id for vm in compute.virtual_machine_scale_set_vms.list(group, vmss.name)]
    assert len(instance_ids) == 2, instance_ids

    compute.virtual_machine_scale_sets.begin_deallocate(group, vmss.name, vm_instance_i_ds={"instanceIds": instance_ids}).result(timeout=60)
    extension = {"properties": {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1",
                                "settings": {"commandToExecute": "echo tuned > /etc/tuned"}}}
    compute.virtual_machine_scale_set_extensions.begin_create_or_update(group, vmss.name, "customTuning", extension).result(timeout=60)

    props = report(hm, tenant, "drifted")
    assert props["status"] == "Unsupported", props
    found = clauses(props)
    assert {"N3", "N11", "L2"} <= found, props["findings"]
    for finding in props["findings"]:
        assert finding["reason"] and finding["remedy"] and finding["firstSeen"] and finding["clauseText"], finding
    n11 = [f for f in props["findings"] if f["clause"] == "N11"]
    assert any("customTuning" in f["reason"] for f in n11), n11
    first_seen = {f["subject"]: f["firstSeen"] for f in props["findings"]}
    again = report(hm, tenant, "drifted")
    assert {f["subject"]: f["firstSeen"] for f in again["findings"]} == first_seen, "first-seen times must persist"


def test_rule_on_managed_subnet_is_sec4_but_customer_subnet_is_allowed(env):
    hm, tenant, containers, _, network = env
    cluster = create(containers, "netcheck")
    group = cluster.node_resource_group
    nsgs = list(network.network_security_groups.list(group))
    assert len(nsgs) == 1, nsgs
    managed = nsgs[0]

    # The customer's own network with a custom subnet and its own NSG rule (bring-your-own).
    def rule(priority, access, direction, port, destination="*", protocol="Tcp"):
        return {"properties": {"priority": priority, "direction": direction, "access": access, "protocol": protocol,
                               "sourcePortRange": "*", "destinationPortRange": port, "sourceAddressPrefix": "*",
                               "destinationAddressPrefix": destination}}

    own_nsg = network.network_security_groups.begin_create_or_update("rg-own-net", "own-nsg", {
        "location": "eastus", "properties": {"securityRules": [{"name": "deny-ssh", **rule(200, "Deny", "Inbound", "22")}]}}).result()
    network.virtual_networks.begin_create_or_update("rg-own-net", "own-vnet", {
        "location": "eastus", "properties": {"addressSpace": {"addressPrefixes": ["10.50.0.0/16"]}}}).result()
    subnet = network.subnets.begin_create_or_update("rg-own-net", "own-vnet", "workloads", {
        "properties": {"addressPrefix": "10.50.1.0/24", "networkSecurityGroup": {"id": own_nsg.id}}}).result()
    subnet_id = subnet.id
    pool = containers.agent_pools.get(RG, "netcheck", "sys")
    from azure.mgmt.containerservice.models import AgentPool
    byo = AgentPool(count=1, vm_size="Standard_DS2_v2", mode="User", os_type="Linux", vnet_subnet_id=subnet_id)
    created = containers.agent_pools.begin_create_or_update(RG, "netcheck", "byo", byo).result(timeout=120)
    assert created.vnet_subnet_id.lower() == subnet_id.lower(), created
    assert pool.vnet_subnet_id is None
    assert report(hm, tenant, "netcheck")["status"] == "Supported", "a rule on the customer's own subnet is allowed"

    # A rule added to the managed subnet's NSG through IaaS is SEC4 drift.
    network.security_rules.begin_create_or_update(group, managed.name, "allow-rdp", rule(300, "Allow", "Inbound", "3389")).result()
    props = report(hm, tenant, "netcheck")
    sec4 = [f for f in props["findings"] if f["clause"] == "SEC4"]
    assert props["status"] == "Unsupported" and sec4, props
    assert all("allow-rdp" in f["reason"] for f in sec4), sec4
    assert not any("own-nsg" in f["reason"] for f in props["findings"]), props["findings"]

    # An egress block is SEC4 even on the customer's own subnet.
    network.security_rules.begin_create_or_update(
        "rg-own-net", "own-nsg", "no-internet", rule(150, "Deny", "Outbound", "*", destination="Internet", protocol="*")).result()
    blocked = [f for f in report(hm, tenant, "netcheck")["findings"] if f["clause"] == "SEC4" and "no-internet" in f["reason"]]
    assert blocked and "mcr.microsoft.com" in blocked[0]["reason"], blocked


def test_fleet_report_lists_every_cluster(env):
    hm, _, _, _, _ = env
    reply = requests.get(hm.url + "/admin/supportability", headers={"Authorization": f"Bearer {hm.admin_token()}"}, timeout=30)
    assert reply.status_code == 200, describe(reply)
    body = reply.json()
    by_name = {entry["clusterId"].rsplit("/", 1)[-1]: entry for entry in body["value"]}
    assert by_name["clean"]["status"] == "Supported", by_name["clean"]
    assert by_name["drifted"]["status"] == "Unsupported", by_name["drifted"]
    assert body["summary"]["Unsupported"] >= 2 and body["summary"]["Supported"] >= 1, body["summary"]
    tenant_view = requests.get(hm.url + "/admin/supportability", headers={"Authorization": f"Bearer {env[1].token}"}, timeout=30)
    assert tenant_view.status_code in (401, 403), describe(tenant_view)
