"""Writes the "Hosted control planes (issue 4)" section of docs/benchmarks.md from the JSON
that scripts/bench/hosted-api leaves in its run dir (hm-bench kv output, hosted_run.py output).

Only the text between the `bench:hosted` markers is generated; the notes after them are kept.
When the markers are missing, the section (heading, introduction, markers, empty notes) is
appended. With --print, the generated part goes to stdout and the document is left alone."""

import json
import os

from doc_section import run_dir_main

BEGIN, END = "<!-- bench:hosted:begin -->", "<!-- bench:hosted:end -->"
GOAL_MIB_PER_PLANE, GOAL_KUBECTL_MS = 2.0, 1000.0

SECTION = """## Hosted control planes (issue 4)

Figures for the hosted Kubernetes API and the control-plane datastores, `hm serve`
(release build) with its default `--provisioning-step-seconds 0.1` and `info` log level.
One command produces them all and rewrites the results below (the notes after them are kept);
the figures below are from `scripts/bench/hosted-api` on a 2-core machine:

```sh
scripts/bench/hosted-api              # everything (~4 min after the release build)
scripts/bench/hosted-api --quick      # smaller counts, 5 s runs; prints, leaves this file alone
```

Load generators (wrk, `hm-bench`, kubectl) run on the same 2 cores as the server (and etcd).

{results}

### Notes

(none yet)
"""


def ms(value, digits=2):
    return "n/a" if value is None else f"{value:,.{digits}f} ms"


def mib(kib):
    return f"{kib / 1024:,.1f} MiB"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def load(run_dir, name):
    with open(os.path.join(run_dir, name)) as f:
        return json.load(f)


def kv_cell(r):
    return f"{r['puts_per_s']:,.0f} puts/s, p50 {ms(r['p50_ms'])}, p99 {ms(r['p99_ms'])}" + (f" ({r['failed']} failed)" if r["failed"] else "")


def write_cell(w):
    cpu = w["server_cpu_seconds"] / w["requests"] * 1e6 if w.get("requests") else None
    errors = f", {w['non_2xx']} non-2xx" if w.get("non_2xx") else ""
    errors += f", socket errors {w['socket_errors']}" if w.get("socket_errors") else ""
    return (f"{w.get('requests_per_sec', 0):,.0f} creates/s, p50 {ms(w.get('p50_ms'))}, p99 {ms(w.get('p99_ms'))}{errors}"
            + ("" if cpu is None else f"; server CPU {cpu:,.0f} µs per create"))


def watch_cell(w):
    failed = f"; {w['failed_watchers']:,} watch streams failed ({w.get('first_error', '')[:120]})" if w["failed_watchers"] else ""
    if w.get("create_failures"):
        failed += f"; a create failed, sending stopped ({w.get('first_create_error', '')[:120]})"
    return (f"p50 {ms(w.get('p50_ms'))}, p99 {ms(w.get('p99_ms'))}, max {ms(w.get('max_ms'))}; "
            f"delivered {w['delivered']:,} of {w['expected']:,}{failed}")


def figures_table(kv, loads, n_watchers, n_events):
    rows = [
        ("Datastore puts/s without HTTP, 16 concurrent (`hm-bench kv`, txn create, 500-byte values)",
         [kv_cell(kv[(b, 16)]) for b in ("embedded", "etcd")]),
        ("Datastore puts/s without HTTP, one at a time", [kv_cell(kv[(b, 1)]) for b in ("embedded", "etcd")]),
        (f"ConfigMap creates through the hosted API (wrk, 16 connections, {loads['embedded']['write']['seconds']} s)",
         [write_cell(loads[b]["write"]) for b in ("embedded", "etcd")]),
        (f"Watch delivery, {n_watchers:,} watchers x {n_events} creates 20 ms apart (POST sent -> ADDED read)",
         [watch_cell(loads[b]["watch"]) for b in ("embedded", "etcd")]),
        (f"Time until all {n_watchers:,} watch streams were established (TLS + first event)",
         [f"{loads[b]['watch']['establish_seconds']:.1f} s ({loads[b]['watch']['established']:,} established)" for b in ("embedded", "etcd")]),
        (f"POST latency during the watch run (one at a time, {n_watchers:,} watchers)",
         [f"p50 {ms(loads[b]['watch']['create'].get('p50_ms'))}, p99 {ms(loads[b]['watch']['create'].get('p99_ms'))} "
          f"(n={loads[b]['watch']['create']['n']})" for b in ("embedded", "etcd")]),
        (f"Server RSS before / after the watch run",
         [" / ".join(mib(k) for k in loads[b]["watch"]["server_rss_kib_before_after"]) for b in ("embedded", "etcd")]),
    ]
    lines = ["| Measure | `--datastore embedded` | `--datastore etcd` |", "|---|---|---|"]
    lines += [f"| {label} | {cells[0]} | {cells[1]} |" for label, cells in rows]
    return "\n".join(lines)


