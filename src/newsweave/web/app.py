"""The ASGI application: pages, JSON API, host check, security headers, one error shape."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsweave.errors import ConfigError, StoreError
from newsweave.store import Store
from newsweave.store.read import ReportQueries

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Sent with every response, errors and static files included.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
    " frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", CSP.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ApiError(Exception):
    """An error answered as `{"error": {"status", "message"}}` (JSON) or an error page (HTML)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def host_name(header: str) -> str:
    """The name part of a Host header: `[::1]:8765` → `::1`, `Example.org.:80` → `example.org`."""
    value = header.strip().lower()
    port = ""
    if value.startswith("["):
        end = value.find("]")
        value, port = (value[1:end], value[end + 1 :]) if end != -1 else ("", "")
    elif value.count(":") == 1:
        value, port = value.split(":", 1)
        port = ":" + port
    if port and not (port.startswith(":") and port[1:].isdigit()):
        return ""  # a malformed port: refuse rather than guess
    return value.rstrip(".")


class Guard:
    """ASGI middleware: refuse unknown Host names (DNS rebinding) and add security headers."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower().strip("[]") for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in SECURITY_HEADERS if k not in names),
                ]
            await send(message)

        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host not in self.allowed:
            await _json_error(send_with_headers, 400, f"host {host!r} is not allowed")
            return
        await self.app(scope, receive, send_with_headers)


async def _json_error(send: Send, status: int, message: str) -> None:
    import json

    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def default_allowed_hosts(host: str) -> set[str]:
    """Loopback names, plus the listening address when it is a specific non-wildcard one."""
    allowed = set(LOOPBACK_NAMES)
    if host not in {"", "0.0.0.0", "::"}:
        allowed.add(host.lower().strip("[]"))
    return allowed


class Database:
    """Opens the store read-only for each request (one SQLite connection per request)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def queries(self) -> Iterator[ReportQueries]:
        with Store(self.path, read_only=True) as store:
            queries = ReportQueries(store.connection)
            if not queries.has_report():
                raise ApiError(
                    404,
                    "no complete analysis in this database (none yet, or the last one was"
                    f" interrupted): run `newsweave report --db {self.path}` first",
                )
            yield queries


def create_app(db: str | Path, *, allowed_hosts: Iterable[str] | None = None) -> Any:
    """The ASGI app serving database `db` (which must exist) read-only."""
    try:
        from fastapi import FastAPI, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import HTMLResponse, JSONResponse
        from fastapi.staticfiles import StaticFiles
        from starlette.exceptions import HTTPException
    except ImportError as error:
        raise ConfigError("the web app needs FastAPI: pip install 'newsweave[web]'") from error

    from newsweave.web import api, pages

    path = Path(db)
    Store(path, read_only=True).close()  # fail now, with a clear message, if it is unusable
    database = Database(path)
    app = FastAPI(
        title="newsweave",
        summary="Read-only browser and JSON API over a newsweave database",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
            "accept", ""
        )

    def respond(request: Request, status: int, message: str) -> Any:
        if wants_html(request):
            return HTMLResponse(pages.error_page(status, message), status_code=status)
        return JSONResponse(error_body(status, message), status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Any:
        return respond(request, error.status, error.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Any:
        return respond(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Any:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "query")
        return respond(request, 400, f"{where}: {first.get('msg', 'bad request')}")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Any:
        return respond(request, 503, str(error))

    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(api.router(database))
    app.include_router(pages.router(database))
    return Guard(app, allowed_hosts=allowed_hosts or LOOPBACK_NAMES)


def check_port(port: int) -> None:
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port {port}: must be between 0 and 65535 (0 picks a free port)")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port), or a one-line ConfigError saying why not."""
    check_port(port)
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host.strip("[]")).version == 6 else 0
    except ValueError:
        family = 0
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, family, socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise ConfigError(f"--host {host}: cannot resolve it ({error.strerror})") from error
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        reason = "already in use" if error.errno == 98 else (error.strerror or str(error))
        raise ConfigError(f"cannot listen on {host}:{port}: {reason}") from error
    return sock


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    allowed_hosts: Iterable[str] = (),
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve database `db` read-only until interrupted; `on_ready(url)` once it listens."""
    try:
        import uvicorn
    except ImportError as error:
        raise ConfigError("the web app needs uvicorn: pip install 'newsweave[web]'") from error
    app = create_app(db, allowed_hosts={*default_allowed_hosts(host), *allowed_hosts})
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    # Past this many open connections uvicorn answers 503 at once instead of queueing without
    # bound; below it requests queue for the thread pool (bench_web: 200 clients, no error).
    config = uvicorn.Config(app, log_level="warning", access_log=False, limit_concurrency=1000)
    server = uvicorn.Server(config)
    if on_ready is not None:
        on_ready(f"http://{shown}:{bound}/")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
