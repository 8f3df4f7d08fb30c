#!/usr/bin/env bash
# The background jobs' benchmark on the code as it ships: published ReadyToRun, as the web app is
# (src/Dealership.Web: PublishReadyToRun). `dotnet run` runs the same benchmark on code compiled from IL at first
# call, which adds seconds to each job's first run that a deployed process never pays (the watchdog's first run:
# 4.5 s as published, 5.5 s from `dotnet run`; session 15).
#
#   tests/Dealership.Benchmarks/jobs.sh                   # parts, watchdog, dispatch, analytics
#   tests/Dealership.Benchmarks/jobs.sh watchdog          # any of them, and the benchmark's other options
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${BENCH_PUBLISH_DIR:-/tmp/dealership-bench-jobs}"
dotnet publish "$root/tests/Dealership.Benchmarks" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" --nologo -v quiet >/dev/null
# The benchmark hosts the web app in process; published outside the repository, it is told where the app's content
# is, and looks for the repository from the working directory.
export ASPNETCORE_TEST_CONTENTROOT_DEALERSHIP_WEB="$root/src/Dealership.Web"
cd "$root"
exec dotnet "$out/Dealership.Benchmarks.dll" jobs "$@"