def kubectl_rows(k):
    return [
        (f"Create -> first working `kubectl get ns`, n={k['total']['n']} (one at a time, polling every 50 ms)",
         f"p50 {ms(k['total'].get('p50_ms'), 0)}, p99 {ms(k['total'].get('p99_ms'), 0)}, max {ms(k['total'].get('max_ms'), 0)}"),
        ("... of which PUT -> operation Succeeded", f"p50 {ms(k['to_succeeded'].get('p50_ms'), 0)}, p99 {ms(k['to_succeeded'].get('p99_ms'), 0)}"),
        ("... listClusterUserCredential", f"p50 {ms(k['credentials'].get('p50_ms'), 1)}, p99 {ms(k['credentials'].get('p99_ms'), 1)}"),
        ("... the `kubectl get ns` run that answered (process start, discovery, list)",
         f"p50 {ms(k['kubectl_run'].get('p50_ms'), 0)}, p99 {ms(k['kubectl_run'].get('p99_ms'), 0)}; "
         f"at most {k['kubectl_runs_max']} run(s) per cluster"),
    ]


def memory_rows(m):
    before, after = m["before"], m["after"]
    n = m["succeeded"]

    def per(kib_before, kib_after):
        return f"{mib(kib_before)} -> {mib(kib_after)} ({(kib_after - kib_before) / max(n, 1):,.0f} KiB per cluster)"

    def kind(snapshot, name, field="rss_kib"):
        return snapshot["mappings"].get(name, {}).get(field, 0)

    files = m["datastore_files"]
    fds_b, fds_a = before["fds"], after["fds"]
    return [
        (f"RSS of `hm serve`, idle, before / after {n:,} clusters (+{m['idle_seconds']} s idle)",
         f"{mib(before['status']['VmRSS'])} -> {mib(after['status']['VmRSS'])}: **{m['per_cluster_mib']:.2f} MiB per control plane**"),
        (f"{n:,} creates (8 in parallel): all accepted / all Succeeded after", f"{m['accept_seconds']} s / {m['all_succeeded_seconds']} s"),
        ("... anonymous memory (RssAnon: heap, malloc arenas, stacks)", per(before["status"]["RssAnon"], after["status"]["RssAnon"])),
        ("... file-backed (RssFile: the binary, and the SQLite `-shm` WAL indexes below)", per(before["status"]["RssFile"], after["status"]["RssFile"])),
        ("Mappings: SQLite `-shm` files, 32 KiB each (count, resident)",
         f"{kind(before, 'sqlite_shm', 'count')} -> {kind(after, 'sqlite_shm', 'count'):,}, {mib(kind(before, 'sqlite_shm'))} -> {mib(kind(after, 'sqlite_shm'))}"),
        ("Mappings: glibc malloc arenas (64 MiB-aligned; count, resident)",
         f"{kind(before, 'malloc_arena', 'count')} -> {kind(after, 'malloc_arena', 'count')}, "
         f"{mib(kind(before, 'malloc_arena'))} -> {mib(kind(after, 'malloc_arena'))}"),
        ("Mappings: `[heap]` / other anonymous (resident)",
         f"{mib(kind(before, 'heap'))} -> {mib(kind(after, 'heap'))} / {mib(kind(before, 'anon_other'))} -> {mib(kind(after, 'anon_other'))}"),
        ("Threads", f"{before['status']['Threads']} -> {after['status']['Threads']}"),
        ("Open file descriptors (total; `.sqlite`, `-wal`, `-shm`, sockets)",
         f"{fds_b['total']} -> {fds_a['total']:,}; " + ", ".join(f"{fds_a.get(k, 0):,}" for k in ("sqlite", "sqlite_wal", "sqlite_shm", "socket"))),
        ("Datastore files on disk (`.sqlite` / `-wal` / `-shm`, all clusters)",
         f"{files['clusters']:,} clusters: {files['sqlite_bytes'] / 1048576:,.1f} / {files['wal_bytes'] / 1048576:,.1f} / {files['shm_bytes'] / 1048576:,.1f} MiB"),
    ]


