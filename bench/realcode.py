#!/usr/bin/env python3
"""Runs flowshape on real codebases (compile databases), always under a memory
cap and a timeout, and prints one table. A benchmark, not a test.

  measure  cold run (empty cache), then warm run (every translation unit from
           the cache: the run is the link, rules and report only); wall and
           CPU time, peak RSS of each run, functions, flows, findings. The
           warm run is skipped when the cold one failed (--always-warm).
  smoke    one run per codebase (cold unless --cache-root is given); checks no
           crash (exit by signal), no hang (timeout), bounded memory (the
           cap); prints flows, findings and findings per 1,000 flows. Exit 1
           when a check fails.

Each DATABASE is a build directory holding compile_commands.json (or the file
itself). The project root passed to flowshape is the parent of the folder
holding the database (the source tree configured into <tree>/build), unless
--root is given. Peak RSS is the maximum resident set size as
`/usr/bin/time -v` reports it; the cap is `prlimit --as` (address space), so
a blow-up ends in an allocation failure inside flowshape, never in the
kernel's OOM killer taking other processes down.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

OK_EXITS = (0, 1, 3)  # no finding, findings, some translation units failed to parse


def database_file(path):
    path = os.path.abspath(path)
    return path if path.endswith(".json") else os.path.join(path, "compile_commands.json")


def codebase_name(database):
    """<tree>/build/compile_commands.json is <tree>; any other folder names itself."""
    folder = os.path.dirname(database)
    return os.path.basename(os.path.dirname(folder) if os.path.basename(folder) == "build" else folder)


def parse_time(path):
    """The fields of GNU time's -v output that matter here."""
    fields = {"wall": None, "cpu": 0.0, "rss_kb": None, "exit": None, "signal": None}
    with open(path, errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("User time") or line.startswith("System time"):
                fields["cpu"] += float(line.rsplit(":", 1)[1])
            elif line.startswith("Elapsed (wall clock)"):
                clock = line.rsplit(" ", 1)[1].split(":")
                fields["wall"] = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
            elif line.startswith("Maximum resident set size"):
                fields["rss_kb"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("Exit status"):
                fields["exit"] = int(line.rsplit(":", 1)[1])
            match = re.search(r"terminated by signal (\d+)", line)
            if match:
                fields["signal"] = int(match.group(1))
    return fields


def read_varint(data, at):
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def read_string(data, at):
    size, at = read_varint(data, at)
    return data[at:at + size], at + size


def count_functions(cache_dir):
    """Distinct functions (by USR) in the function entries of the cache
    (layouts 2 and 3: one binary entry per function,
    tool/summary/SummaryBinary.cpp: format, file table, then the USR). None
    when the layout is not one this script knows."""
    usrs, seen_any = set(), False
    layout = next((v for v in ("v3", "v2") if os.path.isdir(os.path.join(cache_dir, v))), "v3")
    for folder, _, files in os.walk(os.path.join(cache_dir, layout, "functions")):
        for name in files:
            if not name.endswith(".bin"):
                continue
            try:
                with open(os.path.join(folder, name), "rb") as f:
                    f.readline()  # header: checksum and size
                    data = f.read()
                _, at = read_varint(data, 0)  # format
                count, at = read_varint(data, at)
                for _ in range(count):  # file table
                    _, at = read_string(data, at)
                usr, _ = read_string(data, at)
                usrs.add(usr)
                seen_any = True
            except (OSError, IndexError):
                return None
    return len(usrs) if seen_any else None


def run_flowshape(args, database, root, cache_dir, label, log_dir):
    """One flowshape run under the cap and the timeout; returns its figures."""
    stem = os.path.join(log_dir, label)
    report, time_file = stem + ".json", stem + ".time"
    for path in (report, time_file):
        if os.path.exists(path):
            os.remove(path)
    argv = ["/usr/bin/time", "-v", "-o", time_file,
            "prlimit", "--as=%d" % (args.mem_gb << 30), "--",
            "timeout", "--kill-after=30", str(args.timeout),
            args.flowshape, "-p", database, "--root", root, "--jobs", str(args.jobs), "--format", "json",
            "-o", report, "--stats", "--fail-on", "none", "--cache-dir", cache_dir, "--quiet"]
    with open(stem + ".stderr", "w") as stderr:
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=stderr, check=False)
    figures = parse_time(time_file)
    with open(stem + ".stderr", errors="replace") as f:
        text = f.read()
    figures["stderr"] = text
    figures["timed_out"] = figures["exit"] in (124, 137) and figures["signal"] is None
    figures["out_of_memory"] = "bad_alloc" in text or "out of memory" in text.lower()
    match = re.search(r"(\d+) translation units, (\d+) parsed, (\d+) from the cache", text)
    figures["tus"], figures["parsed"], figures["cached"] = (
        tuple(int(x) for x in match.groups()) if match else (None, None, None))
    figures["report"] = None
    if os.path.exists(report):
        try:
            with open(report) as f:
                figures["report"] = json.load(f)
        except ValueError:
            pass
    return figures


def status_of(figures, cap_kb):
    if figures["signal"] is not None:
        return "CRASH (signal %d)%s" % (figures["signal"], ", out of memory" if figures["out_of_memory"] else "")
    if figures["timed_out"]:
        return "HANG (timeout)"
    if figures["out_of_memory"]:
        return "OUT OF MEMORY (exit %s)" % figures["exit"]
    if figures["exit"] not in OK_EXITS:
        return "FAILED (exit %s)" % figures["exit"]
    if figures["rss_kb"] and figures["rss_kb"] > cap_kb:
        return "OVER THE CAP"
    return "ok" if figures["exit"] != 3 else "ok (exit 3)"


def report_counts(figures):
    """(flows, findings, failed translation units, findings by rule) from the JSON report."""
    report = figures["report"]
    if not report:
        return None, None, None, {}
    summary = report.get("summary", {})
    flows = summary.get("flows", len(report.get("flows", [])))
    findings = report.get("findings", [])
    by_rule = {}
    for finding in findings:
        by_rule[finding.get("rule")] = by_rule.get(finding.get("rule"), 0) + 1
    return flows, len(findings), len(report.get("failures", [])), by_rule


def fmt(value, pattern="%s"):
    return "-" if value is None else pattern % value


def mb(kb):
    return None if kb is None else kb / 1024.0


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def measure(args, codebases):
    rows = []
    for name, database, root in codebases:
        cache_dir = os.path.join(args.out, "cache", name)
        shutil.rmtree(cache_dir, ignore_errors=True)
        print("%s: cold run (load average %s)" % (name, load_average()), file=sys.stderr, flush=True)
        cold = run_flowshape(args, database, root, cache_dir, name + ".cold", args.out)
        cold_status = status_of(cold, args.mem_gb << 20)
        if cold_status.startswith("ok") or args.always_warm:
            print("%s: cold %s; warm run" % (name, cold_status), file=sys.stderr, flush=True)
            warm = run_flowshape(args, database, root, cache_dir, name + ".warm", args.out)
        else:
            # The warm run would repeat the link that just failed: not worth the CPU.
            print("%s: cold %s; warm run skipped" % (name, cold_status), file=sys.stderr, flush=True)
            warm = None
        rows.append((name, cold, warm, count_functions(cache_dir)))
    print("%-14s %5s %6s %6s %6s %5s | %9s %9s %9s | %9s %9s %9s %7s | %s" % (
        "codebase", "TUs", "funcs", "flows", "finds", "fail", "cold wall", "cold CPU", "cold RSS",
        "warm wall", "warm CPU", "warm RSS", "w/c", "status (cold; warm)"))
    for name, cold, warm, functions in rows:
        flows, findings, failed, _ = report_counts(cold if cold["report"] or not warm else warm)
        if warm is None:
            warm = {"wall": None, "cpu": None, "rss_kb": None, "skipped": True}
        ratio = warm["wall"] / cold["wall"] if cold["wall"] and warm["wall"] is not None else None
        print("%-14s %5s %6s %6s %6s %5s | %8ss %8ss %7sMB | %8ss %8ss %7sMB %7s | %s; %s" % (
            name, fmt(cold["tus"]), fmt(functions), fmt(flows), fmt(findings), fmt(failed),
            fmt(cold["wall"], "%.1f"), fmt(cold["cpu"], "%.1f"), fmt(mb(cold["rss_kb"]), "%.0f"),
            fmt(warm["wall"], "%.1f"), fmt(warm["cpu"], "%.1f"), fmt(mb(warm["rss_kb"]), "%.0f"),
            fmt(ratio, "%.3fx"), status_of(cold, args.mem_gb << 20),
            "skipped" if warm.get("skipped") else status_of(warm, args.mem_gb << 20)))
    print("warm = every translation unit from the cache, so warm RSS is the peak of the link alone; "
          "cap %d GB (prlimit --as), timeout %d s, --jobs %d" % (args.mem_gb, args.timeout, args.jobs))
    return 0


def smoke(args, codebases):
    failed_checks = 0
    rows = []
    for name, database, root in codebases:
        if args.cache_root:
            cache_dir = os.path.join(os.path.abspath(args.cache_root), name)
        else:
            cache_dir = os.path.join(args.out, "cache", name)
            shutil.rmtree(cache_dir, ignore_errors=True)
        print("%s: run (load average %s)" % (name, load_average()), file=sys.stderr, flush=True)
        run = run_flowshape(args, database, root, cache_dir, name + ".smoke", args.out)
        status = status_of(run, args.mem_gb << 20)
        if not status.startswith("ok"):
            failed_checks += 1
        rows.append((name, run, status))
    print("%-14s %5s %5s %6s %6s %9s %8s %8s %9s | %s" % (
        "codebase", "TUs", "fail", "flows", "finds", "per 1k fl", "wall", "CPU", "peak RSS", "status"))
    for name, run, status in rows:
        flows, findings, failed, by_rule = report_counts(run)
        per_thousand = 1000.0 * findings / flows if flows else None
        print("%-14s %5s %5s %6s %6s %9s %7ss %7ss %7sMB | %s" % (
            name, fmt(run["tus"]), fmt(failed), fmt(flows), fmt(findings), fmt(per_thousand, "%.1f"),
            fmt(run["wall"], "%.1f"), fmt(run["cpu"], "%.1f"), fmt(mb(run["rss_kb"]), "%.0f"), status))
        if by_rule:
            print("%-14s   findings: %s" % ("", ", ".join("%s %d" % item for item in sorted(by_rule.items()))))
    print("checks: no signal, no timeout (%d s), peak RSS under the cap (%d GB, prlimit --as), exit 0/1/3; "
          "--jobs %d; logs in %s" % (args.timeout, args.mem_gb, args.jobs, args.out))
    return 1 if failed_checks else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["measure", "smoke"])
    parser.add_argument("databases", nargs="+", metavar="DATABASE")
    parser.add_argument("--flowshape", required=True, help="the flowshape binary")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mem-gb", type=int, default=8, help="address-space cap of each run (default 8)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per run (default 900)")
    parser.add_argument("--out", default="/tmp/flowshape-realcode", help="reports, logs and caches")
    parser.add_argument("--root", help="project root for every database (default: parent of its folder)")
    parser.add_argument("--always-warm", action="store_true",
                        help="measure: run warm even when the cold run failed (by default skipped: same link)")
    parser.add_argument("--cache-root", help="smoke: keep each codebase's cache in DIR/<name> (reused)")
    args = parser.parse_args()
    args.flowshape = os.path.abspath(args.flowshape)
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    codebases = []
    for path in args.databases:
        database = database_file(path)
        if not os.path.isfile(database):
            sys.exit("%s: no compile_commands.json" % path)
        root = os.path.abspath(args.root) if args.root else os.path.dirname(os.path.dirname(database))
        codebases.append((codebase_name(database), database, root))
    return measure(args, codebases) if args.mode == "measure" else smoke(args, codebases)


if __name__ == "__main__":
    sys.exit(main())
