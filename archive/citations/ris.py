"""RIS, written from the CSL-JSON item (csl.py). Pure Python.

One tag per line (``XX  - value``), CRLF line ends as the RIS specification asks,
each record closed by ``ER  -``. Types: ``RPRT`` for a commentary (``T2`` the series,
``SN`` the report number, ``PB``/``CY`` publisher and place — what Zotero and EndNote
read for reports), ``NEWS`` for an op-ed and ``BLOG`` for a blog post (``T2`` the
newspaper or blog). Values are single lines: RIS has no continuation lines.
"""
from .csl import full_family, keywords

TYPES = {"report": "RPRT", "article-newspaper": "NEWS", "post-weblog": "BLOG"}
EOL = "\r\n"


def _line(tag, value):
    return f"{tag}  - {' '.join(str(value).split())}{EOL}"


def author(csl_name):
    if "literal" in csl_name:
        return csl_name["literal"]
    return ", ".join(p for p in (full_family(csl_name), csl_name.get("given", "")) if p)


def record(item):
    """One RIS record as text."""
    out = [_line("TY", TYPES.get(item.get("type"), "GEN"))]
    for name in item.get("author", []):
        out.append(_line("AU", author(name)))
    if item.get("title"):
        out.append(_line("TI", item["title"]))
    if item.get("type") == "report":
        pairs = (("_series", "T2"), ("number", "SN"), ("genre", "M3"),
                 ("publisher", "PB"), ("publisher-place", "CY"))
    else:
        pairs = (("container-title", "T2"), ("publisher-place", "CY"))
    for key, tag in pairs:
        if item.get(key):
            out.append(_line(tag, item[key]))
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if parts:
        out.append(_line("PY", str(parts[0])))
        # DA is YYYY/MM/DD with unknown parts left empty: "2025/03//" for a month,
        # with the trailing "other information" slot empty.
        padded = [str(parts[0])] + [f"{p:02d}" for p in parts[1:]]
        padded += [""] * (3 - len(padded))
        out.append(_line("DA", "/".join(padded) + "/"))
    if item.get("URL"):
        out.append(_line("UR", item["URL"]))
    if item.get("archive_location"):  # the archive's copy of the original cited in UR
        out.append(_line("L2", item["archive_location"]))
    accessed = (item.get("accessed") or {}).get("date-parts", [[]])[0]
    if accessed and item.get("URL"):
        out.append(_line("Y2", "/".join([str(accessed[0])] + [f"{p:02d}" for p in accessed[1:]]
                                         + [""] * (3 - len(accessed))) + "/"))
    if item.get("abstract"):
        out.append(_line("AB", item["abstract"]))
    if item.get("language"):
        out.append(_line("LA", item["language"]))
    for keyword in keywords(item):  # one KW line per keyword, commas and all
        out.append(_line("KW", keyword))
    if item.get("note"):
        out.append(_line("N1", item["note"]))
    out.append(_line("ID", item["id"]))
    out.append("ER  - " + EOL + EOL)
    return "".join(out)


def export(items):
    """Stream an RIS file, one chunk per record."""
    for item in items:
        yield record(item)
