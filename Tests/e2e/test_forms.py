"""Forms posted the way browsers and tools really send them: in several packets, chunked."""
import http.client
import re
import uuid
from urllib.parse import urlparse


def test_chunked_multipart_form_with_empty_file_is_read(site):
    """A multipart body sent with chunked transfer encoding (as large uploads arrive) must be
    read whole before the CSRF check; it used to be refused with 403."""
    host = urlparse(site.base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    conn.request("GET", "/fr/password/forgot")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = "; ".join(h.split(";")[0] for k, h in response.getheaders() if k.lower() == "set-cookie")
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    boundary = "----sharaka" + uuid.uuid4().hex
    parts = [
        '--%s\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n%s\r\n' % (boundary, token),
        '--%s\r\nContent-Disposition: form-data; name="email"\r\n\r\nnobody@example.ma\r\n' % boundary,
        '--%s\r\nContent-Disposition: form-data; name="attachment"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n' % boundary,
        "--%s--\r\n" % boundary,
    ]
    conn.request("POST", "/fr/password/forgot", body=(p.encode() for p in parts), encode_chunked=True,
                 headers={"Content-Type": "multipart/form-data; boundary=" + boundary, "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    assert response.status == 303, "chunked form refused with %d" % response.status
