"""Open-loop GET load at a fixed rate (wrk2's method, since wrk2 is not in Debian).

`clients` threads each own one keep-alive connection and a share of a global
schedule: request k is due at start + k / rate. Latency is measured from the
request's due time, not from when it was actually sent, so a stall in the server
counts against every request it delays (no coordinated omission). How late the
client itself sent (its own scheduling jitter) is reported separately. If the
server cannot keep up, sending stops `grace` seconds after the planned end and
the requests never sent are reported as `unsent`."""

import sys
import threading
import time

from bench_client import Client, Failures, percentile, summary_ms


def run(port, token, path, *, rate=1000, seconds=20, clients=16, grace=10):
    sys.setswitchinterval(0.0002)  # keep GIL hand-offs short next to sub-ms latencies
    client = Client(port, token)
    failures = Failures()
    total = int(rate * seconds)
    start = time.perf_counter() + 0.2
    stop_sending = start + seconds + grace
    per_thread = [([], []) for _ in range(clients)]

    def worker(index):
        latencies, lateness = per_thread[index]
        client.request("GET", path)  # open the connection before the clock starts
        for k in range(index, total, clients):
            due = start + k / rate
            now = time.perf_counter()
            if due > now:
                time.sleep(due - now)
            sent = time.perf_counter()
            if sent > stop_sending:
                break
            try:
                response = client.request("GET", path)
            except OSError as error:
                failures.add("GET", error=error)
                continue
            finished = time.perf_counter()
            if response.status != 200:
                failures.add("GET", response)
            latencies.append(finished - due)
            lateness.append(max(0.0, sent - due))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    latencies = [x for lat, _ in per_thread for x in lat]
    lateness = [x for _, late in per_thread for x in late]
    result = summary_ms(latencies)
    result.update({
        "target_rate": rate,
        "achieved_rate": round(len(latencies) / elapsed, 1),
        "clients": clients,
        "seconds": round(elapsed, 1),
        "unsent": total - len(latencies) - failures.count,
        "client_send_lateness_p99_ms": round(percentile(lateness, 99) * 1000, 3) if lateness else None,
        "failures": failures.report(),
    })
    return result
