"""Writes the results section of docs/benchmarks.md from run_backend.py's JSON files.

Only the text between the `bench:results` markers is generated; everything outside
them (the introduction, the hand-written notes) is kept as it is, so a rerun
refreshes the figures without losing the analysis. With --print, the section goes
to stdout and the document is left alone (used by --quick runs)."""

import argparse
import json
import os

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
GOAL_GET_P99_MS, GOAL_ACCEPTED_MS = 5.0, 20.0

TEMPLATE = """# Benchmarks: management API

Figures for `hm serve` (release build) on one machine, for both store backends:
the embedded SQLite default and PostgreSQL. One command produces all of them and
rewrites the results section below (the notes after it are kept):

```sh
scripts/bench/management-api            # both backends, 10,000 clusters (~10-15 min)
scripts/bench/management-api --quick    # 1,000 clusters, 5 s load runs; prints, leaves this file alone
```

The server runs with `--provisioning-step-seconds 0` (simulated provisioning
finishes as fast as the operation runner can go) and its default `info` log level
(one access-log line per request, to a file). Load generators run on the same
2-core machine as the server, so every figure includes their CPU competition.

{results}

## Notes

(none yet)
"""


def ms(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f} ms"


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def size(num_bytes):
    return f"{num_bytes / 1048576:.1f} MiB"


def verdict(ok):
    return "**met**" if ok else "**not met**"


def failures_note(result):
    """Every phase's failure count, so a bad answer cannot hide in a good median."""
    found = []
    for phase in ("create", "fill", "at_size"):
        count = result[phase]["failures"]["count"]
        if count:
            found.append(f"{phase}: {count}")
    for run in ("wrk_max", "wrk_paced", "wrk_healthz", "wrk_subscription"):
        non2xx = result["get_load"].get(run, {}).get("non_2xx")
        if non2xx:
            found.append(f"{run}: {non2xx} non-2xx")
    fixed = result["get_load"]["fixed_1000"]["failures"]["count"]
    if fixed:
        found.append(f"fixed_1000: {fixed}")
    return ", ".join(found) if found else "none"


