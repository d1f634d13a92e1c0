"""The ramp of the nodes benchmark: PUT the clusters, poll their operations until they leave
InProgress, and sample the server's CPU and RSS and the machine's CPU once a second; times
come from the operations' startTime/endTime. Optionally `perf record` the server meanwhile."""

import concurrent.futures
import datetime
import json
import os
import subprocess
import threading
import time

import server_probe
from bench_client import Failures, cluster_path, local_path, summary_ms
from run_backend import GROUP, SUBSCRIPTION, log


def create_body(name, nodes):
    """tests/interop/hmtest.py's minimal_cluster_body(name, nodes)."""
    pool = {"name": "sys", "count": nodes, "mode": "System", "vmSize": "Standard_DS2_v2", "osType": "Linux",
            "type": "VirtualMachineScaleSets"}
    return json.dumps({"location": "eastus", "properties": {"dnsPrefix": name, "agentPoolProfiles": [pool]}}).encode()


def machine_jiffies():
    """(busy, total) jiffies of all CPUs from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


def arm_seconds(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() if text else None


class Ramp:
    """The creates, their operations, and a once-a-second sampler, all timed from the first PUT."""

    def __init__(self, args, client):
        self.args, self.client = args, client
        self.failures = Failures()
        self.clusters = {}  # name -> record
        self.lock = threading.Lock()
        self.accepting = True
        self.timeline = []
        self.t0 = None

    def put(self, name):
        started = time.time()
        with self.lock:
            self.t0 = self.t0 or started
        response = self.client.request("PUT", cluster_path(SUBSCRIPTION, GROUP, name), create_body(name, self.args.nodes))
        status_url = response.header("Azure-AsyncOperation")
        record = {"name": name, "put_at": started, "accepted_at": time.time(), "status": response.status}
        if response.status not in (200, 201) or not status_url:
            self.failures.add(f"PUT {name}", response)
            record["final"] = "PutFailed"
        else:
            record["operation"] = local_path(status_url)
        with self.lock:
            self.clusters[name] = record

    def poll(self):
        """Polls pending operations until all PUTs are in and no operation is pending."""
        deadline = time.time() + self.args.deadline_seconds
        while time.time() < deadline:
            sweep = time.time()
            with self.lock:
                pending = [r for r in self.clusters.values() if "final" not in r]
                accepting = self.accepting
            if not pending and not accepting:
                return
            for record in pending:
                response = self.client.request("GET", record["operation"])
                if response.status != 200:
                    self.failures.add(f"GET {record['operation']}", response)
                    continue
                body = response.json()
                if body.get("status") in ("InProgress", "Accepted", "Running"):
                    continue
                record.update(final=body.get("status"), done_at=time.time(), server_start=arm_seconds(body.get("startTime")),
                              server_end=arm_seconds(body.get("endTime")))
                if body.get("status") != "Succeeded":
                    self.failures.add(f"operation of {record['name']} ended {body.get('status')}", response)
            time.sleep(max(0.0, self.args.poll_interval - (time.time() - sweep)))
        log(f"  deadline of {self.args.deadline_seconds}s reached with operations pending")

    def sample(self, stop):
        while not stop.wait(1.0):
            busy, total = machine_jiffies()
            with self.lock:
                succeeded = sum(1 for r in self.clusters.values() if r.get("final") == "Succeeded")
            self.timeline.append({"t": round(time.time() - self.t0, 2) if self.t0 else 0.0, "hm_cpu_s": server_probe.cpu_seconds(self.args.pid),
                                  "machine_busy": busy, "machine_total": total,
                                  "rss_kib": server_probe.memory_kib(self.args.pid)["VmRSS"], "succeeded": succeeded,
                                  "loadavg1": os.getloadavg()[0]})

    def run(self):
        names = [f"n{i}" for i in range(self.args.clusters)]
        stop = threading.Event()
        sampler = threading.Thread(target=self.sample, args=(stop,), daemon=True)
        poller = threading.Thread(target=self.poll, daemon=True)
        cpu0, (busy0, total0), wall0 = server_probe.cpu_seconds(self.args.pid), machine_jiffies(), time.time()
        perf = start_perf(self.args)
        sampler.start()
        poller.start()
        with concurrent.futures.ThreadPoolExecutor(self.args.parallel) as pool:
            list(pool.map(self.put, names))
        accepted = max(r["accepted_at"] for r in self.clusters.values()) - self.t0
        log(f"  {sum(1 for r in self.clusters.values() if 'operation' in r)} of {len(names)} accepted in {accepted:.1f}s; polling")
        with self.lock:
            self.accepting = False
        poller.join()
        cpu1, (busy1, total1), wall1 = server_probe.cpu_seconds(self.args.pid), machine_jiffies(), time.time()
        stop.set()
        sampler.join()
        if perf:
            perf.wait()
        done = [r for r in self.clusters.values() if r.get("final") == "Succeeded"]
        to_succeeded = [r["done_at"] - r["put_at"] for r in done]
        server_side = [r["server_end"] - r["server_start"] for r in done if r.get("server_end") and r.get("server_start")]
        last = max((r["done_at"] for r in done), default=None)
        # Headline times from the operations' own endTime (same machine clock), not the poll
        # that saw them: polling every --poll-interval s would add up to that much.
        ends = [r.get("server_end") or r["done_at"] for r in done]
        out = {
            "clusters": len(names), "nodes_per_cluster": self.args.nodes, "parallel": self.args.parallel,
            "poll_interval": self.args.poll_interval, "accepted_seconds": round(accepted, 2), "succeeded": len(done),
            "finals": {k: sum(1 for r in self.clusters.values() if r.get("final", "Pending") == k)
                       for k in {r.get("final", "Pending") for r in self.clusters.values()}},
            "first_succeeded_seconds": round(min(ends) - self.t0, 2) if done else None,
            "all_succeeded_seconds": round(max(ends) - self.t0, 2) if done and len(done) == len(names) else None,
            "last_succeeded_seconds": round(max(ends) - self.t0, 2) if done else None,
            "all_observed_seconds": round(last - self.t0, 2) if last else None,
            "per_cluster_observed": summary_ms(to_succeeded), "per_cluster_server": summary_ms(server_side),
            "hm_cpu_percent": round(100 * (cpu1 - cpu0) / (wall1 - wall0), 1),
            "machine_busy_percent": round(100 * (busy1 - busy0) / max(1, total1 - total0), 1),
            "wall_seconds": round(wall1 - wall0, 2), "timeline": self.timeline, "failures": self.failures.report(),
            "records": sorted(self.clusters.values(), key=lambda r: r["put_at"]),
        }
        return out, last


def start_perf(args):
    if not args.perf_seconds:
        return None
    command = ["perf", "record", "-F", "99", "-g", "-p", str(args.pid), "-o", os.path.join(args.work_dir, "perf.data"),
               "--", "sleep", str(args.perf_seconds)]
    log(f"  perf record for {args.perf_seconds}s: {' '.join(command)}")
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(os.path.join(args.work_dir, "perf.log"), "w"))
