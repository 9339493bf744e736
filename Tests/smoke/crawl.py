"""Release smoke test: the optimised build draws every public page type.

The Swift and browser suites run a debug build; optimised code has crashed where debug
code did not (a task-local bound synchronously while drawing). This walks the site from
the home page of each language through same-site links, breadth first, and fails on any
answer of 500 or more, on a connection the server dropped, or when it stops answering.
Usage: crawl.py BASE_URL [MAX_PAGES]
"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 150
# Links that change state or only download are left out; everything else is a page to draw.
skip = re.compile(r"/(logout|files|feeds?|export|print)\b|\.(css|js|svg|png|ico|csv|atom|pdf)(\?|$)")
seen, queue, failures, kinds = set(), [f"{base}/{lang}/" for lang in ("ar", "fr", "en", "zgh")], [], set()
queue += [f"{base}/api/v1/openapi.json", f"{base}/api/v1/processes", f"{base}/api/v1/organisations", f"{base}/api/v1/plans"]
while queue and len(seen) < limit:
    url = queue.pop(0)
    if url in seen:
        continue
    seen.add(url)
    try:
        with urllib.request.urlopen(url, timeout=30) as res:
            body = res.read().decode("utf-8", "replace")
            status = res.status
    except urllib.error.HTTPError as e:
        status, body = e.code, ""
    except Exception as e:  # a dropped connection is how a crash shows
        failures.append(f"{url}: {e}")
        break
    if status >= 500:
        failures.append(f"{url}: {status}")
    path = urllib.parse.urlparse(url).path
    kinds.add(re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "ID", path))
    for href in re.findall(r'href="([^"#]+)', body):
        href = href.replace("&amp;", "&")
        full = urllib.parse.urljoin(url, href)
        if full.startswith(base) and not skip.search(full) and full not in seen:
            queue.append(full)
for f in failures:
    print("FAIL", f)
print(f"release smoke: {len(seen)} pages, {len(kinds)} page types, {len(failures)} failures")
sys.exit(1 if failures or len(seen) < 20 else 0)
