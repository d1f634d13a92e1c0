"""Writes the "Simulated nodes (issue 5)" section of docs/benchmarks.md from the JSON that
scripts/bench/nodes leaves in its run dir (machine.json, nodes.json, hm-stderr.log).

Only the text between the `bench:nodes` markers is generated; the notes after them are kept.
When the markers are missing, the section (heading, introduction, markers, empty notes) is
appended. With --print, the generated part goes to stdout and the document is left alone."""

import json
import os
import re

from doc_section import run_dir_main

BEGIN, END = "<!-- bench:nodes:begin -->", "<!-- bench:nodes:end -->"
GOAL_SECONDS = 60.0

SECTION = """## Simulated nodes (issue 5)

Figures for the simulated agent nodes of `hm serve` (release build) with its defaults: embedded
SQLite store and per-cluster datastores, `--provisioning-step-seconds 0.1`, `info` log level,
kubelet timings (Lease renewed every 10 s of service time). A cluster create provisions its node
resource group and scale set, one node agent per running VM registers a Node in the cluster's
hosted API, and the operation reaches `Succeeded` only when all the pool's nodes are Ready.
One command produces the figures and rewrites the results below (the notes after them are kept):

```sh
scripts/bench/nodes              # 100 clusters x 100 nodes (~3 min after the release build, as of the run below)
scripts/bench/nodes --quick      # 10 clusters x 20 nodes, shorter windows; prints, leaves this file alone
scripts/bench/nodes --perf       # also samples the server with `perf record` during the ramp
```

The client (Python: PUTs, operation polling, hosted-API lists) runs on the same 2 cores as the server.

{results}

### Notes

(none yet)
"""


def load(run_dir, name):
    with open(os.path.join(run_dir, name)) as f:
        return json.load(f)


def ms(summary, key):
    value = summary.get(key)
    return "n/a" if value is None else f"{value / 1000:,.1f} s"


def secs(value):
    return "n/a" if value is None else f"{value:,.1f} s"


def mib(kib):
    return f"{kib / 1024:,.1f} MiB"


def progress(ramp, marks=(15, 30, 60, 120, 180, 240, 300, 420, 600, 900)):
    """Clusters Succeeded (by their operations' endTime) by each mark, and server CPU in each interval."""
    records = ramp["records"]
    t0 = min(r["put_at"] for r in records)
    ends = sorted((r.get("server_end") or r["done_at"]) - t0 for r in records if r.get("final") == "Succeeded")
    timeline, cells, previous = ramp["timeline"], [], None
    for mark in marks:
        upto = [s for s in timeline if s["t"] <= mark]
        if not upto or (previous is not None and upto[-1] is previous):
            continue
        last = upto[-1]
        cpu = ""
        if previous is not None and last["t"] > previous["t"]:
            cpu = f" (server CPU {100 * (last['hm_cpu_s'] - previous['hm_cpu_s']) / (last['t'] - previous['t']):.0f}%)"
        cells.append(f"{sum(1 for e in ends if e <= mark)} by {mark} s{cpu}")
        previous = last
    return "; ".join(cells) or "n/a"


def server_log(run_dir):
    path = os.path.join(run_dir, "hm-stderr.log")
    if not os.path.exists(path):
        return "n/a"
    with open(path, errors="replace") as f:
        lines = f.readlines()
    stop = len(lines)
    if os.path.exists(os.path.join(run_dir, "log-lines-at-stop")):
        with open(os.path.join(run_dir, "log-lines-at-stop")) as f:
            stop = int(f.read().strip() or stop)

    def count(part):
        warnings = [l for l in part if re.search(r" warning ", l)]
        errors = [l for l in part if re.search(r" (error|critical) ", l)]
        text = f"{len(warnings):,} warning and {len(errors):,} error lines"
        if warnings or errors:
            text += f" (first: `{(errors or warnings)[0].strip()[:160].replace('|', '/')}`)"
        return text
    return f"{count(lines[:stop])} during the run; {count(lines[stop:])} during shutdown (SIGTERM)"


