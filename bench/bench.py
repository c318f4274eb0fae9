#!/usr/bin/env python3
"""The benchmark's driver (`bench/run` builds and calls it).

For each database it starts the release build as it runs in production,
seeds it (`seed_bench`), measures every scenario with wrk, and reads the
server's CPU time from /proc before and after each one. Figures on these
machines drift by 2x from day to day, so each run also measures ceilings in
the same run (a page that touches no database; on Postgres, one bare
tenant-scoped query from pgbench, as many clients) and gives each scenario
as a share of them, with the server's CPU time per request, which noise
moves far less than latency.

Writes the tables between the bench markers of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = os.environ
BIN = Path(ENV["BENCH_BIN"])
DURATION = int(ENV.get("DURATION", "20s").rstrip("s"))
CONNECTIONS = int(ENV.get("CONNECTIONS", "32"))
PORT = int(ENV.get("BENCH_PORT", "5199"))
BASE = f"http://127.0.0.1:{PORT}"
ROOT_URL = ENV.get("TEST_POSTGRES_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-password-not-secret"
TICKS = os.sysconf("SC_CLK_TCK")

# The targets: p99 in ms, requests/s, server CPU ms per request.
API_TARGET = (25, 2000, 0.5)
PAGE_TARGET = (50, 1000, 1.5)
CREATE_TARGET = (25, 1000, 1.0)


@dataclass
class Backend:
    name: str
    big: int
    workspaces: int
    import_rows: int
    sizes: list[int]
    env: dict[str, str] = field(default_factory=dict)
    owner_url: str = ""


@dataclass
class Row:
    name: str
    p50: float
    p99: float
    rps: float
    requests: int
    errors: int
    cpu_ms: float | None
    target: tuple[float, float, float] | None = None
    # The database server's CPU per request (Postgres's processes), where
    # it runs on this machine.
    db_cpu_ms: float | None = None


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime are the 14th and 15th fields; the split starts at the 3rd.
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_cpu_seconds() -> float:
    """CPU time of every Postgres process here (the pool's connections
    live for the whole scenario, so their time is all counted)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text.split("(", 1)[1].rsplit(")", 1)
        if name == "postgres":
            fields = rest.split()
            total += int(fields[11]) + int(fields[12])
    return total / TICKS


def rss_mb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024
    return 0


def ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group())
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60000)):
        if text.endswith(unit):
            return value * factor
    return value


class Server:
    def __init__(self, backend: Backend, work: Path):
        self.backend = backend
        self.log = open(work / f"server-{backend.name}.log", "w")
        env = {**ENV, **backend.env}
        self.proc = subprocess.Popen([str(BIN), "start"], env=env, stdout=self.log, stderr=self.log)
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{BASE}/_readiness", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"bench: the server did not start (see {self.log.name})")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Client:
    """A signed-in member: a bearer token for the API, a cookie for pages."""

    def __init__(self):
        body = b'{"email":"bench@example.com","password":"%s"}' % PASSWORD.encode()
        request = urllib.request.Request(
            f"{BASE}/api/auth/login", body, {"Content-Type": "application/json"}
        )
        self.token = re.search(r'"token":"([^"]+)"', urllib.request.urlopen(request).read().decode()).group(1)
        self.jar = http.cookiejar.CookieJar()
        self.web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        token = self.csrf("/login")
        self.post("/login", {"email": "bench@example.com", "password": PASSWORD, "_csrf": token})
        self.cookie = "; ".join(f"{c.name}={c.value}" for c in self.jar if c.name == "se_session")
        if not self.cookie:
            raise SystemExit("bench: no session cookie")

    def get(self, path: str) -> str:
        return self.web.open(f"{BASE}{path}").read().decode()

    def csrf(self, path: str) -> str:
        return re.search(r'X-CSRF-Token": "([0-9a-f]+)', self.get(path)).group(1)

    def post(self, path: str, fields: dict[str, str]) -> str:
        data = urllib.parse.urlencode(fields).encode()
        return self.web.open(f"{BASE}{path}", data).read().decode()


