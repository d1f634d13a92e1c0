"""Benchmarks one running `hm serve` (one store backend) and writes its figures as JSON.

Phases, in order, each logged to stderr:
  1. mint a tenant token for subscription `bench` with the admin token;
  2. create c0..c99 one at a time: time to the 201 ("accepted") and to the
     operation's Succeeded (polling the Azure-AsyncOperation URL every ~10 ms);
  3. GET c1 from 16 connections: wrk at max rate, wrk paced to ~1,000 req/s, and
     an open-loop 1,000 req/s client; for comparison, wrk at max rate on /healthz
     (HTTP stack only) and on GET subscription (token check + one store read);
  4. fill the store to --clusters clusters (8 in parallel), wait for every
     operation, and record RSS and store size before and after;
  5. time GET c1 and the first page of the resource-group list at that size, and
     a short wrk max-rate GET run.
"""

import argparse
import concurrent.futures
import json
import os
import sys
import time

import fixed_rate
import server_probe
import wrk_load
from bench_client import CREATE_BODY, Client, Failures, cluster_path, local_path, summary_ms

SUBSCRIPTION, GROUP = "bench", "rg1"


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def mint_token(port, admin_token):
    response = Client(port, admin_token).request("POST", "/admin/tokens", json.dumps({"subscriptions": [SUBSCRIPTION]}).encode())
    if response.status != 201:
        raise SystemExit(f"POST /admin/tokens answered {response.status}: {response.body[:500]!r}")
    return response.json()["token"]


def create(client, name, failures):
    """PUT one cluster; returns (accepted seconds, status path) or None on a bad answer."""
    response = client.request("PUT", cluster_path(SUBSCRIPTION, GROUP, name), CREATE_BODY)
    status_url = response.header("Azure-AsyncOperation")
    if response.status != 201 or not status_url:
        failures.add(f"PUT {name}", response)
        return None
    return response.seconds, local_path(status_url)


def poll_until_done(client, status_path, failures, interval=0.01, deadline_seconds=120):
    """Polls an operation status until it leaves InProgress; returns its final status."""
    deadline = time.perf_counter() + deadline_seconds
    while time.perf_counter() < deadline:
        response = client.request("GET", status_path)
        if response.status != 200:
            failures.add(f"GET {status_path}", response)
            return None
        status = response.json().get("status")
        if status not in ("InProgress", "Accepted", "Running"):
            if status != "Succeeded":
                failures.add(f"operation {status_path} ended {status}", response)
            return status
        time.sleep(interval)
    failures.add(f"operation {status_path} still in progress after {deadline_seconds}s")
    return None


def phase_create_latency(client, count):
    log(f"creating c0..c{count - 1} one at a time (accepted, and create -> Succeeded polling every 10 ms)")
    failures = Failures()
    accepted, succeeded = [], []
    for i in range(count):
        started = time.perf_counter()
        created = create(client, f"c{i}", failures)
        if created is None:
            continue
        accepted.append(created[0])
        if poll_until_done(client, created[1], failures) == "Succeeded":
            succeeded.append(time.perf_counter() - started)
    return {"accepted": summary_ms(accepted), "to_succeeded": summary_ms(succeeded), "failures": failures.report()}


def scrape(client):
    response = client.request("GET", "/metrics")
    return server_probe.route_histograms(response.body.decode()) if response.status == 200 else {}


def server_side(before, after, route, method):
    """The server's own handler-time bounds (from its /metrics histogram) over one phase."""
    key = (route, method)
    if key not in after:
        return None
    delta = server_probe.histogram_delta(after[key], before.get(key))
    return {
        "requests": delta[-1][1] if delta else 0,
        "p50_le_ms": server_probe.bucket_quantile_ms(delta, 0.50),
        "p99_le_ms": server_probe.bucket_quantile_ms(delta, 0.99),
    }


