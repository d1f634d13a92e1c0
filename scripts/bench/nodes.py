"""Benchmarks simulated agent nodes on one running `hm serve` and writes JSON (issue 5).

Phases, each logged to stderr:
  ramp       PUT --clusters clusters, each with one System pool of --nodes nodes (--parallel
             PUTs at a time), and poll every operation (one poller, each pending operation
             every --poll-interval s) until all leave InProgress; times are taken from the
             operations' startTime/endTime, the polls only find them; a sampler records the
             server's CPU and RSS, the machine's CPU and the Succeeded count every second;
  verify     per cluster, through its hosted API (user kubeconfig): Nodes, and how many are Ready;
  memory     --steady-seconds after the last Succeeded, RSS and where it went (vs. before the ramp);
  heartbeat  every cluster's datastore revision at t0 and t0 + --window-seconds (a one-item Lease
             list's metadata.resourceVersion: every write increments it), server CPU over the
             window, and on --watch-clusters clusters a Lease watch counting renewals;
  after      Ready count and Lease ages again, to see whether heartbeats kept up.
With --perf-seconds, `perf record` samples the server for that long from the first PUT.
"""

import argparse
import concurrent.futures
import json
import os
import sys
import time

import hosted_cluster
import hosted_memory
import server_probe
from bench_client import Client
from nodes_kube import HostedAPI
from nodes_ramp import Ramp, arm_seconds, machine_jiffies
from run_backend import log, mint_token


def connect_all(client, names, work_dir):
    """HostedAPI per cluster, from listClusterUserCredential."""
    def one(name):
        return name, HostedAPI(hosted_cluster.user_credentials(client, name, work_dir))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        return dict(pool.map(one, names))


def readiness(apis, want):
    """Per cluster Nodes / Ready (of `want` each), in parallel (4 at a time)."""
    def one(item):
        name, api = item
        try:
            return name, api.node_readiness()
        except Exception as error:  # a cluster whose API fails is counted, not fatal
            return name, {"nodes": 0, "ready": 0, "error": repr(error)[:300]}
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        per = dict(pool.map(one, apis.items()))
    return {"nodes": sum(p["nodes"] for p in per.values()), "ready": sum(p["ready"] for p in per.values()),
            "clusters_all_ready": sum(1 for p in per.values() if p["ready"] >= want),
            "clusters_with_other_node_count": sum(1 for p in per.values() if p["nodes"] != want),
            "errors": [f"{n}: {p['error']}" for n, p in per.items() if "error" in p][:5],
            "not_ready_sample": [f"{n}: {p['not_ready'][:3]}" for n, p in per.items() if p.get("not_ready")][:5]}


