"""HTTP plumbing for the management API benchmark: one keep-alive connection per
thread, timed requests, percentiles. Standard library only (no venv needed).

Every request goes to 127.0.0.1; absolute URLs the server hands back (the
Azure-AsyncOperation status URL) are reduced to their path first.
"""

import http.client
import json
import math
import statistics
import threading
import time
import urllib.parse

API_VERSION = "2026-08-01"
CREATE_BODY = json.dumps(
    {"location": "eastus", "properties": {"agentPoolProfiles": [{"name": "sys", "count": 3, "mode": "System"}]}}
).encode()


def cluster_path(subscription, group, name=None):
    base = f"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters"
    if name is not None:
        base += f"/{name}"
    return f"{base}?api-version={API_VERSION}"


def local_path(url):
    """Path and query of a URL the server returned; refuses anything not on loopback."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in (None, "127.0.0.1", "localhost"):
        raise ValueError(f"refusing to follow non-loopback URL {url}")
    return parts.path + ("?" + parts.query if parts.query else "")


class Response:
    __slots__ = ("status", "headers", "body", "seconds")

    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name):
        return self.headers.get(name.lower())


class Client:
    """A keep-alive HTTP/1.1 connection to the server, one per thread."""

    def __init__(self, port, token=None):
        self.port, self.token = port, token
        self._local = threading.local()

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            conn.connect()
            self._local.conn = conn
        return conn

    def request(self, method, path, body=None, token=None):
        headers = {"Authorization": f"Bearer {token or self.token}"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            conn = self._connection()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
                continue
            seconds = time.perf_counter() - started
            return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, seconds)


def percentile(samples, pct):
    """Nearest-rank percentile (pct in 0..100) of a non-empty list."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds):
    """n, p50, p99, max and mean of a list of durations in seconds, in milliseconds."""
    if not seconds:
        return {"n": 0}
    return {
        "n": len(seconds),
        "p50_ms": round(percentile(seconds, 50) * 1000, 3),
        "p99_ms": round(percentile(seconds, 99) * 1000, 3),
        "max_ms": round(max(seconds) * 1000, 3),
        "mean_ms": round(statistics.fmean(seconds) * 1000, 3),
    }


class Failures:
    """Counts unexpected answers and keeps a few of them as evidence."""

    def __init__(self, keep=5):
        self.count, self.samples, self.keep = 0, [], keep
        self._lock = threading.Lock()

    def add(self, what, response=None, error=None):
        with self._lock:
            self.count += 1
            if len(self.samples) < self.keep:
                entry = {"what": what}
                if response is not None:
                    entry["status"] = response.status
                    entry["body"] = response.body[:500].decode(errors="replace")
                if error is not None:
                    entry["error"] = repr(error)
                self.samples.append(entry)

    def report(self):
        return {"count": self.count, "samples": self.samples}