def phase_get_load(args, client, token):
    url = f"http://127.0.0.1:{args.port}{cluster_path(SUBSCRIPTION, GROUP, 'c1')}"
    out = {}
    cpu = server_probe.cpu_seconds(args.pid)
    before = scrape(client)
    log(f"GET c1: wrk max rate, 16 connections, {args.get_seconds}s")
    out["wrk_max"] = wrk_load.run(url, token, args.work_dir, seconds=args.get_seconds, label="wrk-max")
    out["wrk_max"]["server_cpu_seconds"] = round(server_probe.cpu_seconds(args.pid) - cpu, 2)
    after = scrape(client)
    out["wrk_max"]["server_side"] = server_side(before, after, "managedClusters/get", "GET")
    log(f"  {out['wrk_max'].get('requests_per_sec')} req/s, p50 {out['wrk_max'].get('p50_ms')} ms, p99 {out['wrk_max'].get('p99_ms')} ms")

    log(f"GET c1: wrk paced (16 connections, 16 ms delay each, ~1,000 req/s), {args.get_seconds}s")
    out["wrk_paced"] = wrk_load.run(url, token, args.work_dir, seconds=args.get_seconds, delay_ms=16, label="wrk-paced")
    log(f"  {out['wrk_paced'].get('requests_per_sec')} req/s, p50 {out['wrk_paced'].get('p50_ms')} ms, p99 {out['wrk_paced'].get('p99_ms')} ms")

    # Breakdown: the HTTP stack alone (/healthz, no auth, no store), then bearer-token
    # checks plus one store read (GET subscription), next to the cluster GET above.
    for label, path in (("wrk_healthz", "/healthz"), ("wrk_subscription", f"/subscriptions/{SUBSCRIPTION}?api-version=2022-12-01")):
        seconds = max(3, args.get_seconds // 4)
        log(f"GET {path}: wrk max rate, 16 connections, {seconds}s (latency breakdown)")
        out[label] = wrk_load.run(f"http://127.0.0.1:{args.port}{path}", token, args.work_dir, seconds=seconds, label=label)
        log(f"  {out[label].get('requests_per_sec')} req/s, p50 {out[label].get('p50_ms')} ms, p99 {out[label].get('p99_ms')} ms")

    log(f"GET c1: open-loop fixed 1,000 req/s from 16 Python clients, {args.get_seconds}s")
    before = scrape(client)
    out["fixed_1000"] = fixed_rate.run(args.port, token, cluster_path(SUBSCRIPTION, GROUP, "c1"), rate=1000, seconds=args.get_seconds)
    after = scrape(client)
    out["fixed_1000"]["server_side"] = server_side(before, after, "managedClusters/get", "GET")
    log(f"  {out['fixed_1000']['achieved_rate']} req/s, p50 {out['fixed_1000']['p50_ms']} ms, p99 {out['fixed_1000']['p99_ms']} ms")
    return out


def store_size(args):
    return server_probe.postgres_size(args.postgres_url) if args.backend == "postgresql" else server_probe.sqlite_size(args.data_dir)


def phase_fill(args, client, first, total):
    log(f"filling the store to {total} clusters (c{first}..c{total - 1}, {args.parallel} in parallel)")
    failures = Failures()
    result = {"memory_before_kib": server_probe.memory_kib(args.pid), "store_before": store_size(args)}
    cpu = server_probe.cpu_seconds(args.pid)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        created = [c for c in pool.map(lambda i: create(client, f"c{i}", failures), range(first, total)) if c]
        accepted_elapsed = time.perf_counter() - started
        log(f"  {len(created)} accepted in {accepted_elapsed:.1f}s; waiting for their operations")
        finals = list(pool.map(lambda c: poll_until_done(client, c[1], failures, interval=0.05, deadline_seconds=600), created))
    elapsed = time.perf_counter() - started
    result.update({
        "created": len(created),
        "accepted_under_load": summary_ms([c[0] for c in created]),
        "accept_seconds": round(accepted_elapsed, 1),
        "all_succeeded_seconds": round(elapsed, 1),
        "succeeded": sum(1 for f in finals if f == "Succeeded"),
        "server_cpu_seconds": round(server_probe.cpu_seconds(args.pid) - cpu, 1),
        "failures": failures.report(),
    })
    time.sleep(2)  # let the runner's last writes and any checkpoint settle
    result["memory_after_kib"] = server_probe.memory_kib(args.pid)
    result["store_after"] = store_size(args)
    log(f"  all done in {elapsed:.1f}s; RSS {result['memory_before_kib']['VmRSS']} -> {result['memory_after_kib']['VmRSS']} KiB; "
        f"store {result['store_before']['total_bytes']} -> {result['store_after']['total_bytes']} bytes")
    return result


def timed(client, path, count, failures, check):
    samples = []
    for _ in range(count):
        response = client.request("GET", path)
        if response.status != 200 or not check(response):
            failures.add(f"GET {path}", response)
        samples.append(response.seconds)
    return summary_ms(samples)


def phase_at_size(args, client, token, total):
    log(f"timing GET c1 (x50) and the first list page (x10) with {total} clusters")
    failures = Failures()
    page_ok = lambda r: len(r.json().get("value", [])) == 100 and bool(r.json().get("nextLink"))
    out = {
        "get": timed(client, cluster_path(SUBSCRIPTION, GROUP, "c1"), 50, failures, lambda r: True),
        "list_first_page": timed(client, cluster_path(SUBSCRIPTION, GROUP), 10, failures, page_ok),
    }
    url = f"http://127.0.0.1:{args.port}{cluster_path(SUBSCRIPTION, GROUP, 'c1')}"
    out["wrk_max"] = wrk_load.run(url, token, args.work_dir, seconds=10, label="wrk-max-full")
    out["failures"] = failures.report()
    log(f"  GET p50 {out['get']['p50_ms']} ms; list page p50 {out['list_first_page']['p50_ms']} ms; "
        f"wrk {out['wrk_max'].get('requests_per_sec')} req/s p99 {out['wrk_max'].get('p99_ms')} ms")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", required=True, choices=["sqlite", "postgresql"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--postgres-url")
    parser.add_argument("--clusters", type=int, default=10_000)
    parser.add_argument("--create-samples", type=int, default=100)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--get-seconds", type=int, default=20)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(f"{args.data_dir}/admin-token") as f:
        admin = f.read().strip()
    result = {"backend": args.backend, "clusters": args.clusters, "memory_at_start_kib": server_probe.memory_kib(args.pid),
              "loadavg_at_start": os.getloadavg()}
    token = mint_token(args.port, admin)
    client = Client(args.port, token)
    result["create"] = phase_create_latency(client, args.create_samples)
    result["get_load"] = phase_get_load(args, client, token)
    result["fill"] = phase_fill(args, client, args.create_samples, args.clusters)
    result["at_size"] = phase_at_size(args, client, token, args.clusters)
    result["loadavg_at_end"] = os.getloadavg()
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
