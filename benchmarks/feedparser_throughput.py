#!/usr/bin/python3
"""Times Debian's python3-feedparser on the files bench_feedparser parses.

Reads every listed file into memory first, then times only feedparser.parse() over them (wall clock and processor time), pass
after pass until --min-seconds have gone by (at least one pass). Prints one JSON object.
"""
import argparse
import io
import json
import sys
import time

import feedparser


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", required=True, help="file naming one document per line")
    parser.add_argument("--min-seconds", type=float, default=3.0)
    args = parser.parse_args()

    with open(args.list, encoding="utf-8") as listing:
        paths = [line.rstrip("\n") for line in listing if line.strip()]
    documents = []
    for path in paths:
        with open(path, "rb") as document:
            documents.append(document.read())
    size = sum(len(d) for d in documents)

    feeds = 0
    crashes = 0
    passes = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        feeds = 0
        crashes = 0
        for data in documents:
            # A stream, so feedparser neither fetches nor opens anything: it parses the bytes.
            try:
                result = feedparser.parse(io.BytesIO(data))
            except Exception:  # a few corpus files make feedparser itself fail; time them too
                crashes += 1
                continue
            if result.get("version"):
                feeds += 1
        passes += 1
        elapsed = time.perf_counter() - start
        cpu_elapsed = time.process_time() - cpu_start
        if elapsed >= args.min_seconds:
            break

    json.dump({"version": feedparser.__version__, "files": len(documents), "bytes": size,
               "passes": passes, "seconds": elapsed, "cpu_seconds": cpu_elapsed, "feeds": feeds,
               "crashes": crashes}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