def targets_table(kv, k, m):
    emb, etcd = kv[("embedded", 16)], kv[("etcd", 16)]
    emb1, etcd1 = kv[("embedded", 1)], kv[("etcd", 1)]
    p99 = k["total"].get("p99_ms")
    rows = [
        ("Embedded KV at least as fast as etcd (puts/s, 16 concurrent; one at a time in brackets)",
         f"{verdict(emb['puts_per_s'] >= etcd['puts_per_s'])}: {emb['puts_per_s']:,.0f} vs {etcd['puts_per_s']:,.0f} puts/s "
         f"({emb1['puts_per_s']:,.0f} vs {etcd1['puts_per_s']:,.0f})"),
        ("<= 2 MiB per idle control plane (embedded datastore)",
         f"{verdict(m['per_cluster_mib'] <= GOAL_MIB_PER_PLANE)}: {m['per_cluster_mib']:.2f} MiB with {m['succeeded']:,} clusters"),
        ("Create -> kubectl answers <= 1 s (p99)",
         f"{verdict(p99 is not None and p99 <= GOAL_KUBECTL_MS)}: p99 {ms(p99, 0)}, p50 {ms(k['total'].get('p50_ms'), 0)}"),
    ]
    lines = ["| Target | Result |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]
    return "\n".join(lines)


def render(run_dir, machine):
    kv = {}
    for backend in ("embedded", "etcd"):
        for concurrency in (16, 1):
            kv[(backend, concurrency)] = load(run_dir, f"kv-{backend}-{concurrency}.json")
    loads = {b: load(run_dir, f"load-{b}.json")["load"] for b in ("embedded", "etcd")}
    k = load(run_dir, "kubectl.json")["kubectl"]
    m = load(run_dir, "memory.json")["memory"]
    w = loads["embedded"]["watch"]
    out = [BEGIN, "", "### Latest run", ""]
    out += [f"- Command: `{machine['command']}`", f"- Date: {machine['date']}",
            f"- Machine: {machine['nproc']} cores, {machine['memory']} memory, {machine['os']}, data on {machine['filesystem']}",
            f"- Toolchain: {machine['swift']}; {machine['build']} ({machine['commit']})",
            f"- etcd: {machine['etcd']} (Debian's etcd-server, started by `hm serve` / `hm-bench`); kubectl {machine['kubectl']}", ""]
    out += ["#### Targets", "", targets_table(kv, k, m), ""]
    out += ["#### Datastores and the hosted API", "", figures_table(kv, loads, w["watchers"], w["events"]), ""]
    single = kubectl_rows(k) + memory_rows(m)
    out += ["#### Cluster creation and idle memory (`--datastore embedded`)", "", "| Measure | Result |", "|---|---|"]
    out += [f"| {a} | {b} |" for a, b in single]
    out += ["", END]
    return "\n".join(out)


def main():
    run_dir_main(__doc__, render, BEGIN, END, SECTION)


if __name__ == "__main__":
    main()
