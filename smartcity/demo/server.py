"""A loopback HTTP server for outlet sites: static files plus scripted faults, every request logged.

Tests start one per outlet on 127.0.0.2, 127.0.0.3, … (Linux routes all of 127/8 to loopback) and
``smartcity demo`` serves its bundled sample site with it. Files are read at request time, so a site
may be written after the server starts; ``{{BASE}}`` in a text file (or inside a ``.gz`` file) is
replaced by the server's base URL, so feeds and sitemaps can carry absolute links on a port-0 server.

    with serve(root, host="127.0.0.2") as site:
        site.route("/berita/1", Reply(500), Reply(200, b"<html>…"))   # 500 then 200
        ... crawl site.url ...
        assert site.hits("/berita/1") == 2
"""

from __future__ import annotations

import gzip
import logging
import mimetypes
import threading
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

PLACEHOLDER = b"{{BASE}}"
REDIRECTS = "_redirects"
TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".txt", ".rss", ".atom", ".json", ".css", ".js", ""})
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
    ".json": "application/json",
    "": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class Reply:
    """One scripted answer: status, body and headers, optionally compressed, delayed or unsized."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    encoding: str | None = None  # "gzip" | "deflate": compress body, set Content-Encoding
    precompressed: bool = False  # body is already encoded with ``encoding`` (bombs)
    send_length: bool = True  # False: no Content-Length, the connection closes after the body

    @classmethod
    def redirect(cls, location: str, status: int = 301) -> Reply:
        """A redirect to ``location`` (absolute or root-relative)."""
        return cls(status=status, headers={"Location": location})

    @classmethod
    def retry_after(cls, seconds: int | str, status: int = 429) -> Reply:
        """A 429 (or 503) asking the client to come back after ``seconds``."""
        return cls(status=status, headers={"Retry-After": str(seconds)}, body=b"slow down")

    @classmethod
    def bomb(cls, decompressed_bytes: int, encoding: str = "gzip") -> Reply:
        """A small compressed body that inflates to ``decompressed_bytes`` of spaces."""
        comp = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
        chunk = b" " * (1 << 20)
        parts = [comp.compress(b"<html><body>")]
        left = decompressed_bytes
        while left > 0:
            piece = chunk if left >= len(chunk) else chunk[:left]
            parts.append(comp.compress(piece))
            left -= len(piece)
        parts.append(comp.flush())
        return cls(body=b"".join(parts), encoding=encoding, precompressed=True)

    @classmethod
    def file(cls, path: Path, **kwargs: object) -> Reply:
        """The bytes of a file, with the content type its suffix implies."""
        ctype = CONTENT_TYPES.get(path.suffix, mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        return cls(body=path.read_bytes(), content_type=ctype, **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LoggedRequest:
    """What the server saw: method, path with query, request headers, the status it answered, when it arrived."""

    method: str
    path: str
    headers: Mapping[str, str]
    status: int
    at: float


class _Routes:
    """Scripted replies per path (with or without query); each request takes the next, the last repeats."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}

    def set(self, path: str, replies: Iterable[Reply]) -> None:
        with self._lock:
            self._script[path] = list(replies)
            self._served[path] = 0

    def take(self, path_qs: str) -> Reply | None:
        with self._lock:
            key = path_qs if path_qs in self._script else urlsplit(path_qs).path
            script = self._script.get(key)
            if not script:
                return None
            n = self._served[key]
            self._served[key] = n + 1
            return script[min(n, len(script) - 1)]


