"""A cluster's hosted Kubernetes API as the nodes benchmark reads it: Nodes and their Ready
condition, the datastore revision (a list's metadata.resourceVersion), and a Lease watch
that counts renewals. One keep-alive HTTPS connection per thread, loopback only, the
cluster's CA and bearer token from its user kubeconfig. Standard library only."""

import http.client
import json
import ssl
import threading
import time
import urllib.parse

LEASES = "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases"


class HostedAPI:
    """GETs on one cluster's hosted API (server URL https://127.0.0.1:PORT/clusters/{uid})."""

    def __init__(self, credentials):
        parts = urllib.parse.urlsplit(credentials.server)
        if parts.hostname != "127.0.0.1":
            raise SystemExit(f"refusing a non-loopback server {credentials.server}")
        self.host, self.port, self.base = parts.hostname, parts.port, parts.path.rstrip("/")
        self.token = credentials.token
        self.context = ssl.create_default_context(cafile=credentials.ca_file)
        self._local = threading.local()

    def _connection(self, timeout=60):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=self.context)
            self._local.conn = conn
        return conn

    def get(self, path):
        """(status, parsed JSON body or raw bytes)."""
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request("GET", self.base + path, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
                continue
            try:
                return resp.status, json.loads(body)
            except ValueError:
                return resp.status, body

    def node_readiness(self):
        """{"nodes": n, "ready": n with Ready=True, "not_ready": [names]} from GET /api/v1/nodes."""
        status, body = self.get("/api/v1/nodes")
        if status != 200:
            raise RuntimeError(f"GET nodes answered {status}: {str(body)[:300]}")
        ready, not_ready = 0, []
        for node in body.get("items", []):
            conditions = node.get("status", {}).get("conditions", [])
            if any(c.get("type") == "Ready" and c.get("status") == "True" for c in conditions):
                ready += 1
            else:
                not_ready.append(node["metadata"]["name"])
        return {"nodes": len(body.get("items", [])), "ready": ready, "not_ready": not_ready}

    def revision(self):
        """(wall time of the answer, the datastore's current revision) from a one-item Lease list."""
        status, body = self.get(LEASES + "?limit=1")
        at = time.time()
        if status != 200:
            raise RuntimeError(f"GET leases answered {status}: {str(body)[:300]}")
        return at, int(body["metadata"]["resourceVersion"])

    def leases(self):
        """The Leases in kube-node-lease (full list)."""
        status, body = self.get(LEASES)
        if status != 200:
            raise RuntimeError(f"GET leases answered {status}: {str(body)[:300]}")
        return body.get("items", [])

    def count_lease_events(self, from_revision, seconds, until):
        """Watches Leases from `from_revision` for `seconds` (the server ends the stream) and
        counts events by type that arrive before wall time `until`."""
        conn = http.client.HTTPSConnection(self.host, self.port, timeout=seconds + 30, context=self.context)
        query = f"?watch=1&resourceVersion={from_revision}&timeoutSeconds={seconds}&allowWatchBookmarks=false"
        conn.request("GET", self.base + LEASES + query, headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"})
        resp = conn.getresponse()
        counts = {"status": resp.status}
        if resp.status != 200:
            counts["error"] = resp.read()[:300].decode(errors="replace")
            conn.close()
            return counts
        try:
            while True:
                line = resp.readline()
                if not line:
                    break
                if time.time() >= until:
                    break
                kind = json.loads(line).get("type", "?")
                counts[kind] = counts.get(kind, 0) + 1
        except (http.client.HTTPException, OSError, ValueError) as error:
            counts["error"] = repr(error)
        finally:
            conn.close()
        return counts
