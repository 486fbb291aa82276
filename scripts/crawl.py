#!/usr/bin/env python
"""Crawl the demo site as a visitor or a demo user and report broken pages.

Usage: uv run python scripts/crawl.py [--as EMAIL] [--lang fr] [--limit 400] [BASE_URL]
Reports: HTTP 5xx/4xx (other than 403/404 on purpose-built refusals), pages over 100 KB,
references to another host, and English-looking leftovers on French pages.
"""

import argparse
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser

PASSWORD = "alliance-demo-2026"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.assets = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for key in ("src",):
            if a.get(key):
                self.assets.append(a[key])
        if tag == "link" and a.get("href"):
            self.assets.append(a["href"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--as", dest="email")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if args.email:
        login = f"{args.base}/{args.lang}/accounts/login/"
        page = opener.open(login).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"login": args.email, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        req = urllib.request.Request(login, data=data, headers={"Referer": login})
        opener.open(req)
    seen, queue, problems = set(), [f"/{args.lang}/"], []
    skip = re.compile(
        r"/(logout|accounts/logout|admin)/|\.(pdf|csv|ics|jwt|svg|json|xlsx)$|/download|/export"
    )
    while queue and len(seen) < args.limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            resp = opener.open(args.base + path)
            status, body = resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read()
        if status >= 500 or status in (400, 405):
            problems.append(f"{status} {path}")
            continue
        if status != 200 or "text/html" not in (
            resp.headers.get("Content-Type", "") if status == 200 else "text/html"
        ):
            continue
        text = body.decode("utf-8", "replace")
        if len(body) > 100_000:
            problems.append(f"size {len(body) // 1000} KB {path}")
        parser_ = Links()
        parser_.feed(text)
        for ref in parser_.assets:
            if ref.startswith(("http://", "https://", "//")) and not ref.startswith(args.base):
                problems.append(f"external asset {ref} on {path}")
        for href in parser_.links:
            href = urllib.parse.urljoin(path, href.split("#")[0])
            local = href.startswith(f"/{args.lang}/") and not skip.search(href)
            if local and href not in seen:
                queue.append(href)
    print(f"crawled {len(seen)} pages as {args.email or 'visitor'} in {args.lang}")
    for p in problems:
        print("  ", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
