"""Bad input loses nothing else: malformed rows and lines, stray bytes, other encodings."""
from __future__ import annotations

import io
import json

from hypothesis import given, settings, strategies as st

from dyads.ingest import INPUT_FORMATS, read_inputs, read_source

TEXT = "Iran and Iraq signed a trade deal in Baghdad on Monday."


def _coded(articles) -> list:
    return [a for a in articles if a.body]


def test_csv_with_one_malformed_row_codes_the_rest(tmp_path):
    rows = [f'r{n},"{TEXT} Row {n}.",2019-02-03' for n in range(20)]
    rows[9] = f'r9,{TEXT} An unquoted, comma,2019-02-03,extra'  # 5 fields, header names 3
    f = tmp_path / "rows.csv"
    f.write_text("id,text,date\n" + "\n".join(rows) + "\n")
    articles = list(read_inputs([str(f)]))
    assert len(_coded(articles)) == 19
    [bad] = [a for a in articles if not a.body]
    assert bad.errors[0].startswith("line 11: the row has 5 fields but the header names 3")


def test_csv_extra_named_column_short_row_and_missing_body(tmp_path):
    f = tmp_path / "cols.csv"
    f.write_text(f'id,text,date,source\na,"{TEXT}",2019-02-03,wire\nb,,2019-02-03,wire\n'
                 f'c,"{TEXT}"\n')
    by_id = {a.doc_id: a for a in read_inputs([str(f)])}
    assert dict(by_id["a"].meta) == {"source": "wire"} and by_id["a"].body == TEXT
    assert by_id["b"].body == "" and by_id["b"].errors[0] == "line 3: article text is empty"
    assert by_id["c"].body == TEXT and "line 4: the row has 2 fields" in by_id["c"].errors[0]


def test_jsonl_with_one_bad_byte_codes_every_line(tmp_path):
    lines = [json.dumps({"id": f"j{n}", "text": f"{TEXT} Zürich {n}."}, ensure_ascii=False)
             .encode() for n in range(6)]  # UTF-8 text ...
    lines[2] = lines[2].replace(b"Z\xc3\xbcrich", b"Z\xfcrich")  # ... with one Latin-1 byte
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    articles = list(read_inputs([str(f)]))
    assert len(_coded(articles)) == 6
    assert articles[2].errors == ("line 3: 1 undecodable byte replaced with U+FFFD (the text is "
                                  "not valid in its encoding there)",)
    assert "Z\ufffdrich 2" in articles[2].body


def test_bad_json_line_is_reported_with_its_number():
    data = b'{"id": "a", "text": "Talks."}\n{"id": "b", "text": \n[1, 2]\n{"text": "More."}\n'
    articles = list(read_source(data, "feed", ".jsonl", None))
    assert [a.doc_id for a in articles] == ["a", "feed:2", "feed:3", "feed:4"]
    assert articles[1].errors[0].startswith("line 2: not valid JSON")
    assert articles[2].errors[0] == "line 3: record is not a JSON object"


def test_legacy_and_utf16_encodings_are_detected_and_named(tmp_path):
    text = "Protesters marched in São Paulo and Zürich on Monday, police said."
    cases = {"latin1.txt": (text.encode("latin-1"), "Latin-1"),
             "cp1252.txt": (("“" + text + "” – AP").encode("cp1252"), "Windows-1252"),
             "bom16.txt": (text.encode("utf-16"), "UTF-16 (byte order mark)"),
             "le16.txt": (text.encode("utf-16-le"), "UTF-16-LE"),
             "be16.jsonl": (json.dumps({"text": text}, ensure_ascii=False).encode("utf-16-be"),
                            "UTF-16-BE")}
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    by_id = {a.doc_id.removesuffix(":1"): a for a in read_inputs([str(tmp_path)])}
    for name, (_, label) in cases.items():
        article = by_id[name.split(".")[0]]
        assert text in article.body, name
        assert f"read as {label}" in article.errors[0], (name, article.errors)


def test_a_legacy_jsonl_feed_names_its_encoding_once(tmp_path):
    lines = [json.dumps({"id": f"x{n}", "text": f"Talks in Zürich, day {n}."}, ensure_ascii=False)
             for n in range(4)]
    f = tmp_path / "feed.jsonl"
    f.write_bytes("\n".join(lines).encode("latin-1"))
    articles = list(read_inputs([str(f)]))
    assert [a.body for a in articles] == [f"Talks in Zürich, day {n}." for n in range(4)]
    assert "read as Latin-1" in articles[0].errors[0] and not articles[1].errors


def test_binary_files_are_refused_with_what_they_look_like(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "blob.jsonl").write_bytes(bytes(range(32)) * 50)
    by_id = {a.doc_id: a for a in read_inputs([str(tmp_path)])}
    assert by_id["photo"].errors[0] == "photo: this is a PNG image, not text"
    assert "binary data" in by_id["blob"].errors[0] and by_id["blob"].body == ""