def render(run_dir, machine):
    run = load(run_dir, "nodes.json")
    r, v, m = run["ramp"], run["verify"], run["memory"]
    h, after = run.get("heartbeat"), run.get("after")
    want = machine["clusters"] * machine["nodes"]
    total = r["all_succeeded_seconds"]
    met = total is not None and total < GOAL_SECONDS and v["ready"] >= want
    verdict = "**met**" if met else "**missed**"
    total_text = secs(total) if total is not None else f"not all Succeeded ({r['succeeded']} of {r['clusters']} after {secs(r['last_succeeded_seconds'])})"

    out = [BEGIN, "", "### Latest run", ""]
    out += [f"- Command: `{machine['command']}`", f"- Date: {machine['date']}",
            f"- Machine: {machine['nproc']} cores, {machine['memory']} memory, {machine['os']}; "
            f"load average (1 min) {run['loadavg_at_start'][0]:.1f} at the start, {run['loadavg_at_end'][0]:.1f} at the end",
            f"- Toolchain: {machine['swift']}; hm built {machine['built']} (commit {machine['commit']})",
            f"- Clusters: {machine['clusters']:,} x one System pool of {machine['nodes']:,} nodes (Standard_DS2_v2) = {want:,} nodes", ""]
    out += ["#### Goal", "", "| Goal | Result |", "|---|---|",
            f"| {want:,} nodes across {machine['clusters']:,} clusters Ready in < 60 s | {verdict}: {total_text} from the first PUT "
            f"to the last `Succeeded`; {v['ready']:,} of {want:,} Nodes Ready=True through the hosted APIs |", ""]

    ramp = [
        (f"All {r['clusters']:,} PUTs accepted ({r['parallel']} at a time)", secs(r["accepted_seconds"])),
        ("First cluster `Succeeded` (from the first PUT to its operation's endTime)", secs(r["first_succeeded_seconds"])),
        ("All clusters `Succeeded` (from the first PUT to the last endTime; seen by the poller after)",
         f"{total_text} ({secs(r.get('all_observed_seconds'))})"),
        (f"Per cluster PUT -> `Succeeded` seen by the poller (each operation polled every {r['poll_interval']:g} s)",
         f"p50 {ms(r['per_cluster_observed'], 'p50_ms')}, p99 {ms(r['per_cluster_observed'], 'p99_ms')}, max {ms(r['per_cluster_observed'], 'max_ms')}"),
        ("Per cluster, server side (operation startTime -> endTime)",
         f"p50 {ms(r['per_cluster_server'], 'p50_ms')}, p99 {ms(r['per_cluster_server'], 'p99_ms')}"),
        ("Clusters `Succeeded` over time (server CPU in each interval)", progress(r)),
        ("Operations that did not succeed", ", ".join(f"{k}: {n}" for k, n in sorted(r["finals"].items()) if k != "Succeeded") or "none"),
        ("Nodes through the hosted APIs right after (`GET /api/v1/nodes` per cluster)",
         f"{v['nodes']:,} Nodes, {v['ready']:,} Ready=True; {v['clusters_all_ready']} of {r['succeeded']} clusters with all "
         f"{machine['nodes']} Ready" + (f"; errors: {'; '.join(v['errors'])}" if v["errors"] else "")),
        ("Server CPU during the ramp (200% = both cores) / whole machine busy",
         f"{r['hm_cpu_percent']:.0f}% / {r['machine_busy_percent']:.0f}% over {secs(r['wall_seconds'])}"),
        ("Unexpected answers", f"{r['failures']['count']}" + (f": {r['failures']['samples'][0]}" if r['failures']['count'] else " (none)")),
    ]
    out += ["#### Time to Ready", "", "| Measure | Result |", "|---|---|"] + [f"| {a} | {b} |" for a, b in ramp] + [""]

    b, a = m["before"], m["after"]
    maps_b, maps_a = b["mappings"], a["mappings"]
    kind = lambda maps, k: maps.get(k, {"rss_kib": 0, "count": 0})
    memory = [
        (f"RSS of `hm serve` before the PUTs / {run['settings']['steady_seconds']:.0f} s after the last `Succeeded`",
         f"{mib(b['status']['VmRSS'])} -> {mib(a['status']['VmRSS'])} (peak {mib(a['status']['VmHWM'])})"),
        ("**Per node** (RSS growth / Nodes registered)", f"**{m['delta_kib'] / max(1, v['nodes']):,.1f} KiB**"),
        (f"Per cluster (its control plane, datastore and {machine['nodes']} node agents)", f"{m['per_cluster_mib']:,.2f} MiB"),
        ("... anonymous (RssAnon) / file-backed (RssFile)",
         f"{mib(b['status']['RssAnon'])} -> {mib(a['status']['RssAnon'])} / {mib(b['status']['RssFile'])} -> {mib(a['status']['RssFile'])}"),
        ("... glibc malloc arenas (count, resident)",
         f"{kind(maps_b, 'malloc_arena')['count']} -> {kind(maps_a, 'malloc_arena')['count']}, "
         f"{mib(kind(maps_b, 'malloc_arena')['rss_kib'])} -> {mib(kind(maps_a, 'malloc_arena')['rss_kib'])}"),
        ("... SQLite `-shm` mappings (count, resident)",
         f"{kind(maps_b, 'sqlite_shm')['count']} -> {kind(maps_a, 'sqlite_shm')['count']}, "
         f"{mib(kind(maps_b, 'sqlite_shm')['rss_kib'])} -> {mib(kind(maps_a, 'sqlite_shm')['rss_kib'])}"),
        ("Threads / open file descriptors", f"{b['status']['Threads']} -> {a['status']['Threads']} / {b['fds']['total']:,} -> {a['fds']['total']:,}"),
        ("Datastore files on disk (`.sqlite` / `-wal`, all clusters)",
         f"{mib(m['datastore_files']['sqlite_bytes'] / 1024)} / {mib(m['datastore_files']['wal_bytes'] / 1024)}"),
    ]
    out += ["#### Memory", "", "| Measure | Result |", "|---|---|"] + [f"| {x} | {y} |" for x, y in memory] + [""]

    if h:
        share = f"{100 * h['watched_lease_events'] / h['watched_writes']:.0f}%" if h["watched_writes"] else "n/a"
        ages = after["lease_ages"] if after else {}
        beat = [
            ("Datastore writes/s, all clusters (sum of each cluster's revision delta / its sampling interval, "
             + (f"{h['cluster_window_seconds']['min']:.0f}-{h['cluster_window_seconds']['max']:.0f} s" if "cluster_window_seconds" in h
                else f"within {h['window_seconds']:.0f} s") + ", steady state)",
             f"**{h['writes_per_s']:,.0f} writes/s** (expected Lease renewals: {h['expected_lease_renewals_per_s']:,.0f}/s)"),
            ("Per node", f"{h['writes_per_s_per_node']:.3f} writes/s (one renewal per 10 s = 0.100)"),
            ("Per cluster (min / max)", f"{h['per_cluster_writes_per_s']['min']:.1f} / {h['per_cluster_writes_per_s']['max']:.1f} writes/s"),
            (f"Lease events on a watch of {h['watched_clusters']} clusters / their writes",
             f"{h['watched_lease_events']:,} / {h['watched_writes']:,} ({share} of the writes are Lease renewals)"),
            ("Server CPU over the window (200% = both cores) / whole machine busy", f"{h['hm_cpu_percent']:.0f}% / {h['machine_busy_percent']:.0f}%"),
        ]
        if after:
            rd = after["readiness"]
            beat.append(("After the window: Nodes Ready / Lease age (sample of clusters)",
                         f"{rd['ready']:,} of {rd['nodes']:,}; renewTime age p50 {ages.get('p50_s', 'n/a')} s, max {ages.get('max_s', 'n/a')} s, "
                         f"{ages.get('older_than_40s', 'n/a')} of {ages.get('leases', 0):,} older than the 40 s lease duration"))
        out += ["#### Heartbeat write load", "", "| Measure | Result |", "|---|---|"] + [f"| {x} | {y} |" for x, y in beat] + [""]
    out += [f"Server log: {server_log(run_dir)}.", "", END]
    return "\n".join(out)


def main():
    run_dir_main(__doc__, render, BEGIN, END, SECTION)


if __name__ == "__main__":
    main()