def wrk(name: str, server: Server, url: str, *args: str, seconds: int = DURATION, script_args: list[str] | None = None, target=None) -> Row:
    before, db_before = cpu_seconds(server.pid), postgres_cpu_seconds()
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *args, url]
    if script_args:
        command += ["--", *script_args]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(server.pid) - before
    db_cpu = postgres_cpu_seconds() - db_before
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    row = Row(
        name,
        ms(latency["50"]),
        ms(latency["99"]),
        float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        requests,
        (int(errors.group(1)) if errors else 0) + (sum(map(int, failed.groups())) if failed else 0),
        cpu * 1000 / requests if requests else None,
        target,
        db_cpu * 1000 / requests if requests and server.backend.owner_url else None,
    )
    cpu = f"{row.cpu_ms:.3f} ms" if row.cpu_ms is not None else "no"
    log(f"{name}: p50 {row.p50:.2f} ms, p99 {row.p99:.2f} ms, {row.rps:.0f}/s, {cpu} CPU, {row.errors} errors")
    return row


def pgbench(name: str, url: str, workspace_id: int, work: Path) -> Row:
    """One bare tenant-scoped query, as the app's request would scope it."""
    script = work / "tenant.sql"
    script.write_text(
        "BEGIN;\n"
        f"SELECT set_config('app.workspace_id', '{workspace_id}', true);\n"
        f"SELECT id FROM expenses WHERE workspace_id = {workspace_id} AND deleted_at IS NULL ORDER BY spent_on DESC LIMIT 1;\n"
        "COMMIT;\n"
    )
    out = subprocess.run(
        ["pgbench", "-n", "-M", "prepared", f"-c{CONNECTIONS}", "-j2", f"-T{DURATION}", "-f", str(script), url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    mean = float(re.search(r"latency average = ([\d.]+) ms", out).group(1))
    count = int(re.search(r"number of transactions actually processed: (\d+)", out).group(1))
    log(f"{name}: {rps:.0f}/s, mean {mean:.2f} ms")
    return Row(name, mean, float("nan"), rps, count, 0, None)


def slow_clients(server: Server, ws: str, client: Client, api: list[str], page: list[str]) -> list[Row]:
    """SLOW_CLIENTS connections each start a write and send its body a byte
    every few seconds while the budgets page and the create run again: a
    request's transaction opens only once its body is in, so they should
    cost the others nothing but sockets and a little memory."""
    count = int(ENV.get("SLOW_CLIENTS", "100"))
    slow = subprocess.Popen(
        [sys.executable, str(ROOT / "bench/slow_clients.py"), BASE, f"/api/v1/workspaces/{ws}/expenses",
         client.token, str(count), str(DURATION * 2 + 15)],
        stdout=subprocess.PIPE, text=True,
    )
    time.sleep(5)
    rows = [
        wrk(f"budgets page, {count} slow clients open", server, f"{BASE}/w/{ws}/budgets", *page, target=PAGE_TARGET),
        wrk(f"create expense (API), {count} slow clients open", server, f"{BASE}/api/v1/workspaces/{ws}/expenses", *api,
            "-s", str(ROOT / "bench/create.lua"), target=CREATE_TARGET),
    ]
    rss = rss_mb(server.pid, "VmRSS")
    outcome = slow.communicate(timeout=DURATION * 2 + 60)[0].strip().removeprefix("slow clients: ")
    log(f"server RSS with {count} slow clients open: {rss} MB; {outcome}")
    rows[-1].name += f" (RSS then {rss} MB; {outcome})"
    return rows


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", url, "-Atqc", sql], capture_output=True, text=True, check=True).stdout.strip()


def seed(backend: Backend, work: Path) -> tuple[dict[int, tuple[str, str]], str, str]:
    log(f"{backend.name}: seeding {backend.workspaces} workspaces x 100 expenses, sizes {backend.sizes}, {backend.big} in the measured one")
    started = time.time()
    out = subprocess.run(
        [str(BIN), "task", "seed_bench", f"workspaces:{backend.workspaces}", "expenses:100",
         f"big:{backend.big}", "sizes:" + ",".join(map(str, backend.sizes))],
        env={**ENV, **backend.env}, capture_output=True, text=True, check=True,
    ).stdout
    log(f"{backend.name}: seeded in {time.time() - started:.0f} s")
    # Fresh statistics (and the trigram index's pending entries merged), as
    # autovacuum keeps them on a running instance.
    if backend.owner_url:
        psql(backend.owner_url, "VACUUM ANALYZE")
    else:
        import sqlite3

        with sqlite3.connect(backend.env["DATABASE_URL"].removeprefix("sqlite://").split("?")[0]) as db:
            db.execute("ANALYZE")
    sized = {int(m[0]): (m[1], m[2]) for m in re.findall(r"^sized_workspace=(\d+) (\S+) (\S*)", out, re.M)}
    measured = re.search(r"measured_workspace=(\S+) category=(\S*)", out)
    return sized, measured.group(1), measured.group(2)


def import_csv(client: Client, ws: str, rows: int, work: Path) -> tuple[float, float, str]:
    csv = work / "import.csv"
    import random

    rng = random.Random(7)
    cats = ["Groceries", "Transport", "Dining out", "Health", "Shopping"]
    with csv.open("w") as out:
        out.write("date,amount,description,category\n")
        for i in range(1, rows + 1):
            out.write(f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},{rng.randint(1, 90)}.{rng.randint(0, 99):02d},Imported row {i},{cats[i % 5]}\n")
    token = client.csrf(f"/w/{ws}/imports")
    jar = work / "import-cookies"
    jar.write_text("")
    cookie = ["-H", f"Cookie: {client.cookie}"]
    started = time.time()
    location = subprocess.run(
        ["curl", "-fs", "-o", "/dev/null", "-w", "%{redirect_url}", *cookie, "-F", "encoding=utf8",
         "-F", f"file=@{csv};type=text/csv", f"{BASE}/w/{ws}/imports?_csrf={token}"],
        capture_output=True, text=True, check=True,
    ).stdout
    uploaded = time.time()
    subprocess.run(
        ["curl", "-fs", "-o", "/dev/null", *cookie, f"{location}/start", "--data-urlencode", f"_csrf={token}",
         "-d", "date_column=date", "-d", "amount_column=amount", "-d", "description_column=description",
         "-d", "category_column=category", "-d", "date_format=ymd", "-d", "decimal=point", "-d", "sign=positive"],
        check=True,
    )
    path = urllib.parse.urlparse(location).path
    while True:
        page = client.get(path)
        if "expenses imported" in page or "import failed" in page:
            break
        time.sleep(0.2)
    done = time.time()
    imported = re.search(r"<strong>(\d+)</strong> expenses imported", page)
    return uploaded - started, done - uploaded, (f"{imported.group(1)} expenses imported" if imported else "import failed")


def run_backend(backend: Backend, work: Path) -> dict:
    server = Server(backend, work)
    idle_mb = rss_mb(server.pid, "VmRSS")
    try:
        sized, ws, category = seed(backend, work)
        client = Client()
        api = ["-H", f"Authorization: Bearer {client.token}"]
        page = ["-H", f"Cookie: {client.cookie}"]
        list_api = f"{BASE}/api/v1/workspaces/{ws}/expenses?limit=50"
        rows: list[Row] = []
        ceilings: list[Row] = [wrk("a page with no database work (GET /login)", server, f"{BASE}/login")]
        if backend.name == "Postgres":
            workspace_id = int(psql(backend.owner_url, f"SELECT id FROM workspaces WHERE pid = '{ws}'"))
            ceilings.append(pgbench("one bare tenant-scoped query (pgbench, no app)", backend.env["DATABASE_URL"], workspace_id, work))
        rows.append(wrk("list API, no filter", server, list_api, *api, target=API_TARGET))
        rows.append(wrk("list API, category filter", server, f"{list_api}&category={category}", *api, target=API_TARGET))
        rows.append(wrk("list API, text search", server, f"{list_api}&q=bakery", *api, target=API_TARGET))
        rows.append(wrk("list API, a new date range each request", server, list_api, *api, "-s", str(ROOT / "bench/list_range.lua"),
                        script_args=[f"/api/v1/workspaces/{ws}/expenses?limit=50"], target=API_TARGET))
        rows.append(wrk("list page", server, f"{BASE}/w/{ws}/expenses", *page, target=PAGE_TARGET))
        rows.append(wrk("dashboard page", server, f"{BASE}/w/{ws}", *page, target=PAGE_TARGET))
        rows.append(wrk("budgets page", server, f"{BASE}/w/{ws}/budgets", *page, target=PAGE_TARGET))
        rows.append(wrk("balances page", server, f"{BASE}/w/{ws}/balances", *page, target=PAGE_TARGET))
        loaded_mb = rss_mb(server.pid, "VmHWM")
        rows.append(wrk("create expense (API)", server, f"{BASE}/api/v1/workspaces/{ws}/expenses", *api,
                        "-s", str(ROOT / "bench/create.lua"), target=CREATE_TARGET))
        form_token = client.csrf(f"/w/{ws}/expenses/new")
        rows.append(wrk("create expense (form)", server, f"{BASE}/w/{ws}/expenses", *page, "-s", str(ROOT / "bench/create_form.lua"),
                        script_args=[f"/w/{ws}/expenses?_csrf={form_token}"], target=CREATE_TARGET))
        loaded_mb = max(loaded_mb, rss_mb(server.pid, "VmHWM"))
        rows += slow_clients(server, ws, client, api, page)

        growth: dict[str, dict[int, Row]] = {}
        short = max(DURATION // 2, 3)
        for size, (sized_ws, _) in sorted(sized.items()) + [(backend.big, (ws, category))]:
            sized_api = f"/api/v1/workspaces/{sized_ws}/expenses?limit=50"
            for name, args in (
                ("list API, no filter", (f"{BASE}{sized_api}", *api)),
                ("list API, a new date range each request", (f"{BASE}{sized_api}", *api, "-s", str(ROOT / "bench/list_range.lua"))),
                ("dashboard page", (f"{BASE}/w/{sized_ws}", *page)),
                ("create expense (API)", (f"{BASE}/api/v1/workspaces/{sized_ws}/expenses", *api, "-s", str(ROOT / "bench/create.lua"))),
            ):
                script_args = [sized_api] if "date range" in name else None
                growth.setdefault(name, {})[size] = wrk(f"{name} at {size}", server, args[0], *args[1:], seconds=short, script_args=script_args)

        upload, imported_in, outcome = import_csv(client, ws, backend.import_rows, work)
        log(f"import of {backend.import_rows} rows: upload {upload:.2f} s, import {imported_in:.2f} s, {outcome}")
        return {
            "backend": backend,
            "ceilings": ceilings,
            "rows": rows,
            "growth": growth,
            "import": (upload, imported_in, outcome),
            "memory": (idle_mb, loaded_mb, rss_mb(server.pid, "VmHWM")),
        }
    finally:
        server.stop()


def verdict(row: Row) -> str:
    if row.target is None:
        return ""
    p99, rps, cpu = row.target
    missed = []
    if row.p99 >= p99:
        missed.append(f"p99 over {p99} ms")
    if row.rps <= rps:
        missed.append(f"under {rps}/s")
    if row.cpu_ms is None or row.cpu_ms >= cpu:
        missed.append(f"CPU over {cpu} ms")
    if row.errors:
        missed.append(f"{row.errors} errors")
    return "met" if not missed else "missed: " + ", ".join(missed)


def table(result: dict) -> str:
    backend: Backend = result["backend"]
    ceilings: list[Row] = result["ceilings"]
    ceiling = ceilings[-1]
    lines = [
        f"#### {backend.name}, {backend.big:,} expenses in the measured workspace",
        "",
        f"Ceilings in this run: {', '.join(f'{c.name}: {c.rps:,.0f}/s' + (f', {c.cpu_ms:.3f} ms CPU per request' if c.cpu_ms else '') for c in ceilings)}. "
        f"The share is each scenario's rate against the last of them.",
        "",
        "| scenario | p50 | p99 | requests/s | share of ceiling | server CPU per request | Postgres CPU per request | errors | target |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row.name} | {row.p50:.2f} ms | {row.p99:.2f} ms | {row.rps:,.0f} | {row.rps / ceiling.rps:.1%} | "
            f"{row.cpu_ms:.3f} ms | {f'{row.db_cpu_ms:.3f} ms' if row.db_cpu_ms is not None else ''} | {row.errors} | {verdict(row)} |"
        )
    upload, imported_in, outcome = result["import"]
    lines.append(f"| CSV import, {backend.import_rows:,} rows | upload {upload:.2f} s | import {imported_in:.2f} s | | | | | | {outcome}; target < 3 s |")
    idle, loaded, peak = result["memory"]
    lines.append(f"| server memory | idle {idle} MB | peak under load {loaded} MB | | | | | | peak with the import {peak} MB; target < 40 MB idle, < 150 MB under load |")
    lines += ["", f"Growth with the workspace's size ({max(DURATION // 2, 3)} s each; server CPU per request, then p99; "
              "the largest workspace has a few thousand more expenses by then, from the create scenarios):", ""]
    sizes = sorted(next(iter(result["growth"].values())).keys())
    lines.append("| scenario | " + " | ".join(f"{s:,} expenses" for s in sizes) + f" | {sizes[-1]:,} against {sizes[0]:,} |")
    lines.append("|---|" + "---|" * (len(sizes) + 1))
    for name, by_size in result["growth"].items():
        cells = [f"{by_size[s].cpu_ms:.3f} ms, {by_size[s].p99:.1f} ms" for s in sizes]
        first, last = by_size[sizes[0]].cpu_ms, by_size[sizes[-1]].cpu_ms
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {last / first:.2f}x CPU |")
    return "\n".join(lines)


def main() -> None:
    only = sys.argv[1] if len(sys.argv) > 1 else "both"
    work = Path(tempfile.mkdtemp(prefix="smartexpense-bench-"))
    try:
        run_all(only, work)
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


def run_all(only: str, work: Path) -> None:
    common = {
        "LOCO_ENV": "production",
        "SECRET_KEY": "YmVuY2gtb25seS1zZWNyZXQta2V5LW5vdC11c2VkLWFueXdoZXJlLWVsc2U=",
        "BASE_URL": BASE, "MAIL_FROM": "Bench <bench@localhost>", "SMTP_HOST": "127.0.0.1", "SMTP_TLS": "none",
        "LOG_LEVEL": "error", "PORT": str(PORT), "BINDING": "127.0.0.1", "DB_MAX_CONNECTIONS": "20",
        "JOBS_IN_WEB_PROCESS": "true", "STORAGE_DRIVER": "disk", "STORAGE_FOLDER": str(work / "files"),
    }
    results = []
    if only in ("both", "postgres"):
        db = "smartexpense_bench"
        owner_url = ROOT_URL.rsplit("/", 1)[0] + "/" + db
        psql(ROOT_URL, f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        psql(ROOT_URL, f"CREATE DATABASE {db}")
        psql(ROOT_URL, "DO $$ BEGIN CREATE ROLE smartexpense_app LOGIN PASSWORD 'smartexpense_app' NOSUPERUSER NOBYPASSRLS; "
                       "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        pg = Backend("Postgres", int(ENV.get("BIG", "100000")), int(ENV.get("WORKSPACES", "1000")),
                     int(ENV.get("IMPORT_ROWS", "100000")), [1000, 10000], owner_url=owner_url)
        pg.env = {**common, "DATABASE_URL": f"postgres://smartexpense_app:smartexpense_app@127.0.0.1:5432/{db}",
                  "DATABASE_OWNER_URL": owner_url}
        results.append(run_backend(pg, work))
    if only in ("both", "sqlite"):
        big = int(ENV.get("SQLITE_BIG", "10000"))
        lite = Backend("SQLite", big, int(ENV.get("SQLITE_WORKSPACES", "100")), int(ENV.get("SQLITE_IMPORT_ROWS", "10000")),
                       [s for s in (1000,) if s < big])
        lite.env = {**common, "DATABASE_URL": f"sqlite://{work}/bench.sqlite?mode=rwc"}
        results.append(run_backend(lite, work))

    machine = f"{os.cpu_count()} cores, " + subprocess.run(
        "awk '/MemTotal/ { printf \"%d GiB\", $2 / 1048576 }' /proc/meminfo; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2",
        shell=True, capture_output=True, text=True).stdout.replace("\n", ",").rstrip(",")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    if subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True).stdout.strip():
        commit += " with uncommitted changes"
    section = "\n\n".join(
        [f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} on {machine.strip()}; release build of {commit}; "
         f"{CONNECTIONS} connections, {DURATION} s per scenario (wrk -t2); Postgres {psql(ROOT_URL, 'show server_version')} "
         "with row-level security (the app's own non-owner role)."]
        + [table(r) for r in results]
    )
    print(section)
    doc = ROOT / "docs/PERFORMANCE.md"
    text = doc.read_text()
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text and end in text and only == "both":
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        doc.write_text(f"{before}{start}\n{section}\n{end}{after}")
        log("figures written to docs/PERFORMANCE.md")


if __name__ == "__main__":
    main()
