#!/usr/bin/env python3
# tsa-server.py DIR: a local RFC 3161 time-stamp authority for the tests.
# Listens on 127.0.0.1 (a free port, printed as the first line of stdout),
# answers each POSTed TimeStampReq with `openssl ts -reply` signed by
# DIR/tsa.pem, and stops by itself after 120 s or 50 requests.
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
        with tempfile.TemporaryDirectory() as tmp:
            qpath = os.path.join(tmp, "q.tsq")
            rpath = os.path.join(tmp, "r.tsr")
            with open(qpath, "wb") as f:
                f.write(query)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", os.path.join(folder, "tsa.cnf"),
                                   "-queryfile", qpath, "-signer", os.path.join(folder, "tsa.pem"),
                                   "-inkey", os.path.join(folder, "tsa.key.pem"), "-out", rpath],
                                  capture_output=True, timeout=30)
            if done.returncode != 0:
                self.send_error(500)
                return
            with open(rpath, "rb") as f:
                reply = f.read()
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
deadline = time.monotonic() + 120
served = 0
while time.monotonic() < deadline and served < 50:
    before = time.monotonic()
    server.handle_request()
    served += 1 if time.monotonic() - before < server.timeout else 0