class SiteServer:
    """A running server: ``.url``, ``.requests``, ``.route()``, ``.stop()``; a context manager."""

    def __init__(self, root: Path | None, host: str, port: int, *, delay: float) -> None:
        self.root = root.resolve() if root is not None else None
        self.delay = delay
        self.routes = _Routes()
        self._log: list[LoggedRequest] = []
        self._log_lock = threading.Lock()
        self._httpd = _QuietServer((host, port), _handler_for(self))
        address = self._httpd.server_address
        self.host, self.port = str(address[0]), int(address[1])
        self.url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name=f"site-{self.host}:{self.port}", daemon=True)
        self._thread.start()
        logger.debug("serving %s on %s", self.root, self.url)

    # -- scripting and inspection ------------------------------------------------------------
    def route(self, path: str, *replies: Reply) -> None:
        """Answer ``path`` (exact path+query, or path alone) with ``replies`` in turn; the last repeats."""
        if not replies:
            raise ValueError(f"route {path!r}: give at least one Reply")
        self.routes.set(path, replies)

    @property
    def requests(self) -> list[LoggedRequest]:
        """A copy of the request log, oldest first."""
        with self._log_lock:
            return list(self._log)

    def paths(self) -> list[str]:
        """Paths (with query) requested so far, oldest first."""
        return [r.path for r in self.requests]

    def hits(self, path: str) -> int:
        """How many requests asked for ``path`` (exact path+query, or path alone when it has no query)."""
        return sum(1 for r in self.requests if r.path == path or ("?" not in path and urlsplit(r.path).path == path))

    def clear(self) -> None:
        """Forget the request log (e.g. between two crawls)."""
        with self._log_lock:
            self._log.clear()

    def record(self, entry: LoggedRequest) -> None:
        with self._log_lock:
            self._log.append(entry)

    # -- lifecycle ----------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # -- static files -------------------------------------------------------------------------
    def static(self, path_qs: str) -> Reply | None:
        """The file a request maps to: ``a/b@query`` first, then ``a/b`` (or ``a/b/index.html``, ``a/b.html``).

        A ``_redirects`` file in the root ("/old /new 301" per line) answers matching paths with
        a redirect, the way static hosts do.
        """
        if self.root is None:
            return None
        redirect = self._redirect(path_qs)
        if redirect is not None:
            return redirect
        parts = urlsplit(path_qs)
        rel = unquote(parts.path).lstrip("/")
        names = [f"{rel}@{unquote(parts.query)}", f"{rel}@{unquote(parts.query)}.html"] if parts.query else []
        names += [rel, f"{rel}/index.html".lstrip("/"), f"{rel}.html"]
        for name in names:
            candidate = (self.root / name).resolve()
            if not candidate.is_relative_to(self.root) or not candidate.is_file():
                continue
            return self._file_reply(candidate)
        return None

    def _redirect(self, path_qs: str) -> Reply | None:
        assert self.root is not None
        rules = self.root / REDIRECTS
        if not rules.is_file():
            return None
        for line in rules.read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) >= 2 and not line.lstrip().startswith("#") and fields[0] in (path_qs, urlsplit(path_qs).path):
                target = fields[1].replace(PLACEHOLDER.decode(), self.url)
                return Reply.redirect(target, int(fields[2]) if len(fields) > 2 else 301)
        return None

    def _file_reply(self, path: Path) -> Reply:
        body = path.read_bytes()
        suffix = path.suffix
        if suffix == ".gz":
            inner = gzip.decompress(body)
            if PLACEHOLDER in inner:
                body = gzip.compress(inner.replace(PLACEHOLDER, self.url.encode()), mtime=0)
        elif suffix.lower() in TEXT_SUFFIXES and PLACEHOLDER in body:
            body = body.replace(PLACEHOLDER, self.url.encode())
        name = path.name.split("@", 1)[0]
        ctype = CONTENT_TYPES.get(Path(name).suffix, mimetypes.guess_type(name)[0] or "application/octet-stream")
        return Reply(body=body, content_type=ctype)


class _QuietServer(ThreadingHTTPServer):
    """A threading server that logs, instead of printing, clients that hang up mid-request."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        logger.debug("client %s hung up", client_address)


def _encode(reply: Reply) -> bytes:
    if reply.encoding is None or reply.precompressed:
        return reply.body
    if reply.encoding == "gzip":
        return gzip.compress(reply.body, mtime=0)
    if reply.encoding == "deflate":
        return zlib.compress(reply.body)
    raise ValueError(f"Reply encoding {reply.encoding!r} is not supported: use 'gzip' or 'deflate'")


def _handler_for(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "smartcity-demo/1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._answer(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(send_body=False)

        def _answer(self, *, send_body: bool) -> None:
            arrived = time.time()
            reply = (server.routes.take(self.path) or server.static(self.path)
                     or Reply(404, b"<html><body>Tidak ditemukan</body></html>"))
            wait = server.delay + reply.delay
            if wait:
                time.sleep(wait)
            body = _encode(reply)
            server.record(LoggedRequest(self.command, self.path, dict(self.headers.items()), reply.status, arrived))
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.encoding:
                    self.send_header("Content-Encoding", reply.encoding)
                if reply.send_length:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (size limit, timeout): fine

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            logger.debug("%s %s", self.address_string(), format % args)

    return Handler


def serve(root_dir: str | Path | None, host: str = "127.0.0.1", *, port: int = 0, delay: float = 0.0) -> SiteServer:
    """Serve ``root_dir`` on ``host`` (loopback; port 0 = any free port) in a background thread."""
    if not host.startswith("127.") and host not in ("::1", "localhost"):
        raise ValueError(f"serve(host={host!r}): the demo server binds loopback only (127.0.0.x or ::1)")
    root = Path(root_dir) if root_dir is not None else None
    if root is not None and not root.is_dir():
        raise FileNotFoundError(f"serve({str(root)!r}): not a directory: give the folder holding the site")
    return SiteServer(root, host, port, delay=delay)
