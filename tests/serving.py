"""A built site served on loopback, for the browser tests and the scripts that measure
pages in a browser (standard library only: scripts/lighthouse runs without the venv)."""

from __future__ import annotations

import functools
import http.server
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """``folder`` served on a free port: its base URL and the server (``.shutdown()`` it)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def mkdocs_serve(project: Path, port: int, env: dict, log) -> subprocess.Popen:
    """`mkdocs serve` of ``project`` on ``port``, its output into ``log``, in a session of
    its own so that ``stop_serving`` reaches the processes it forks."""
    # A shell ignores Ctrl-C in what it starts in the background and the server would
    # inherit that, never stopping on it: give it the default handling back.
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def stop_serving(server: subprocess.Popen, timeout: float = 60) -> bool:
    """Ctrl-C to the server and what it forked, as a user stops it; killed if it has not
    stopped within ``timeout`` seconds. Whether it stopped by itself."""
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        return False
