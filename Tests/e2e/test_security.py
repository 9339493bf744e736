"""The security probe's attacks against a real server process: each one is sent, and the
process must still be running and answering afterwards. Stopping under load must be clean
and free the port at once; schemathesis must find no server error; the systemd unit that
the README tells operators to use must be valid.

Each test starts its own server (SQLite in a temporary folder, or a new PostgreSQL
database), so that a crash cannot hide behind the shared browser-test servers.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def status(url, method="GET", data=None, headers=None, timeout=10):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status
    except urllib.error.HTTPError as e:
        return e.code


class Server:
    """One `sharaka serve` process with its own database."""

    def __init__(self, binary, engine, pg_dsn):
        self.binary, self.engine = binary, engine
        self.dir = tempfile.mkdtemp(prefix="sharaka-sec-")
        self.env = dict(os.environ, SHARAKA_BCRYPT_COST="4", SHARAKA_OUTBOX_INTERVAL="3600",
                        SHARAKA_SQLITE_PATH=os.path.join(self.dir, "sec.sqlite"), SHARAKA_FILES_PATH=os.path.join(self.dir, "files"))
        if engine == "postgres":
            params = dict(p.split("=", 1) for p in pg_dsn.split())
            name = "sec_" + uuid.uuid4().hex[:12]
            subprocess.run(["psql", "-h", params["host"], "-p", params["port"], "-U", params["user"], "-d", params["dbname"],
                            "-qc", "CREATE DATABASE %s" % name], check=True, capture_output=True)
            self.env["DATABASE_URL"] = "postgres://%s@%s:%s/%s?tlsmode=disable" % (params["user"], params["host"], params["port"], name)
        self.port = free_port()
        self.proc = None
        self.logs = []

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self, timeout=120):
        log = open(os.path.join(self.dir, "server-%d.log" % len(self.logs)), "w")
        self.logs.append(log.name)
        self.proc = subprocess.Popen([self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.dir, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            assert self.proc.poll() is None, "server exited at start:\n" + self.log()
            try:
                if status(self.base + "/readyz", timeout=2) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("server did not start:\n" + self.log())

    def log(self):
        return open(self.logs[-1]).read() if self.logs else ""

    def crash(self):
        """The part of the log that says why the process stopped, for the failure message."""
        text = self.log()
        for marker in ("Fatal error", "Program crashed"):
            if marker in text:
                at = text.index(marker)
                return text[max(0, at - 500):at + 5000]
        return text[-3000:]

    def alive(self):
        return self.proc.poll() is None and status(self.base + "/healthz") == 200

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def command(self, *args):
        env = dict(self.env, SHARAKA_WORKERS="0")
        return subprocess.run([self.binary] + list(args), cwd=self.dir, env=env, check=True, capture_output=True, text=True).stdout


ENGINES = ["sqlite", "postgres"]


@pytest.fixture(params=ENGINES)
def server(request, pytestconfig):
    binary = pytestconfig.getoption("--sharaka-bin")
    dsn = pytestconfig.getoption("--pg-dsn")
    if not binary:
        pytest.skip("--sharaka-bin not given")
    if request.param == "postgres" and not dsn:
        pytest.skip("no PostgreSQL")
    s = Server(binary, request.param, dsn)
    s.start()
    yield s
    s.stop()
    shutil.rmtree(s.dir, ignore_errors=True)


def first_ids(base):
    import json
    processes = json.load(urllib.request.urlopen(base + "/api/v1/processes"))
    process = processes[0]["id"] if isinstance(processes, list) else processes["items"][0]["id"]
    page = json.load(urllib.request.urlopen(base + "/api/v1/processes/%s/proposals?sort=most_commented" % process))
    return process, page["items"][0]["id"]


def raw(port, data, read=True):
    """Sends bytes as they are (what no HTTP library would send) and returns the first answer bytes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        return s.recv(200) if read else b""
    except OSError:
        return b""
    finally:
        s.close()