def lease_ages(apis, sample):
    """Seconds since each Lease's renewTime (wall clock = service clock), over `sample` clusters."""
    ages, now = [], time.time()
    for name in sample:
        for lease in apis[name].leases():
            renew = lease.get("spec", {}).get("renewTime")
            if renew:
                ages.append(now - arm_seconds(renew))
    if not ages:
        return {"leases": 0}
    ages.sort()
    return {"leases": len(ages), "p50_s": round(ages[len(ages) // 2], 1), "max_s": round(ages[-1], 1),
            "older_than_40s": sum(1 for a in ages if a > 40)}


def heartbeat(args, apis):
    """Revision deltas over the window, server CPU, Lease watch on a sample of clusters."""
    names = sorted(apis)
    watched = names[: args.watch_clusters]
    first = {name: apis[name].revision() for name in watched}
    until = time.time() + args.window_seconds
    watches = concurrent.futures.ThreadPoolExecutor(max(1, len(watched)))
    futures = {name: watches.submit(apis[name].count_lease_events, first[name][1], args.window_seconds + 5, until) for name in watched}
    cpu0, (busy0, total0), wall0 = server_probe.cpu_seconds(args.pid), machine_jiffies(), time.time()
    # Each cluster's rate uses its own two sample times, so a slow sweep shortens its window
    # but does not skew the rate; sweeps run 8 at a time to keep them short under load.
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        t0 = dict(zip(names, pool.map(lambda n: first[n] if n in first else apis[n].revision(), names)))
        time.sleep(max(0.0, wall0 + args.window_seconds - time.time()))
        cpu1, (busy1, total1), wall1 = server_probe.cpu_seconds(args.pid), machine_jiffies(), time.time()
        t1 = dict(zip(names, pool.map(lambda n: apis[n].revision(), names)))
    rates = {name: (t1[name][1] - t0[name][1]) / (t1[name][0] - t0[name][0]) for name in names}
    watch_counts = {name: f.result() for name, f in futures.items()}
    watches.shutdown()
    watched_writes = sum(t1[n][1] - first[n][1] for n in watched)
    watched_modified = sum(c.get("MODIFIED", 0) + c.get("ADDED", 0) for c in watch_counts.values())
    total_rate = sum(rates.values())
    return {
        "window_seconds": round(wall1 - wall0, 1), "writes_per_s": round(total_rate, 1),
        "cluster_window_seconds": {"min": round(min(t1[n][0] - t0[n][0] for n in names), 1),
                                   "max": round(max(t1[n][0] - t0[n][0] for n in names), 1)},
        "writes_per_s_per_node": round(total_rate / max(1, len(names) * args.nodes), 4),
        "expected_lease_renewals_per_s": round(len(names) * args.nodes / 10.0, 1),
        "per_cluster_writes_per_s": {"min": round(min(rates.values()), 2), "max": round(max(rates.values()), 2)},
        "hm_cpu_percent": round(100 * (cpu1 - cpu0) / (wall1 - wall0), 1),
        "machine_busy_percent": round(100 * (busy1 - busy0) / max(1, total1 - total0), 1),
        "watched_clusters": len(watched), "watched_writes": watched_writes, "watched_lease_events": watched_modified,
        "watch_counts": watch_counts, "revisions": {n: [t0[n][1], t1[n][1]] for n in names},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--nodes", type=int, default=100, help="nodes in each cluster's System pool")
    parser.add_argument("--parallel", type=int, default=8, help="concurrent PUTs")
    parser.add_argument("--poll-interval", type=float, default=1.0)
    parser.add_argument("--deadline-seconds", type=float, default=1200)
    parser.add_argument("--steady-seconds", type=float, default=30)
    parser.add_argument("--window-seconds", type=float, default=60)
    parser.add_argument("--watch-clusters", type=int, default=5)
    parser.add_argument("--perf-seconds", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(f"{args.data_dir}/admin-token") as f:
        client = Client(args.port, mint_token(args.port, f.read().strip()))
    result = {"loadavg_at_start": os.getloadavg(), "settings": vars(args)}
    time.sleep(2)
    before = hosted_memory.snapshot(args.pid)

    log(f"ramp: {args.clusters} clusters x {args.nodes} nodes, {args.parallel} PUTs at a time")
    result["ramp"], last = Ramp(args, client).run()
    r = result["ramp"]
    log(f"  {r['succeeded']}/{r['clusters']} Succeeded; first after {r['first_succeeded_seconds']}s, all after "
        f"{r['all_succeeded_seconds']}s; server CPU {r['hm_cpu_percent']}%, machine busy {r['machine_busy_percent']}%")

    names = [rec["name"] for rec in r["records"] if rec.get("final") == "Succeeded"]
    log(f"verify: Nodes and Ready through the hosted API of {len(names)} clusters")
    apis = connect_all(client, names, args.work_dir)
    result["verify"] = readiness(apis, args.nodes)
    log(f"  {result['verify']['ready']} Ready of {result['verify']['nodes']} Nodes ({result['verify']['errors'] or 'no errors'})")

    if last:
        time.sleep(max(0.0, last + args.steady_seconds - time.time()))
    after = hosted_memory.snapshot(args.pid)
    delta = after["status"]["VmRSS"] - before["status"]["VmRSS"]
    nodes = max(1, result["verify"]["nodes"])  # every registered Node has its agent, Ready or not
    result["memory"] = {"before": before, "after": after, "delta_kib": delta, "per_node_kib": round(delta / nodes, 1),
                        "per_cluster_mib": round(delta / 1024 / max(1, len(names)), 2),
                        "datastore_files": hosted_memory.datastore_files(args.data_dir)}
    log(f"memory: RSS {before['status']['VmRSS']} -> {after['status']['VmRSS']} KiB: {result['memory']['per_node_kib']} KiB per node")

    if apis:
        log(f"heartbeat: datastore revisions of {len(apis)} clusters over {args.window_seconds}s")
        result["heartbeat"] = heartbeat(args, apis)
        h = result["heartbeat"]
        log(f"  {h['writes_per_s']} writes/s ({h['writes_per_s_per_node']} per node; expected Lease renewals "
            f"{h['expected_lease_renewals_per_s']}/s); server CPU {h['hm_cpu_percent']}%; watched {h['watched_lease_events']} "
            f"Lease events of {h['watched_writes']} writes")
        result["after"] = {"readiness": readiness(apis, args.nodes), "lease_ages": lease_ages(apis, names[: max(args.watch_clusters, 10)]),
                           "status": hosted_memory.status(args.pid)}
        log(f"after: {result['after']['readiness']['ready']} Ready; Lease ages {result['after']['lease_ages']}")
    result["loadavg_at_end"] = os.getloadavg()
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
