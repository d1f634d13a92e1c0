"""GET load with wrk (Debian's wrk 4.x): a Lua script adds the bearer token, and for a
paced run a fixed per-connection delay. wrk is closed-loop: the paced run's rate is
roughly connections / (delay + latency), so the achieved rate is reported as measured."""

import os
import re
import subprocess

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * _UNITS[match.group(2)] if match else None


def parse(output):
    """Requests/sec, latency percentiles (ms), request count, errors from wrk --latency output."""
    result = {"percentiles_ms": {}}
    for line in output.splitlines():
        line = line.strip()
        if match := re.fullmatch(r"(50|75|90|99)%\s+(\S+)", line):
            result["percentiles_ms"][match.group(1)] = _ms(match.group(2))
        elif match := re.match(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", line):
            result["mean_ms"], result["max_ms"] = _ms(match.group(1)), _ms(match.group(3))
        elif match := re.match(r"(\d+) requests in ([\d.]+)(\w+)", line):
            result["requests"] = int(match.group(1))
        elif match := re.match(r"Requests/sec:\s+([\d.]+)", line):
            result["requests_per_sec"] = float(match.group(1))
        elif match := re.match(r"Non-2xx or 3xx responses:\s+(\d+)", line):
            result["non_2xx"] = int(match.group(1))
        elif line.startswith("Socket errors:"):
            result["socket_errors"] = line.split(":", 1)[1].strip()
    result["p50_ms"] = result["percentiles_ms"].get("50")
    result["p99_ms"] = result["percentiles_ms"].get("99")
    return result


def run(url, token, work_dir, *, seconds, connections=16, threads=2, delay_ms=None, label="wrk"):
    """Runs wrk against one URL and returns the parsed figures plus the raw output."""
    script = os.path.join(work_dir, f"{label}.lua")
    with open(script, "w") as lua:
        lua.write('wrk.method = "GET"\n')
        lua.write(f'wrk.headers["Authorization"] = "Bearer {token}"\n')
        if delay_ms is not None:
            lua.write(f"function delay()\n  return {delay_ms}\nend\n")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", script, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    result = parse(done.stdout)
    result.update({"command": " ".join(command[:-3] + ["<lua>", url]), "exit_code": done.returncode, "raw": done.stdout + done.stderr})
    return result
