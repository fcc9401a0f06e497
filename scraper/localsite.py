"""A real HTTP server on 127.0.0.1, for the offline demo and the integration tests.

``LocalSite`` serves a mutable table of routes from a thread and records every
request, so a caller can change a page between two polls, take a webhook
receiver down and up, or count conditional GETs. It binds only to loopback.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """One served resource.

    Attributes:
        body: response bytes (str is UTF-8 encoded).
        status: HTTP status code.
        content_type: the Content-Type header ("" sends none).
        headers: extra response headers.
        etag: when set, sent as ETag and answered with 304 on a matching If-None-Match.
        delay: seconds to sleep before answering (timeouts).
    """

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0


@dataclass
class Request:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class LocalSite:
    """A threaded HTTP server on 127.0.0.1 with an ephemeral port.

    Use ``site.routes[path] = Route(...)``; ``site.url(path)`` gives the absolute URL;
    ``site.requests`` lists what was received. Unknown paths answer 404.
    """

    def __init__(self, *, port: int = 0) -> None:
        """Bind 127.0.0.1:``port`` (0: an ephemeral port); call :meth:`start` to serve."""
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path
                with site._lock:
                    site.requests.append(
                        Request(
                            self.command,
                            path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                        )
                    )
                    route = site.routes.get(path) or site.routes.get(path.split("?")[0])
                if route is None:
                    self._send(404, b"not found", "text/plain", {})
                    return
                if route.delay:
                    time.sleep(route.delay)
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                    if self.headers.get("If-None-Match") == route.etag:
                        self._send(304, b"", "", headers)
                        return
                data = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
                self._send(route.status, data, route.content_type, headers)

            def _send(self, status: int, data: bytes, ctype: str, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = _handle
            do_POST = _handle
            do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        """The absolute http://127.0.0.1:PORT URL of ``path``."""
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        """Requests received for ``path`` (query string ignored), optionally one method."""
        with self._lock:
            return [
                r
                for r in self.requests
                if r.path.split("?")[0] == path and (method is None or r.method == method)
            ]

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
