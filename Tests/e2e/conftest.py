"""Browser tests: real headless Chromium driven by Selenium, axe-core on every page.

The test command starts one server on SQLite and one on PostgreSQL and passes
their addresses here; every test runs against both.
"""
import os
import pathlib
import sqlite3
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def pytest_addoption(parser):
    parser.addoption("--sqlite-url")
    parser.addoption("--sqlite-db")
    parser.addoption("--pg-url")
    parser.addoption("--pg-url-2", help="a second instance on the same PostgreSQL database")
    parser.addoption("--pg-dsn")
    parser.addoption("--screenshots", default=".build/e2e")
    parser.addoption("--sharaka-bin", help="the server binary, for its administration commands")


class Site:
    def __init__(self, engine, base, read_sql, cli=None):
        self.engine = engine
        self.base = base.rstrip("/")
        self._read_sql = read_sql
        self._cli = cli

    def command(self, *args):
        """Runs `sharaka <args>` against this site's database (as an operator would)."""
        assert self._cli, "--sharaka-bin not given"
        return self._cli(list(args))

    def url(self, path):
        return self.base + path

    def latest_mail_body(self, recipient):
        rows = self._read_sql(
            "SELECT body FROM outbox WHERE recipient = '%s' ORDER BY created_at DESC LIMIT 1" % recipient.replace("'", "''"))
        assert rows, "no e-mail for %s in the outbox" % recipient
        return rows[0]


def _sqlite_reader(path):
    def read(query):
        with sqlite3.connect(path) as conn:
            return [r[0] for r in conn.execute(query).fetchall()]
    return read


def _pg_reader(dsn):
    params = dict(p.split("=", 1) for p in dsn.split())
    def read(query):
        out = subprocess.run(
            ["psql", "-h", params["host"], "-p", params["port"], "-U", params["user"], "-d", params["dbname"],
             "-At", "-c", query], check=True, capture_output=True, text=True).stdout
        # LIMIT 1 queries only: the whole output is the one value, newlines included
        return [out.rstrip("\n")] if out.strip() else []
    return read


def _cli(binary, env, cwd):
    if not binary:
        return None
    def run(args):
        full = dict(os.environ, SHARAKA_BCRYPT_COST="4", SHARAKA_WORKERS="0", **env)
        return subprocess.run([binary] + args, env=full, cwd=cwd, check=True, capture_output=True, text=True).stdout
    return run


def pytest_generate_tests(metafunc):
    if "site" in metafunc.fixturenames:
        cfg = metafunc.config
        sites = []
        binary = cfg.getoption("--sharaka-bin")
        if cfg.getoption("--sqlite-url"):
            db = cfg.getoption("--sqlite-db")
            sites.append(Site("sqlite", cfg.getoption("--sqlite-url"), _sqlite_reader(db),
                              _cli(binary, {"SHARAKA_SQLITE_PATH": db}, os.path.dirname(db))))
        if cfg.getoption("--pg-url"):
            dsn = cfg.getoption("--pg-dsn")
            params = dict(p.split("=", 1) for p in dsn.split())
            url = "postgres://%s@%s:%s/%s?tlsmode=disable" % (params["user"], params["host"], params["port"], params["dbname"])
            sites.append(Site("postgres", cfg.getoption("--pg-url"), _pg_reader(dsn), _cli(binary, {"DATABASE_URL": url}, None)))
        metafunc.parametrize("site", sites, ids=[s.engine for s in sites])


@pytest.fixture
def second_instance(pytestconfig):
    url = pytestconfig.getoption("--pg-url-2")
    if not url:
        pytest.skip("no second instance")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def screenshots(pytestconfig):
    path = pathlib.Path(pytestconfig.getoption("--screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=fr"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()
