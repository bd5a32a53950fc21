#!/usr/bin/env python3
# tsa-server.py DIR: a local RFC 3161 time-stamp authority for the tests.
# Listens on 127.0.0.1 (a free port, printed as the first line of stdout),
# answers each POSTed TimeStampReq with `openssl ts -reply` signed by
# DIR/tsa.pem, and stops by itself when the test that started it is gone,
# after 15 minutes (a sanitizer run is slow) or after 100 requests. Hostile
# answers by path: /garbage (not DER), /reject (status 2), /big (2 MiB),
# /other (a valid token over other data), /fail (HTTP 500). /hold answers
# normally, but only once DIR/release exists, and creates DIR/held when the
# request has arrived (a TSA that stalls while others write the workspace);
# after 60 s without DIR/release it fails with HTTP 503.
# SPDX-License-Identifier: GPL-3.0-or-later
import http.server
import os
import subprocess
import sys
import tempfile
import time

folder = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if length <= 0 or length > 65536:
            self.send_error(400)
            return
        query = self.rfile.read(length)
        if self.path == "/garbage":
            return self.reply(b"\x30\x84\xff\xff\xff\xff" + b"\x00" * 64)
        if self.path == "/reject":
            return self.reply(b"\x30\x05\x30\x03\x02\x01\x02")
        if self.path == "/big":
            return self.reply(b"\x30" * (2 * 1024 * 1024))
        if self.path == "/fail":
            self.send_error(500)
            return
        if self.path == "/hold":
            release = os.path.join(folder, "release")
            open(os.path.join(folder, "held"), "w").close()
            waited = time.monotonic() + 60
            while not os.path.exists(release) and time.monotonic() < waited:
                time.sleep(0.05)
            if not os.path.exists(release):
                self.send_error(503)
                return
        with tempfile.TemporaryDirectory() as tmp:
            qpath = os.path.join(tmp, "q.tsq")
            rpath = os.path.join(tmp, "r.tsr")
            with open(qpath, "wb") as f:
                f.write(query)
            if self.path == "/other":
                other = os.path.join(tmp, "other.txt")
                with open(other, "w") as f:
                    f.write("other data")
                subprocess.run(["openssl", "ts", "-query", "-data", other, "-sha256", "-cert",
                                "-out", qpath], check=True, capture_output=True, timeout=30)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", os.path.join(folder, "tsa.cnf"),
                                   "-queryfile", qpath, "-signer", os.path.join(folder, "tsa.pem"),
                                   "-inkey", os.path.join(folder, "tsa.key.pem"), "-out", rpath],
                                  capture_output=True, timeout=30)
            if done.returncode != 0:
                self.send_error(500)
                return
            with open(rpath, "rb") as f:
                self.reply(f.read())

    def reply(self, reply):
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 1
print(server.server_address[1], flush=True)
parent = os.getppid()
deadline = time.monotonic() + 900
served = 0
while time.monotonic() < deadline and served < 100 and os.getppid() == parent:
    before = time.monotonic()
    server.handle_request()
    served += 1 if time.monotonic() - before < server.timeout else 0
