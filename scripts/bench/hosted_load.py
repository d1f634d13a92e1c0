"""Write load on a hosted Kubernetes API with wrk: ConfigMap creates (POST, JSON body,
bearer token) with a name unique per request, from a Lua script per run."""

import os
import subprocess

import wrk_load

LUA = """
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer {token}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local next_thread = 1
function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

local counter = 0
local payload = string.rep("x", {payload_bytes})
function request()
  counter = counter + 1
  local body = string.format(
    '{{"apiVersion":"v1","kind":"ConfigMap","metadata":{{"name":"{run}-%d-%d"}},"data":{{"payload":"%s"}}}}',
    thread_id, counter, payload)
  return wrk.format(nil, nil, nil, body)
end
"""


def create_configmaps(credentials, work_dir, *, run, seconds, connections=16, threads=2, payload_bytes=400, label="wrk-create"):
    """Creates ConfigMaps in `default` at max rate for `seconds`; wrk's figures plus the raw output."""
    script = os.path.join(work_dir, f"{label}.lua")
    with open(script, "w") as lua:
        lua.write(LUA.format(token=credentials.token, run=run, payload_bytes=payload_bytes))
    url = f"{credentials.server}/api/v1/namespaces/default/configmaps"
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", script, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    result = wrk_load.parse(done.stdout)
    result.update({"command": " ".join(command[:-3] + ["<lua>", url]), "exit_code": done.returncode,
                   "raw": done.stdout + done.stderr, "connections": connections, "seconds": seconds})
    return result
