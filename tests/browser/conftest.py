"""Real-browser harness: the app served on a free local port, driven by Playwright + Chromium.

Chromium comes from Debian (`apt-get install chromium`, done by `make test`); Playwright's own
browser download is not used.
"""

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from companion import create_app
from companion.db import db
from tests.conftest import PASSWORD, _config
from tests.fakes import HashEmbedder

CHROMIUM = (
    os.environ.get("COMPANION_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class LiveServer:
    """The app on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture
def live_config(tmp_path):
    """Settings for the served app (tests may change them before `live` starts)."""
    cfg = _config(tmp_path)
    cfg.pop("DATABASE_URL", None)  # the browser flows run on the embedded SQLite default
    cfg.update(WTF_CSRF_ENABLED=True, JOB_WORKER=True, TESTING=False)
    return cfg


@pytest.fixture
def live(live_config):
    """The served app with the demo data loaded."""
    from companion.demo import seed_demo

    app = create_app(live_config)
    app.extensions["companion.embedder"] = HashEmbedder()
    with app.app_context():
        db.create_all()
        seed_demo(db.session)
        db.session.commit()
    with LiveServer(app) as server:
        yield server
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def page(browser, live):
    context = browser.new_context(base_url=live.url, locale="en-GB")
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


@pytest.fixture
def sign_in():
    """Sign in through the real form."""

    def _sign_in(page, email, password=PASSWORD):
        page.goto("/login")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url("**/")

    return _sign_in
