#!/usr/bin/env python3
"""Save-to-reload latency of `beyan serve` (issue 14), measured as a reader's page sees it.

Copies a workspace's sources into a temporary folder, starts `beyan serve --port 0` on the copy,
opens the Server-Sent Events stream the preview pages listen to, then saves a release's `.ftl`
(a new headline each time) and times the moment the save returned to the moment the `reload`
event arrived. Prints one JSON object: the figures in milliseconds and the median.

Usage: serve_latency.py BEYAN WORKSPACE LOCALE SLUG [RUNS]
"""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SOURCES = ["beyan.toml", "beyan.lock", "glossary.toml", "releases", "locales", "templates", "assets"]


def copy_sources(workspace, into):
    for name in SOURCES:
        src = os.path.join(workspace, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(into, name))
        elif os.path.isfile(src):
            shutil.copy2(src, os.path.join(into, name))


def main():
    beyan, workspace, locale, slug = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    with tempfile.TemporaryDirectory(prefix="beyan-serve-bench-") as tmp:
        copy_sources(workspace, tmp)
        server = subprocess.Popen(
            [beyan, "--workspace", tmp, "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            # What serve reports (its own timing of each update) goes to BEYAN_SERVE_LOG.
            stderr=open(os.environ["BEYAN_SERVE_LOG"], "w") if "BEYAN_SERVE_LOG" in os.environ else subprocess.DEVNULL,
            text=True,
        )
        try:
            line = server.stdout.readline()
            address = line.split("http://", 1)[1].split("/", 1)[0]
            host, port = address.rsplit(":", 1)
            events = socket.create_connection((host, int(port)), timeout=60)
            events.sendall(b"GET /_beyan/events HTTP/1.1\r\nHost: x\r\n\r\n")
            stream = events.makefile("rb")
            while not stream.readline().startswith(b": connected"):
                pass
            path = os.path.join(tmp, "locales", locale, "releases", slug + ".ftl")
            with open(path, encoding="utf-8") as f:
                original = f.read()
            headline = next(l for l in original.splitlines() if l.startswith("headline = "))
            figures = []
            for run in range(runs + 1):
                text = original.replace(headline, f"headline = Benchmark headline {run}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                saved = time.perf_counter()
                while stream.readline().strip() != b"event: reload":
                    pass
                took = (time.perf_counter() - saved) * 1000
                if run > 0:  # the first is a warm-up
                    figures.append(took)
                # Saves far enough apart that the debouncer sees each on its own.
                time.sleep(0.3)
            print(
                json.dumps(
                    {
                        "runs": len(figures),
                        "median_ms": statistics.median(figures),
                        "min_ms": min(figures),
                        "max_ms": max(figures),
                        "figures_ms": [round(f, 1) for f in figures],
                    }
                )
            )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
