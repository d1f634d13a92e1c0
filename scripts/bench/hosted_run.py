"""Benchmarks the hosted control planes of one running `hm serve` and writes JSON.

Phases (--phase), each logged to stderr:
  load     create cluster `load`, then on its hosted API: ConfigMap creates at max rate
           (wrk, 16 connections, --seconds), and watch delivery latency to --watchers
           concurrent watch streams of --events creates (`hm-bench watch`);
  kubectl  for --clusters clusters, one at a time: PUT -> operation Succeeded (polled
           every 50 ms) -> listClusterUserCredential -> first `kubectl get ns` that works;
  memory   RSS of the idle server, then --clusters clusters created (8 in parallel) until
           all Succeeded, ~5 s idle, RSS again; and where the memory and handles went.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time
import uuid

import hosted_cluster
import hosted_load
import hosted_memory
import server_probe
from bench_client import Client, Failures, summary_ms
from run_backend import create, log, mint_token, poll_until_done


def phase_load(args, client):
    log("creating cluster `load` and fetching its user kubeconfig")
    seconds_to_ready = hosted_cluster.create_and_wait(client, "load")
    credentials = hosted_cluster.user_credentials(client, "load", args.work_dir)
    out = {"cluster_ready_seconds": round(seconds_to_ready, 2), "server": credentials.server}

    log(f"ConfigMap creates: wrk max rate, 16 connections, {args.seconds}s")
    cpu = server_probe.cpu_seconds(args.pid)
    out["write"] = hosted_load.create_configmaps(
        credentials, args.work_dir, run=f"w{uuid.uuid4().hex[:6]}", seconds=args.seconds, label=f"{args.label}-create")
    out["write"]["server_cpu_seconds"] = round(server_probe.cpu_seconds(args.pid) - cpu, 2)
    log(f"  {out['write'].get('requests_per_sec')} creates/s, p50 {out['write'].get('p50_ms')} ms, "
        f"p99 {out['write'].get('p99_ms')} ms, non-2xx {out['write'].get('non_2xx', 0)}")

    log(f"watch delivery: {args.watchers} watch streams, {args.events} creates 20 ms apart (hm-bench watch)")
    command = [args.hm_bench, "watch", "--server", credentials.server, "--token", credentials.token,
               "--ca", credentials.ca_file, "--watchers", str(args.watchers), "--events", str(args.events)]
    memory_before = server_probe.memory_kib(args.pid)
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"hm-bench watch failed ({done.returncode}): {done.stderr[-2000:]}")
    out["watch"] = json.loads(done.stdout.strip().splitlines()[-1])
    out["watch"]["server_rss_kib_before_after"] = [memory_before["VmRSS"], server_probe.memory_kib(args.pid)["VmRSS"]]
    w = out["watch"]
    log(f"  {w['established']}/{w['watchers']} established in {w['establish_seconds']}s; delivered {w['delivered']}/{w['expected']}; "
        f"p50 {w.get('p50_ms')} ms, p99 {w.get('p99_ms')} ms, max {w.get('max_ms')} ms")
    return out


def kubectl_get_ns(args, credentials):
    """Runs `kubectl get ns` until it succeeds (at most 10 s); returns (attempts, last run's seconds)."""
    command = [args.kubectl, "--kubeconfig", credentials.kubeconfig, "--cache-dir", os.path.join(args.work_dir, "kube-cache"),
               "--request-timeout", "5s", "get", "ns", "-o", "name"]
    deadline = time.perf_counter() + 10
    attempts = 0
    while True:
        attempts += 1
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        elapsed = time.perf_counter() - started
        if done.returncode == 0 and "namespace/default" in done.stdout:
            return attempts, elapsed
        if time.perf_counter() > deadline:
            raise SystemExit(f"kubectl get ns kept failing: {done.stderr[-500:]}")
        time.sleep(0.05)


def phase_kubectl(args, client):
    log(f"create -> kubectl answers, {args.clusters} clusters one at a time (polling every 50 ms)")
    failures = Failures()
    totals, to_succeeded, credentials_s, kubectl_s, attempts = [], [], [], [], []
    for i in range(args.clusters):
        name = f"k{i}"
        started = time.perf_counter()
        created = create(client, name, failures)
        if created is None or poll_until_done(client, created[1], failures, interval=0.05) != "Succeeded":
            continue
        succeeded = time.perf_counter()
        credentials = hosted_cluster.user_credentials(client, name, args.work_dir)
        fetched = time.perf_counter()
        tries, last = kubectl_get_ns(args, credentials)
        answered = time.perf_counter()
        totals.append(answered - started)
        to_succeeded.append(succeeded - started)
        credentials_s.append(fetched - succeeded)
        kubectl_s.append(last)
        attempts.append(tries)
        log(f"  {name}: {answered - started:.3f}s (Succeeded after {succeeded - started:.3f}s, kubectl {last:.3f}s, {tries} run(s))")
    out = {"clusters": args.clusters, "total": summary_ms(totals), "to_succeeded": summary_ms(to_succeeded),
           "credentials": summary_ms(credentials_s), "kubectl_run": summary_ms(kubectl_s),
           "kubectl_runs_max": max(attempts, default=0), "failures": failures.report()}
    log(f"  p50 {out['total'].get('p50_ms')} ms, p99 {out['total'].get('p99_ms')} ms")
    return out


def phase_memory(args, client):
    log(f"memory: RSS idle, then {args.clusters} clusters ({args.parallel} in parallel) until all Succeeded")
    time.sleep(2)
    before = hosted_memory.snapshot(args.pid)
    failures = Failures()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        created = [c for c in pool.map(lambda i: create(client, f"m{i}", failures), range(args.clusters)) if c]
        accepted = time.perf_counter() - started
        log(f"  {len(created)} accepted in {accepted:.1f}s; waiting for their operations")
        finals = list(pool.map(lambda c: poll_until_done(client, c[1], failures, interval=0.5, deadline_seconds=1800), created))
    elapsed = time.perf_counter() - started
    log(f"  {sum(1 for f in finals if f == 'Succeeded')} Succeeded after {elapsed:.1f}s; idling {args.idle_seconds}s")
    time.sleep(args.idle_seconds)
    after = hosted_memory.snapshot(args.pid)
    succeeded = sum(1 for f in finals if f == "Succeeded")
    delta_kib = after["status"]["VmRSS"] - before["status"]["VmRSS"]
    out = {
        "clusters": args.clusters, "succeeded": succeeded, "accept_seconds": round(accepted, 1),
        "all_succeeded_seconds": round(elapsed, 1), "idle_seconds": args.idle_seconds,
        "before": before, "after": after, "datastore_files": hosted_memory.datastore_files(args.data_dir),
        "per_cluster_mib": round(delta_kib / 1024 / max(succeeded, 1), 3), "failures": failures.report(),
    }
    log(f"  RSS {before['status']['VmRSS']} -> {after['status']['VmRSS']} KiB: {out['per_cluster_mib']} MiB per cluster; "
        f"threads {before['status']['Threads']} -> {after['status']['Threads']}, fds {before['fds']['total']} -> {after['fds']['total']}")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phase", required=True, choices=["load", "kubectl", "memory"])
    parser.add_argument("--label", required=True, help="names this run's files and JSON (e.g. embedded, etcd)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--hm-bench", help="the hm-bench binary (load phase)")
    parser.add_argument("--kubectl", help="the kubectl binary (kubectl phase)")
    parser.add_argument("--seconds", type=int, default=20, help="wrk run length (load phase)")
    parser.add_argument("--watchers", type=int, default=1000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--clusters", type=int, default=20)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--idle-seconds", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(f"{args.data_dir}/admin-token") as f:
        admin = f.read().strip()
    client = Client(args.port, mint_token(args.port, admin))
    result = {"phase": args.phase, "label": args.label, "loadavg_at_start": os.getloadavg(),
              "memory_at_start_kib": server_probe.memory_kib(args.pid)}
    result[args.phase] = {"load": phase_load, "kubectl": phase_kubectl, "memory": phase_memory}[args.phase](args, client)
    result["loadavg_at_end"] = os.getloadavg()
    result["memory_at_end_kib"] = server_probe.memory_kib(args.pid)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
