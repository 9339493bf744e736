"""HTTP caching and compression as a client sees them through the real server (the
in-memory tester of the Swift suite does not go through NIO's compressor)."""
import gzip
import re
import urllib.request


def fetch(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, dict((k.lower(), v) for k, v in res.getheaders()), res.read()
    except urllib.error.HTTPError as e:
        return e.code, dict((k.lower(), v) for k, v in e.headers.items()), e.read()


def test_text_answers_are_gzipped_when_asked_and_revalidate(site):
    css = re.search(r'/static/site\.[0-9a-f]+\.css', fetch(site.url("/fr/"))[2].decode()).group(0)
    for path, lang in [("/fr/", "fr"), ("/ar/organisations", "ar"), ("/api/v1/organisations", "fr"), (css, "fr")]:
        cookie = "sharaka_lang=" + lang
        plain_status, plain_headers, plain = fetch(site.url(path), {"Cookie": cookie})
        status, headers, body = fetch(site.url(path), {"Accept-Encoding": "gzip", "Cookie": cookie})
        assert plain_status == status == 200
        assert headers.get("content-encoding") == "gzip", path
        assert "content-encoding" not in plain_headers
        assert gzip.decompress(body) == plain
        assert len(body) * 2 < len(plain), path
        if path != css:
            # the validator is the same whether or not the body is compressed, and a 304 has no body
            tag = headers["etag"]
            assert tag == plain_headers["etag"] and headers["cache-control"] == "public, no-cache"
            again = fetch(site.url(path), {"If-None-Match": tag, "Accept-Encoding": "gzip", "Cookie": cookie})
            assert again[0] == 304 and again[2] == b""
        else:
            assert headers["cache-control"] == "public, max-age=31536000, immutable"