def backend_table(result):
    create, load, fill, at = result["create"], result["get_load"], result["fill"], result["at_size"]
    wrk_max, paced, fixed = load["wrk_max"], load["wrk_paced"], load["fixed_1000"]
    cpu_per_get = wrk_max["server_cpu_seconds"] / wrk_max["requests"] * 1e6 if wrk_max.get("requests") else None
    handler = wrk_max.get("server_side") or {}
    n = result["clusters"]
    rows = [
        ("Create, accepted (PUT -> 201), one at a time, n=%d" % create["accepted"]["n"],
         f"p50 {ms(create['accepted']['p50_ms'])}, p99 {ms(create['accepted']['p99_ms'])}"),
        ("Create -> Succeeded (polling every 10 ms)",
         f"p50 {ms(create['to_succeeded']['p50_ms'])}, p99 {ms(create['to_succeeded']['p99_ms'])}"),
        ("GET, max rate (wrk, 16 conns)",
         f"{wrk_max.get('requests_per_sec', 0):,.0f} req/s, p50 {ms(wrk_max.get('p50_ms'))}, p99 {ms(wrk_max.get('p99_ms'))}"),
        ("GET, ~1,000 req/s (wrk, 16 conns, 16 ms delay each; closed loop)",
         f"{paced.get('requests_per_sec', 0):,.0f} req/s, p50 {ms(paced.get('p50_ms'))}, p99 {ms(paced.get('p99_ms'))}"),
        ("GET, 1,000 req/s open loop (Python, 16 clients)",
         f"{fixed['achieved_rate']:,.0f} req/s, p50 {ms(fixed['p50_ms'])}, p99 {ms(fixed['p99_ms'])}"),
        ("For comparison, max rate: GET /healthz (HTTP only) / GET subscription (token check + 1 read)",
         " / ".join(f"{b.get('requests_per_sec', 0):,.0f} req/s, p99 {ms(b.get('p99_ms'))}"
                    for b in (load.get("wrk_healthz", {}), load.get("wrk_subscription", {})))),
        ("Server CPU per GET at max rate", "n/a" if cpu_per_get is None else f"{cpu_per_get:.0f} µs"),
        ("Server-side GET handler time at max rate (/metrics buckets)",
         f"p50 <= {ms(handler.get('p50_le_ms'), 1)}, p99 <= {ms(handler.get('p99_le_ms'), 1)}"),
        (f"Fill to {n:,} clusters ({fill['created']:,} PUTs, 8 parallel): accepted",
         f"p50 {ms(fill['accepted_under_load']['p50_ms'])}, p99 {ms(fill['accepted_under_load']['p99_ms'])}; "
         f"all accepted in {fill['accept_seconds']} s, all Succeeded after {fill['all_succeeded_seconds']} s"),
        ("Server RSS: at start / before fill / after fill (peak)",
         f"{mib(result['memory_at_start_kib']['VmRSS'])} / {mib(fill['memory_before_kib']['VmRSS'])} / "
         f"{mib(fill['memory_after_kib']['VmRSS'])} ({mib(fill['memory_after_kib']['VmHWM'])})"),
        ("Store size: before fill / after fill",
         f"{size(fill['store_before']['total_bytes'])} / {size(fill['store_after']['total_bytes'])}"),
        (f"GET c1 with {n:,} clusters, n=50", f"p50 {ms(at['get']['p50_ms'])}, p99 {ms(at['get']['p99_ms'])}"),
        (f"GET, max rate with {n:,} clusters (wrk, 10 s)",
         f"{at['wrk_max'].get('requests_per_sec', 0):,.0f} req/s, p50 {ms(at['wrk_max'].get('p50_ms'))}, p99 {ms(at['wrk_max'].get('p99_ms'))}"),
        (f"List by resource group, first page of 100, with {n:,} clusters, n=10",
         f"p50 {ms(at['list_first_page']['p50_ms'], 1)}, max {ms(at['list_first_page']['max_ms'], 1)}"),
        ("Unexpected answers", failures_note(result)),
        ("Machine load average (1 min) when this backend's run started / ended",
         f"{result['loadavg_at_start'][0]:.2f} / {result['loadavg_at_end'][0]:.2f}"),
    ]
    lines = ["| Measure | Result |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in rows]
    return "\n".join(lines)


def goals_table(results):
    lines = ["| Goal | " + " | ".join(r["backend_title"] for r in results) + " |", "|---|" + "---|" * len(results)]
    get_cells, accepted_cells = [], []
    for r in results:
        fixed, paced = r["get_load"]["fixed_1000"], r["get_load"]["wrk_paced"]
        worst = max(v for v in (fixed["p99_ms"], paced.get("p99_ms")) if v is not None)
        get_cells.append(f"{verdict(worst < GOAL_GET_P99_MS)}: p99 {ms(fixed['p99_ms'])} open loop, {ms(paced.get('p99_ms'))} wrk")
        acc = r["create"]["accepted"]
        accepted_cells.append(f"{verdict(acc['p99_ms'] < GOAL_ACCEPTED_MS)}: p99 {ms(acc['p99_ms'])} (p50 {ms(acc['p50_ms'])})")
    lines.append("| GET p99 < 5 ms at 1,000 req/s | " + " | ".join(get_cells) + " |")
    lines.append("| Create accepted in < 20 ms (p99, one at a time) | " + " | ".join(accepted_cells) + " |")
    return "\n".join(lines)


def render(results, machine):
    out = [BEGIN, "", "## Latest run", ""]
    out += [f"- Command: `{machine['command']}`", f"- Date: {machine['date']}",
            f"- Machine: {machine['nproc']} cores, {machine['memory']} memory, {machine['os']}",
            f"- Toolchain: {machine['swift']}", f"- Build: {machine['build']} ({machine['commit']})",
            f"- Clusters in the fill phase: {results[0]['clusters']:,}; load runs: {machine['get_seconds']} s each", ""]
    out += ["### Goals", "", goals_table(results), ""]
    for r in results:
        out += [f"### {r['backend_title']}", "", backend_table(r), ""]
    out.append(END)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--machine", required=True, help="JSON file with command, date, nproc, memory, os, swift, commit, get_seconds")
    parser.add_argument("--doc", default="docs/benchmarks.md")
    parser.add_argument("--print", action="store_true", help="print the section instead of writing the document")
    parser.add_argument("results", nargs="+", help="run_backend.py JSON files, in table order")
    args = parser.parse_args()
    titles = {"sqlite": "SQLite (embedded default)", "postgresql": "PostgreSQL 15"}
    results = []
    for path in args.results:
        with open(path) as f:
            result = json.load(f)
        result["backend_title"] = titles[result["backend"]]
        results.append(result)
    with open(args.machine) as f:
        section = render(results, json.load(f))
    if args.print:
        print(section)
        return
    if os.path.exists(args.doc):
        with open(args.doc) as f:
            text = f.read()
        if BEGIN in text and END in text:
            text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
    else:
        text = TEMPLATE.replace("{results}", section)
    with open(args.doc, "w") as f:
        f.write(text)
    print(f"bench: wrote {args.doc}")


if __name__ == "__main__":
    main()
