#!/usr/bin/env python3
"""Topolab's demo app server: what an app_server runs when its topology names no command.

Serves GET /health (200 "ok", for HAProxy's checks and the deploy's) and GET / (200, naming the
component and the host, so a client can tell which app server answered). Reads PORT and
TOPOLAB_COMPONENT from its environment; DATABASE_HOST and DATABASE_PORT, when set, are shown
but not used. Stops cleanly on SIGTERM and SIGINT. Python standard library only.
"""

import os
import signal
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COMPONENT = os.environ.get("TOPOLAB_COMPONENT", "app")
HOST = socket.gethostname()


class Handler(BaseHTTPRequestHandler):
    server_version = "topolab-demo-app"

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self.reply(200, "ok\n")
        elif path == "/":
            lines = [f"component {COMPONENT}", f"host {HOST}"]
            if os.environ.get("DATABASE_HOST"):
                lines.append(f"database {os.environ['DATABASE_HOST']}:"
                             f"{os.environ.get('DATABASE_PORT', '5432')}")
            self.reply(200, "\n".join(lines) + "\n")
        else:
            self.reply(404, "not found\n")

    def do_HEAD(self):
        self.do_GET()

    def reply(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Topolab-Component", COMPONENT)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        sys.stderr.write(f"{COMPONENT} {self.address_string()} {format % args}\n")


class DualStackServer(ThreadingHTTPServer):
    """Listens on every IPv6 and IPv4 address of the host."""

    address_family = socket.AF_INET6
    daemon_threads = True

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


class Ipv4Server(ThreadingHTTPServer):
    daemon_threads = True


def make_server(port):
    try:
        return DualStackServer(("::", port), Handler)
    except OSError:  # no IPv6 on this host
        return Ipv4Server(("0.0.0.0", port), Handler)


def stop(signum, frame):
    raise SystemExit(0)


def main():
    port = int(os.environ.get("PORT", "8080"))
    server = make_server(port)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"{COMPONENT} listening on port {server.server_address[1]}", file=sys.stderr,
          flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
