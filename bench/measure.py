#!/usr/bin/env python3
"""Measures flowshape on a generated codebase (bench/generate.py) against
clang++ -fsyntax-only and clang-tidy over the same translation units and
flags. Prints one line per figure, with the ratio that the target is about.

Times are medians of --runs runs (wall clock). Peak memory is the maximum
resident set size of the process, as /usr/bin/time -v reports it.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time


def run(argv, cwd=None):
    """Runs argv; returns (wall seconds, CPU seconds, max RSS in KiB, exit status, stderr).
    CPU time is user + system of the process and the children it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode, stderr


class Figures:
    """Wall and CPU times per label, over interleaved runs."""

    def __init__(self):
        self.times = {}
        self.order = []

    def measure(self, label, argv, accept=(0, 1), cwd=None):
        wall, cpu, _, status, stderr = run(argv, cwd=cwd)
        if status not in accept:
            sys.exit("%s failed (exit %d): %s\n%s" % (label, status, " ".join(map(shlex.quote, argv)), stderr[-2000:]))
        if label not in self.times:
            self.times[label] = []
            self.order.append(label)
        self.times[label].append((wall, cpu))
        return stderr

    def wall(self, label):
        return statistics.median(t[0] for t in self.times[label])

    def cpu(self, label):
        return statistics.median(t[1] for t in self.times[label])

    def print(self):
        print("times (median; wall clock, then CPU user+system):")
        for label in self.order:
            runs = ", ".join("%.1f" % t[0] for t in self.times[label])
            print("  %-42s %8.2f s wall %8.2f s CPU  (wall of each run: %s)" % (label, self.wall(label),
                                                                                self.cpu(label), runs))


def syntax_only_argv(entry):
    """The database command turned into a syntax check."""
    argv = list(entry["arguments"])
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c":
            continue
        out.append(arg)
    out.insert(1, "-fsyntax-only")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", required=True, help="generated project (holds compile_commands.json)")
    parser.add_argument("--flowshape", required=True)
    parser.add_argument("--clang", default="clang++-19")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    project = os.path.abspath(args.project)
    with open(os.path.join(project, "compile_commands.json")) as f:
        database = json.load(f)
    files = [e["file"] for e in database]
    cache = os.path.join(project, "bench-cache")
    flowshape = [args.flowshape, "-p", project, "-q", "--cache-dir", cache, "--format", "json", "-o", os.devnull]

    def clear_cache(_):
        shutil.rmtree(cache, ignore_errors=True)

    print("flowshape benchmark: %d translation units, %d runs each, %d cores, load average %.1f at start" %
          (len(files), args.runs, os.cpu_count(), os.getloadavg()[0]), flush=True)

    # clang++ -fsyntax-only, one process per TU as a build would run it.
    script = os.path.join(project, "bench-syntax-only.sh")
    with open(script, "w") as f:
        f.write("set -e\n")
        for entry in database:
            f.write("cd %s && %s\n" % (shlex.quote(entry["directory"]),
                                       " ".join(map(shlex.quote, syntax_only_argv(entry)))))
    tidy = [args.clang_tidy, "-p", project, "-checks=-*,misc-unused-alias-decls", "--quiet"] + files

    # The cold comparisons are interleaved round by round, so that a change
    # in the machine's load affects them alike.
    figures = Figures()
    COLD, COLD2, SYNTAX, TIDY = ("flowshape cold (--jobs 1, empty cache)", "flowshape cold (--jobs 2, empty cache)",
                                 "clang++ -fsyntax-only (sequential)", "clang-tidy misc-unused-alias-decls")
    WARM, EDIT = "flowshape warm (nothing changed)", "flowshape after editing one file"
    for i in range(args.runs):
        clear_cache(i)
        figures.measure(COLD, flowshape + ["--jobs", "1"])
        figures.measure(SYNTAX, ["bash", script], accept=(0,))
        figures.measure(TIDY, tidy, accept=(0,))
        clear_cache(i)
        figures.measure(COLD2, flowshape + ["--jobs", "2"])
        print("  round %d of %d done" % (i + 1, args.runs), flush=True)

    stats = ""
    for i in range(args.runs):
        stats = figures.measure(WARM, flowshape + ["--jobs", "1", "--stats"])
    warm_stats = stats.strip()

    edited = next((f for f in files if "handler" in f), files[0])
    with open(edited) as f:
        original = f.read()
    try:
        for i in range(args.runs):
            with open(edited, "w") as f:
                f.write(original + "// edit %d at %f\n" % (i, time.time()))
            stats = figures.measure(EDIT, flowshape + ["--jobs", "1", "--stats"])
    finally:
        with open(edited, "w") as f:
            f.write(original)
    edit_stats = stats.strip()
    figures.print()
    print("    warm: " + warm_stats)
    print("    after editing %s: %s" % (os.path.relpath(edited, project), edit_stats), flush=True)

    # Peak memory on the largest translation unit (by preprocessed size).
    sizes = []
    for entry in database:
        argv = [a for a in syntax_only_argv(entry) if a != "-fsyntax-only"] + ["-E", "-o", "-"]
        out = subprocess.run(argv, cwd=entry["directory"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        sizes.append((len(out), entry))
    size, largest = max(sizes, key=lambda s: s[0])
    rss_flowshape = max(run([args.flowshape, "-p", project, "-q", "--no-cache", "--jobs", "1", "--format", "json",
                             "-o", os.devnull, largest["file"]])[2] for _ in range(args.runs))
    rss_clang = max(run(syntax_only_argv(largest), cwd=largest["directory"])[2] for _ in range(args.runs))
    print("peak memory on the largest TU (%s, %.1f MB preprocessed):" % (os.path.relpath(largest["file"], project),
                                                                         size / 1e6))
    print("  %-44s %8.0f MB" % ("flowshape", rss_flowshape / 1024))
    print("  %-44s %8.0f MB" % ("clang++ -fsyntax-only", rss_clang / 1024))

    cold, syntax, tidy_time = figures.wall(COLD), figures.wall(SYNTAX), figures.wall(TIDY)
    print("figures (target in brackets):")
    print("  cold / clang++ -fsyntax-only          %.2fx wall, %.2fx CPU  [<= 0.6x]" %
          (cold / syntax, figures.cpu(COLD) / figures.cpu(SYNTAX)))
    print("  cold / clang-tidy                     %.2fx wall, %.2fx CPU  [< 1x]" %
          (cold / tidy_time, figures.cpu(COLD) / figures.cpu(TIDY)))
    print("  warm: faster than cold                %.1fx  [>= 20x]" % (cold / figures.wall(WARM)))
    print("  one file edited: faster than cold     %.1fx" % (cold / figures.wall(EDIT)))
    print("  --jobs 2: faster than --jobs 1        %.2fx  [>= 1.7x on 2 cores]" % (cold / figures.wall(COLD2)))
    print("  peak memory / clang++ -fsyntax-only   %.2fx  [<= 0.8x]" % (rss_flowshape / rss_clang))

if __name__ == "__main__":
    main()