def test_no_single_request_takes_the_server_down(server):
    base, port = server.base, server.port
    process, proposal = first_ids(base)
    answers = {
        # 1. pagination overflow
        "org page": status(base + "/api/v1/organisations?page=9223372036854775807"),
        "proposal page": status(base + "/api/v1/processes/%s/proposals?page=9223372036854775807" % process),
        "comment page": status(base + "/api/v1/proposals/%s/comments?page=4611686018427387904" % proposal),
        # 2. empty multipart boundary on a form route
        "empty boundary": status(base + "/fr/login", "POST", b"--\r\n", {"Content-Type": "multipart/form-data; boundary="}),
        "no boundary": status(base + "/fr/register", "POST", b"--\r\n", {"Content-Type": "multipart/form-data"}),
        # 10. NUL bytes
        "nul query": status(base + "/fr/organisations?q=%00"),
        "nul api": status(base + "/api/v1/organisations?q=%00"),
        "nul form": status(base + "/fr/login", "POST", b"email=a%00b&password=x", {"Content-Type": "application/x-www-form-urlencoded"}),
        # 14. over-long address and headers, an undeclared method
        "long url": status(base + "/fr/search?q=" + "a" * 9000),
        "method": status(base + "/fr/login", "DELETE"),
    }
    assert answers == {"org page": 400, "proposal page": 400, "comment page": 400, "empty boundary": 400, "no boundary": 400,
                       "nul query": 400, "nul api": 400, "nul form": 400, "long url": 414, "method": 405}
    # a body cut short, a head past NIO's own limit, garbage: the connection may close, the process stays
    raw(port, b"POST /fr/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a")
    raw(port, b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    raw(port, b"\x00\xff garbage \r\n\r\n")
    raw(port, b"POST /fr/login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=\r\nContent-Length: 4\r\n\r\n--\r\n")
    # 5. header injection through next never reaches the answer
    head = raw(port, b"GET /fr/login?next=/fr/%0d%0aSet-Cookie:%20injected=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert b"injected" not in head.split(b"\r\n\r\n")[0]
    assert server.alive(), server.log()
    assert "Fatal error" not in server.log()


def test_stopping_under_load_is_clean_and_frees_the_port(server):
    base = server.base
    _, proposal = first_ids(base)
    page = base + "/fr/proposals/%s" % proposal
    stop = threading.Event()
    served = []

    def load():
        while not stop.is_set():
            try:
                served.append(status(page, timeout=5))
            except OSError:
                served.append(0)

    threads = [threading.Thread(target=load) for _ in range(16)]
    for t in threads:
        t.start()
    time.sleep(3)
    # act: stop it while pages are being served
    started = time.time()
    server.proc.send_signal(signal.SIGTERM)
    code = server.proc.wait(30)
    took = time.time() - started
    stop.set()
    for t in threads:
        t.join(10)
    # check: a clean exit, no trap, and pages were served up to then
    assert code == 0, server.crash()
    assert "Fatal error" not in server.log() and "Program crashed" not in server.log()
    assert served.count(200) > 10
    assert took < 15
    # another server takes the same port at once
    server.start()
    assert status(page) == 200


def test_schemathesis_finds_no_server_error(server):
    if not shutil.which("schemathesis"):
        pytest.fail("schemathesis is not installed")
    # a token for the write endpoints, made through the real pages
    server.command("create-admin", "--email", "fuzz@example.ma", "--name", "Fuzz", "--password", "fuzz-secret-2026")
    import http.cookiejar
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    def csrf(path):
        return re.search(r'name="_csrf" value="([^"]+)"', opener.open(server.base + path).read().decode()).group(1)
    form = "email=fuzz%40example.ma&password=fuzz-secret-2026&_csrf=" + urllib.parse.quote(csrf("/fr/login"))
    opener.open(urllib.request.Request(server.base + "/fr/login", data=form.encode(), method="POST"))
    body = opener.open(urllib.request.Request(server.base + "/fr/account/tokens", method="POST",
                                              data=("name=fuzz&_csrf=" + urllib.parse.quote(csrf("/fr/account/tokens"))).encode())).read().decode()
    token = re.search(r"(shk_[A-Za-z0-9_\-]+)", body).group(1)
    schema = server.base + "/api/v1/openapi.json"
    for extra in ([], ["-H", "Authorization: Bearer " + token]):
        run = subprocess.run(["schemathesis", "run", schema, "--url", server.base + "/api/v1", "-n", "100", "-c", "not_a_server_error",
                              "--seed", "1"] + extra, capture_output=True, text=True, timeout=900, cwd=server.dir)
        assert run.returncode == 0, run.stdout[-6000:]
        assert server.alive(), server.log()
    assert "Fatal error" not in server.log()


def test_the_systemd_unit_is_valid(tmp_path, pytestconfig):
    if not shutil.which("systemd-analyze"):
        pytest.fail("systemd-analyze is not installed (Debian package systemd)")
    unit = open(os.path.join(ROOT, "deploy", "sharaka.service")).read()
    assert "Restart=always" in unit
    binary = pytestconfig.getoption("--sharaka-bin")
    # verified as installed, with the binary where the unit expects it
    path = tmp_path / "sharaka.service"
    path.write_text(unit.replace("/usr/local/bin/sharaka", binary))
    run = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr
    # and the check would catch a broken unit
    broken = tmp_path / "broken.service"
    broken.write_text(unit.replace("/usr/local/bin/sharaka", binary).replace("Restart=always", "Restart=sometimes"))
    assert subprocess.run(["systemd-analyze", "verify", str(broken)], capture_output=True, text=True).stderr.strip() != ""
