"""Where a process's memory and handles go, read from /proc: RSS and threads, the
smaps_rollup totals, resident memory per kind of mapping (heap and anonymous, SQLite
shared-memory files, other files), and open file descriptors by kind."""

import os
import re


def _kib_fields(path, keys=None):
    out = {}
    with open(path) as f:
        for line in f:
            key, _, rest = line.partition(":")
            parts = rest.split()
            if len(parts) == 2 and parts[1] == "kB" and (keys is None or key in keys):
                out[key] = int(parts[0])
    return out


def status(pid):
    """VmRSS, VmHWM, RssAnon, RssFile, RssShmem (KiB) and Threads."""
    out = _kib_fields(f"/proc/{pid}/status", {"VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"})
    with open(f"/proc/{pid}/status") as f:
        out["Threads"] = int(next(line for line in f if line.startswith("Threads:")).split()[1])
    return out


def rollup(pid):
    """/proc/PID/smaps_rollup in KiB (Rss, Pss_Anon, Pss_File, Pss_Shmem, Anonymous, ...)."""
    return _kib_fields(f"/proc/{pid}/smaps_rollup")


ARENA_ALIGN = 64 << 20  # glibc's per-thread malloc arenas are 64 MiB-aligned heaps


def _kind(path, start, perms):
    if path.endswith("-shm"):
        return "sqlite_shm"
    if path in ("[heap]", "[stack]"):
        return path.strip("[]")
    if not path:
        if perms.startswith("---"):
            return "anon_reserved"  # not usable: the rest of an arena's 64 MiB, guard pages
        return "malloc_arena" if start % ARENA_ALIGN == 0 else "anon_other"
    if path.startswith("/"):
        return "sqlite_file" if re.search(r"\.sqlite(-wal)?$", path) else "file"
    return "other"


def mappings(pid):
    """Resident KiB, size and count per kind of mapping, from /proc/PID/smaps."""
    kinds = {}
    current = None
    header = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$")
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            match = header.match(line)
            if match:
                start, end = int(match.group(1), 16), int(match.group(2), 16)
                kind = _kind(match.group(4).strip(), start, match.group(3))
                current = kinds.setdefault(kind, {"count": 0, "rss_kib": 0, "size_kib": 0})
                current["count"] += 1
                current["size_kib"] += (end - start) // 1024
            elif line.startswith("Rss:") and current is not None:
                current["rss_kib"] += int(line.split()[1])
    return kinds


def descriptors(pid):
    """Open file descriptors by kind: sqlite (main files), sqlite_wal, sqlite_shm, socket, other."""
    counts = {}
    fd_dir = f"/proc/{pid}/fd"
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if target.endswith(".sqlite"):
            kind = "sqlite"
        elif target.endswith("-wal"):
            kind = "sqlite_wal"
        elif target.endswith("-shm"):
            kind = "sqlite_shm"
        elif target.startswith("socket:"):
            kind = "socket"
        else:
            kind = "other"
        counts[kind] = counts.get(kind, 0) + 1
    counts["total"] = sum(counts.values())
    return counts


def snapshot(pid):
    """Everything above at one moment."""
    return {"status": status(pid), "rollup": rollup(pid), "mappings": mappings(pid), "fds": descriptors(pid)}


def datastore_files(data_dir):
    """Count and total bytes of the clusters' datastore files (main, -wal, -shm)."""
    totals = {"clusters": 0, "sqlite_bytes": 0, "wal_bytes": 0, "shm_bytes": 0}
    root = os.path.join(data_dir, "clusters")
    if not os.path.isdir(root):
        return totals
    for uid in os.listdir(root):
        base = os.path.join(root, uid, "datastore.sqlite")
        if os.path.exists(base):
            totals["clusters"] += 1
            totals["sqlite_bytes"] += os.path.getsize(base)
        for suffix, key in (("-wal", "wal_bytes"), ("-shm", "shm_bytes")):
            if os.path.exists(base + suffix):
                totals[key] += os.path.getsize(base + suffix)
    return totals