def test_csv_on_stdin_is_detected_and_formats_can_be_forced():
    data = f'id,text,date\ns1,"{TEXT}",2020-01-01\n'.encode()
    [article] = read_inputs(["-"], stdin=io.BytesIO(data))
    assert article.doc_id == "s1" and article.body == TEXT and article.published == "2020-01-01"
    [as_text] = read_inputs(["-"], stdin=io.BytesIO(data), input_format="text")
    assert as_text.doc_id == "stdin" and as_text.body.startswith("id,text,date")
    page = b"<p>Police detained 12 protesters.</p>"
    [html] = read_inputs(["-"], stdin=io.BytesIO(page), input_format="html")
    assert html.body == "Police detained 12 protesters."
    line = b'{"text": "Talks."}'
    [plain] = read_inputs(["-"], stdin=io.BytesIO(line), input_format="text")
    assert plain.body == '{"text": "Talks."}'


# --- properties --------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".csv", ".jsonl", ".html", ""]),
       st.sampled_from((None,) + INPUT_FORMATS))
def test_readers_never_raise(data, suffix, input_format):
    for article in read_source(data, "x", suffix, None, input_format):
        assert isinstance(article.errors, tuple)


# Garbage lines: any bytes but line breaks and control bytes (binary data may rightly turn
# the whole source away); for CSV no quote either, which would open a field that runs on.
GARBAGE = st.binary(min_size=1, max_size=80).map(
    lambda b: bytes(c for c in b if c >= 0x20 or c == 0x09) or b"?")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 10_000), GARBAGE), min_size=1, max_size=30))
def test_jsonl_keeps_every_well_formed_line(items):
    lines = [json.dumps({"id": f"ok{i}", "text": f"{TEXT} {i}"}).encode()
             if isinstance(i, int) else i for i in items]
    articles = list(read_source(b"\n".join(lines), "feed", ".jsonl", None))
    bodies = {a.doc_id: a.body for a in articles}
    for i in items:
        if isinstance(i, int):
            assert bodies.get(f"ok{i}") == f"{TEXT} {i}"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 10_000), GARBAGE.map(lambda b: b.replace(b'"', b""))),
                min_size=1, max_size=30))
def test_csv_keeps_every_well_formed_row(items):
    rows = [f'ok{i},"{TEXT} {i}",2020-01-01'.encode() if isinstance(i, int) else i
            for i in items]
    articles = list(read_source(b"id,text,date\n" + b"\n".join(rows), "rows", ".csv", None))
    bodies = {a.doc_id: a.body for a in articles}
    for i in items:
        if isinstance(i, int):
            assert bodies.get(f"ok{i}") == f"{TEXT} {i}"


def test_a_utf8_line_in_a_feed_judged_latin1_stays_utf8():
    first = json.dumps({"id": "a", "text": "Talks in Zürich."}, ensure_ascii=False)
    later = json.dumps({"id": "b", "text": "Talks in Zürich again."}, ensure_ascii=False)
    data = first.encode("latin-1") + b"\n" + b" " * 5000 + b"\n" + later.encode("utf-8") + b"\n"
    articles = list(read_source(data, "feed", ".jsonl", None))
    assert [a.body for a in articles] == ["Talks in Zürich.", "Talks in Zürich again."]


def test_a_stray_utf16_mark_before_utf8_lines_is_one_bad_line():
    good = json.dumps({"id": "ok", "text": TEXT}).encode()
    for mark in (b"\xfe\xff", b"\xff\xfe"):
        articles = list(read_source(mark + b"\n" + good, "feed", ".jsonl", None))
        assert {a.doc_id: a.body for a in articles}["ok"] == TEXT
        assert [a.doc_id for a in articles if not a.body] == ["feed:1"]
        # a line of plain ASCII tells the mark is stray, however noisy the garbage before it
        noisy = mark + b"\n" + b"\x80" * 40 + b"\n" + b"\xc3" * 40 + b"\n" + good
        assert {a.doc_id: a.body for a in read_source(noisy, "feed", ".jsonl", None)}["ok"] == TEXT
    wide = ("\n".join([good.decode()] * 2)).encode("utf-16")  # a real UTF-16 file still is
    assert [a.body for a in read_source(wide, "feed", ".jsonl", None)] == [TEXT, TEXT]
    for script in ("Переговоры в Москве продолжились.", "北京和东京今天举行了会谈。"):
        for codec in ("utf-16-be", "utf-16-le"):
            mark = "\ufeff".encode(codec)
            [article] = read_source(mark + script.encode(codec), "page", ".txt", None)
            assert article.body == script
