"""Shared fixtures: sites built with the debug binary under a /prep/ base URL and served over local HTTP."""
import functools
import http.server
import pathlib
import socket
import subprocess
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PREPRESS = ROOT / ".build" / "debug" / "prepress"
SITES = {
    "demo": ROOT,
    "taxonomies": ROOT / "Tests" / "Fixtures" / "sites" / "taxonomies" / "input",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # linkchecker sends more than 10 requests a second only to servers that answer with this header.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


def serve(site, tmp_path_factory):
    """Builds `site` under http://127.0.0.1:PORT/prep/ and serves it; returns (output, base URL, server)."""
    served = tmp_path_factory.mktemp("served")
    port = free_port()
    base = f"http://127.0.0.1:{port}/prep/"
    output = served / "prep"
    subprocess.run(
        [str(PREPRESS), "build", "--site", str(site), "--output", str(output), "--base-url", base],
        check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return output, base, server


@pytest.fixture(scope="session", params=sorted(SITES))
def built(request, tmp_path_factory):
    """(output folder, base URL) of each site, built under /prep/ and served over HTTP."""
    output, base, server = serve(SITES[request.param], tmp_path_factory)
    yield output, base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """(output folder, base URL) of the demo site, served over HTTP."""
    output, base, server = serve(SITES["demo"], tmp_path_factory)
    yield output, base
    server.shutdown()
    server.server_close()
