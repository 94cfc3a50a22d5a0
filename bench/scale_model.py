#!/usr/bin/env python3
"""Sizing model of bench/SCALE.md (issue 16): a primary, read replicas and N stateless API nodes behind a CDN.

It takes service times measured on this machine (bench/RESULTS.md, bench/VERSIONED.md; the defaults below, each
overridable on the command line as name=value) and a stated workload, and computes for every tier its load, the
utilisation of its CPUs and the queueing delay at the 99th percentile with an M/M/c model (Erlang C). The model is
deliberately simple: Poisson arrivals, exponential service times, one queue per tier. It says whether a layout has
head room and where the first bottleneck is, not how fast a request will be to the millisecond.

    python3 bench/scale_model.py                      # the layout of SCALE.md
    python3 bench/scale_model.py rps=3000 nodes=4     # what changes at three times the traffic
"""
import math
import sys

DEFAULTS = {
    # Workload (stated in SCALE.md)
    "rps": 1000.0,             # requests per second at the CDN
    "cdn_hit": 0.80,           # share answered by the CDN (max-age 300, ETag revalidation counts as a miss here)
    "share_small": 0.73,       # small queries, charts, widgets, portal pages (mostly repeats)
    "share_selective": 0.25,   # selective queries of one to a few series, each a different query
    "share_export": 0.02,      # CSV/XLSX/JSON-stat of a large slice (~100k cells; full files are bulk downloads)
    "node_cache_hit": 0.60,    # of the small queries reaching a node, answered from its response cache
    # Service times, CPU seconds per request (measured here; see SCALE.md for where each comes from)
    "node_cached_s": 1 / 24000,    # a cached answer on one core (about half of 2 cores' req/s, wrk sharing the CPUs)
    "node_uncached_s": 0.0012,     # node CPU of an uncached selective query (parse, encode, gzip; DB time apart)
    "node_export_s": 0.20,         # node CPU of a 100k-cell export (the 1.1M-row CSV took 2.2 s end to end)
    "db_selective_s": 0.0007,      # database time of a selective query (pgbench, 2 statements, 1 client)
    "db_export_s": 0.15,           # database time of a 100k-cell export (psql \\copy of 1.1M rows: 1.5 s)
    # Layout
    "nodes": 2, "node_cores": 4,
    "replicas": 2, "replica_cores": 4,
    # Publishing on the primary
    "observations": 100e6, "revision_share": 0.01, "publish_s_per_changed_cell": 110e-6,
}


def erlang_c(c, a):
    """Probability that an arrival waits, c servers, offered load a (Erlang)."""
    if a >= c:
        return 1.0
    term, total = 1.0, 1.0
    for k in range(1, c):
        term *= a / k
        total += term
    term *= a / c
    last = term * c / (c - a)
    return last / (total + last)


def tier(name, rate, service_s, servers):
    a = rate * service_s
    rho = a / servers
    if rho >= 1:
        return f"{name:<34} {rate:9.1f}/s  {rho * 100:6.1f} %  SATURATED"
    pw = erlang_c(servers, a)
    mu = 1 / service_s
    # Waiting time is 0 with probability 1-pw, else exponential with rate c*mu - lambda.
    p99_wait = 0.0 if pw <= 0.01 else math.log(pw / 0.01) / (servers * mu - rate)
    return f"{name:<34} {rate:9.1f}/s  {rho * 100:6.1f} %  p99 queueing {p99_wait * 1000:7.2f} ms"


def main(argv):
    p = dict(DEFAULTS)
    for arg in argv:
        key, value = arg.split("=", 1)
        if key not in p:
            sys.exit(f"unknown setting {key}; known: {', '.join(p)}")
        p[key] = float(value)
    origin = p["rps"] * (1 - p["cdn_hit"])
    small, selective, export = (origin * p[k] for k in ("share_small", "share_selective", "share_export"))
    cached = small * p["node_cache_hit"]
    uncached_small = small - cached
    db_queries = uncached_small + selective
    node_cpu_per_s = cached * p["node_cached_s"] + db_queries * p["node_uncached_s"] + export * p["node_export_s"]
    node_cores = int(p["nodes"] * p["node_cores"])
    db_time_per_s = db_queries * p["db_selective_s"] + export * p["db_export_s"]
    replica_cores = int(p["replicas"] * p["replica_cores"])

    print(f"workload: {p['rps']:.0f} req/s at the CDN, {origin:.0f} req/s reach the nodes "
          f"({small:.0f} small, {selective:.0f} selective, {export:.0f} exports per second)")
    print(f"{'tier':<34} {'load':>11}  {'busy':>7}")
    # One M/M/c per tier with the tier's mean service time: a coarse but honest picture of head room.
    node_mean = node_cpu_per_s / origin
    print(tier(f"API nodes ({node_cores} cores)", origin, node_mean, node_cores))
    db_rate = db_queries + export
    print(tier(f"read replicas ({replica_cores} cores)", db_rate, db_time_per_s / db_rate, replica_cores))
    print(tier("  one replica lost (failover)", db_rate, db_time_per_s / db_rate, int(p["replica_cores"])))
    changed = p["observations"] * p["revision_share"]
    publish_s = changed * p["publish_s_per_changed_cell"]
    print(f"monthly revision of {p['revision_share'] * 100:.0f} % of {p['observations'] / 1e6:.0f}M observations: "
          f"{changed / 1e6:.1f}M changed cells, ~{publish_s / 60:.1f} min of publishing on the primary in a month "
          f"(spread over the datasets' own releases)")
    print(f"storage: {p['observations'] / 1e6:.0f}M versions at ~110 B each (table + primary key, bench/VERSIONED.md): "
          f"{p['observations'] * 110 / 1e9:.1f} GB; +{changed * 110 / 1e9:.2f} GB per monthly revision")


if __name__ == "__main__":
    main(sys.argv[1:])
