#!/usr/bin/env python3
"""Growth series (a benchmark, not a test): how the link's time and memory
grow with the number of translation units, on synthetic code with deep call
chains (bench/generate.py --chain-depth, --includes light).

For each size: generate, cold run (fills an empty cache), warm run (every
translation unit from the cache, so the run is the link, rules and report).
Prints the warm (link) time and the peak RSS of each run, per translation
unit, and the ratio of the per-TU memory of the largest size to that of the
smallest. Every run is under a memory cap and a timeout (bench/realcode.py).
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realcode  # noqa: E402 (the runner shared with bench/realcode.sh)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flowshape", required=True)
    parser.add_argument("--sizes", default="250,500,1000,2000", help="translation units, comma-separated")
    parser.add_argument("--depth", type=int, default=12, help="layers of wrappers per service (default 12)")
    parser.add_argument("--includes", choices=["light", "full"], default="light")
    parser.add_argument("--tus-per-service", type=int, default=25,
                        help="services = TUs / this, so each service has the same shape at every size")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mem-gb", type=int, default=8)
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("--out", default="/tmp/flowshape-growth")
    parser.add_argument("--generate-only", action="store_true", help="write the databases, run nothing")
    args = parser.parse_args()
    args.flowshape = os.path.abspath(args.flowshape)
    args.out = os.path.abspath(args.out)
    bench = os.path.dirname(os.path.abspath(__file__))
    grpc_gen = os.path.join(bench, "..", "testdata", "include", "grpc-gen")

    rows = []
    for tus in [int(size) for size in args.sizes.split(",")]:
        project = os.path.join(args.out, "tus%d" % tus)
        subprocess.run([sys.executable, os.path.join(bench, "generate.py"), "--out", project, "--tus", str(tus),
                        "--services", str(max(1, tus // args.tus_per_service)), "--grpc-gen", grpc_gen,
                        "--chain-depth", str(args.depth), "--includes", args.includes],
                       check=True, stdout=sys.stderr)
        if args.generate_only:
            continue
        database = os.path.join(project, "compile_commands.json")
        cache_dir = os.path.join(args.out, "cache", "tus%d" % tus)
        subprocess.run(["rm", "-rf", cache_dir], check=True)
        print("%d TUs: cold run (load average %s)" % (tus, realcode.load_average()), file=sys.stderr, flush=True)
        cold = realcode.run_flowshape(args, database, project, cache_dir, "tus%d.cold" % tus, args.out)
        cold_status = realcode.status_of(cold, args.mem_gb << 20)
        if cold_status.startswith("ok"):
            print("%d TUs: cold %s; warm run" % (tus, cold_status), file=sys.stderr, flush=True)
            warm = realcode.run_flowshape(args, database, project, cache_dir, "tus%d.warm" % tus, args.out)
        else:  # the warm run would repeat the link that just failed
            print("%d TUs: cold %s; warm run skipped" % (tus, cold_status), file=sys.stderr, flush=True)
            warm = None
        rows.append((tus, cold, warm, realcode.count_functions(cache_dir)))
    if args.generate_only:
        return 0

    print("%6s %6s %6s %6s | %9s %9s | %9s %9s %11s %11s | %s" % (
        "TUs", "funcs", "flows", "finds", "cold wall", "cold RSS", "link wall", "link RSS", "link ms/TU",
        "link KB/TU", "status (cold; warm)"))
    per_tu_memory = []
    for tus, cold, warm, functions in rows:
        flows, findings, _, _ = realcode.report_counts(warm if warm and warm["report"] else cold)
        warm_status = realcode.status_of(warm, args.mem_gb << 20) if warm else "skipped"
        if not warm:
            warm = {"wall": None, "rss_kb": None}
        finished = warm_status.startswith("ok")
        ms_per_tu = 1000.0 * warm["wall"] / tus if finished and warm["wall"] is not None else None
        kb_per_tu = warm["rss_kb"] / tus if finished and warm["rss_kb"] else None
        if kb_per_tu:
            per_tu_memory.append((tus, kb_per_tu))
        print("%6d %6s %6s %6s | %8ss %7sMB | %8ss %7sMB %11s %11s | %s; %s" % (
            tus, realcode.fmt(functions), realcode.fmt(flows), realcode.fmt(findings),
            realcode.fmt(cold["wall"], "%.1f"), realcode.fmt(realcode.mb(cold["rss_kb"]), "%.0f"),
            realcode.fmt(warm["wall"], "%.1f"), realcode.fmt(realcode.mb(warm["rss_kb"]), "%.0f"),
            realcode.fmt(ms_per_tu, "%.1f"), realcode.fmt(kb_per_tu, "%.0f"),
            realcode.status_of(cold, args.mem_gb << 20), warm_status))
    if len(per_tu_memory) >= 2:
        (small, small_kb), (large, large_kb) = per_tu_memory[0], per_tu_memory[-1]
        print("link memory per TU at %d / at %d: %.2fx  [target <= 1.5x from 250 to 2,000]" % (
            large, small, large_kb / small_kb))
    print("depth %d, %s includes, %d TUs per service; cap %d GB, timeout %d s, --jobs %d" % (
        args.depth, args.includes, args.tus_per_service, args.mem_gb, args.timeout, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
