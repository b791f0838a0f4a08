#!/usr/bin/env python3
"""A loopback-only ЭлЖур stand-in for measuring `eljur fetch` on very large answers.

Serves getrules (one class, 5А), small getperiods/getmarks/getfinalassessments answers, and
getdiary answers of --diary-mb megabytes each: a real class-diary envelope whose lessons carry an
unknown "resources" list of small objects (many small JSON tokens, like a real answer; the
connector ignores the list, so the snapshot stays small and the memory measured is the answers').
The diary body is generated once (for the first week; every chunk gets the same one) and kept,
so that the server is not the slow side; --framing says whether a body announces its size
(length) or not (close: HTTP/1.0, ended by closing).
Binds 127.0.0.1 only and stops by itself after --lifetime seconds.
"""
import argparse
import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


def envelope(result):
    return json.dumps({"response": {"state": 200, "error": None, "result": result}}, ensure_ascii=False).encode()


RULES = envelope({
    "id": 55, "name": "teacher", "title": "Иванова Анна Петровна", "roles": ["teacher"],
    "relations": {"students": [], "groups": {"5А": {"rel": "homeclass", "parallel": 5, "balls": 5}}},
})
SMALL = {
    "getperiods": envelope({"students": []}),
    "getmarks": envelope({"students": []}),
    "getfinalassessments": envelope({"students": []}),
}


def diary_parts(days_param, size):
    """Yields the bytes of one getdiary answer of exactly `size` bytes."""
    start = datetime.datetime.strptime(days_param.split("-")[0], "%Y%m%d").date()
    dates = [start + datetime.timedelta(days=d) for d in range(5)]
    lessons = [(d, n) for d in dates for n in range(1, 6)]
    resource = '{"id":%d,"type":"link","title":"Материал к уроку %d","url":"https://example.org/r/%d","size":%d}'
    head = '{"response":{"state":200,"error":null,"result":{"days":{'
    # Every lesson gets an equal share of the body in resources.
    fixed = len(head.encode()) + 4 + 200 * len(lessons)
    per_lesson = max(0, (size - fixed) // len(lessons))
    written = 0
    out = [head]
    for i, day in enumerate(dates):
        key = day.strftime("%Y%m%d")
        out.append(('' if i == 0 else ',') + '"%s":{"name":"%s","title":"%s","items":[' % (key, key, key))
        for n in range(1, 6):
            item = '{"name":"Математика","num":"%d","room":"12","teacher":"Иванова Анна Петровна","sort":%d,"topic":"Тема %d","homework":[],"resources":[' % (n, n * 10, n)
            out.append(('' if n == 1 else ',') + item)
            budget = per_lesson
            k = 0
            chunk = []
            while budget > 120:
                text = resource % (k, k, k, k * 7)
                if k:
                    text = "," + text
                chunk.append(text)
                budget -= len(text.encode())
                k += 1
                if len(chunk) >= 2000:
                    out.append("".join(chunk))
                    chunk = []
                    yield from flush(out)
            out.append("".join(chunk))
            out.append("]}")
            yield from flush(out)
        out.append("]}")
    out.append("}}}}")
    yield from flush(out)


def flush(out):
    data = "".join(out).encode()
    out.clear()
    if data:
        yield data


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlparse(self.path)
        method = url.path.rsplit("/", 1)[-1]
        query = parse_qs(url.query)
        if method == "getrules":
            return self.send(RULES)
        if method in SMALL:
            return self.send(SMALL[method])
        if method == "getdiary":
            body = self.server.diary()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            if self.server.framing == "length":
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                view = memoryview(body)
                for start in range(0, len(body), 1 << 20):
                    self.wfile.write(view[start:start + (1 << 20)])
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.send(json.dumps({"response": {"state": 404, "error": "нет метода"}}).encode(), 404)

    def send(self, body, status=200):
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--diary-mb", type=float, default=25)
    parser.add_argument("--framing", choices=["length", "close"], default="close")
    parser.add_argument("--lifetime", type=float, default=900)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.diary_bytes = int(args.diary_mb * 1024 * 1024)
    server.framing = args.framing
    lock = threading.Lock()
    cache = []

    def diary():
        with lock:
            if not cache:
                cache.append(b"".join(diary_parts("20240902-20240908", server.diary_bytes)))
            return cache[0]

    server.diary = diary
    diary()
    print(server.server_address[1], flush=True)
    threading.Timer(args.lifetime, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
