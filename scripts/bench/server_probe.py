"""What the benchmark reads about the running server from outside: RSS and CPU time
from /proc, the store's size on disk, and the server's own request histograms
from GET /metrics (Prometheus text)."""

import glob
import os
import re
import subprocess

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def memory_kib(pid):
    """VmRSS and VmHWM (peak RSS) of a process, in KiB."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def cpu_seconds(pid):
    """User + system CPU seconds the process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def sqlite_size(data_dir):
    """Bytes of harbormaster.sqlite and its -wal/-shm files, per file and total."""
    files = {os.path.basename(p): os.path.getsize(p) for p in sorted(glob.glob(os.path.join(data_dir, "harbormaster.sqlite*")))}
    return {"files": files, "total_bytes": sum(files.values())}


def postgres_size(url):
    """pg_database_size('hm') through psql (the client from Debian's postgresql package)."""
    out = subprocess.run(
        ["psql", "-X", "-A", "-t", "-d", url, "-c", "SELECT pg_database_size('hm')"],
        check=True, capture_output=True, text=True, timeout=60,
    )
    return {"total_bytes": int(out.stdout.strip())}


_BUCKET = re.compile(r'^hm_http_request_duration_seconds_bucket\{(?P<labels>[^}]*)\} (?P<count>\S+)$')


def route_histograms(metrics_text):
    """{(route, method): [(upper_bound_seconds, cumulative_count), ...]} from /metrics."""
    out = {}
    for line in metrics_text.splitlines():
        match = _BUCKET.match(line)
        if not match:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', match.group("labels")))
        bound = float("inf") if labels.get("le") == "+Inf" else float(labels.get("le", "nan"))
        key = (labels.get("route"), labels.get("method"))
        out.setdefault(key, []).append((bound, float(match.group("count"))))
    for buckets in out.values():
        buckets.sort()
    return out


def histogram_delta(after, before):
    """Per-bucket difference of two cumulative histograms of the same route."""
    earlier = dict(before or [])
    return [(bound, count - earlier.get(bound, 0.0)) for bound, count in after]


def bucket_quantile_ms(buckets, q):
    """Upper bound (ms) of the bucket holding quantile q; a bound, not an estimate."""
    total = buckets[-1][1] if buckets else 0
    if total <= 0:
        return None
    for bound, count in buckets:
        if count >= q * total:
            return None if bound == float("inf") else bound * 1000
    return None
