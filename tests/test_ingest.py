import io
import json

from hypothesis import given, strategies as st

from dyads.ingest import check_date, find_boilerplate, make_article, read_inputs, read_source


def test_seed_layout_header_and_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("  date 2022-03-31   Russia and Ukraine held talks.\n\nImage: AP\n")
    [article] = read_inputs([str(f)])
    assert article.doc_id == "a"
    assert article.published == "2022-03-31"
    assert article.body.startswith("Russia and Ukraine")
    assert [s.kind for s in article.boilerplate] == ["credit"]


def test_plain_text_takes_date_option(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("Russia and Ukraine held talks.")
    [article] = read_inputs([str(f)], date="2021-01-02")
    assert article.published == "2021-01-02"


def test_jsonl_ids_published_meta_and_broken_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "x1", "text": "Talks.", "published": "2020-05-01", "src": "w"})
                 + "\n{broken\n" + json.dumps({"text": "More talks.", "date": "2020-05-02"}) + "\n")
    articles = list(read_inputs([str(f)]))
    assert [a.doc_id for a in articles] == ["x1", "feed:2", "feed:3"]
    assert articles[0].published == "2020-05-01" and dict(articles[0].meta) == {"src": "w"}
    assert "not valid JSON" in articles[1].errors[0] and articles[1].body == ""
    assert articles[2].body == "More talks."


def test_csv_and_html(tmp_path):
    (tmp_path / "c.csv").write_text('id,text,date\nr1,"Iran and Iraq signed a deal.",2019-02-03\n')
    (tmp_path / "p.html").write_text('<html><head><title>T</title><meta property="article:published_time" '
                                     'content="2020-01-05T10:00:00Z"></head><body><script>x()</script>'
                                     '<p>Protesters marched in Athens.</p></body></html>')
    by_id = {a.doc_id: a for a in read_inputs([str(tmp_path)])}
    assert by_id["r1"].published == "2019-02-03"
    assert by_id["p"].body == "Protesters marched in Athens." and by_id["p"].published == "2020-01-05"
    assert by_id["p"].title == "T"


def test_directory_ids_are_relative_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("date 2020-01-01\nHello there.")
    assert [a.doc_id for a in read_inputs([str(tmp_path)])] == ["sub/x"]


def test_bad_inputs_get_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad_date.txt").write_text("date 2022-02-30\nRussia attacked Ukraine.")
    by_id = {a.doc_id: a for a in read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])}
    assert "empty" in by_id["empty"].errors[0]
    assert "binary" in by_id["bin"].errors[0]
    assert by_id["bad_date"].published is None and "does not exist" in by_id["bad_date"].errors[0]
    assert by_id["bad_date"].body  # still coded, as an article with no date
    assert "no such file" in by_id["missing"].errors[0]


def test_huge_text_is_refused():
    article = make_article("big", "word " * 500_000, "2020-01-01")
    assert article.body == "" and "limit" in article.errors[0]


def test_stdin():
    [article] = list(read_source(b'{"id": "s", "text": "Hi.", "date": "2020-01-01"}', "stdin", "", None))
    assert article.doc_id == "s"
    articles = list(read_inputs(["-"], stdin=io.BytesIO(b"Plain text on stdin.")))
    assert articles[0].body == "Plain text on stdin."


def test_tweet_signature_and_url_are_boilerplate():
    body = "Today we met. https://t.co/abc — Ned Price (@StateDeptSpox) March 30, 2022\n\nMore."
    spans = find_boilerplate(body)
    kinds = {s.kind: s for s in spans}
    assert kinds["url"].text == "https://t.co/abc"
    sig = kinds["tweet_signature"]
    assert sig.get("author") == "Ned Price" and sig.get("handle") == "@StateDeptSpox"
    assert body[sig.start:sig.end] == sig.text


@given(st.dates())
def test_check_date_accepts_every_real_date(d):
    assert check_date(d.isoformat()) == (d.isoformat(), None)


@given(st.text(max_size=30))
def test_check_date_never_raises(text):
    iso, error = check_date(text)
    assert (iso is None) or error is None


# --- streaming large inputs -------------------------------------------------------------

def _feed_line(n: int, words: int = 1500) -> bytes:
    text = f"Article {n}: " + "Ministers met in the capital and talked. " * (words // 7)
    return (json.dumps({"id": f"a{n}", "text": text, "date": "2021-06-01"}) + "\n").encode()


def test_jsonl_file_is_not_held_in_memory_whole(tmp_path):
    import tracemalloc

    f = tmp_path / "big.jsonl"
    with open(f, "wb") as out:
        for n in range(400):
            out.write(_feed_line(n))
    size = f.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_inputs([str(f)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 400
    assert peak < size / 4, f"peak {peak:,} bytes for a {size:,}-byte file"


class _CountingRaw(io.RawIOBase):
    """A read-only byte source that counts how much of it has been read."""

    def __init__(self, data: bytes):
        self._data, self.consumed = data, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._data[self.consumed:self.consumed + len(buffer)]
        buffer[:len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def test_stdin_json_lines_stream_article_by_article():
    data = b"".join(_feed_line(n) for n in range(300))
    raw = _CountingRaw(data)
    articles = read_inputs(["-"], stdin=io.BufferedReader(raw))
    first = next(articles)
    assert first.doc_id == "a0" and first.published == "2021-06-01"
    assert raw.consumed < len(data) / 20  # the first article came before the rest was read
    assert sum(1 for _ in articles) == 299


def test_jsonl_lines_cross_the_first_block_and_bad_bytes_stay_on_their_line(tmp_path):
    long_text = "Talks went on. " * 400  # the first line is longer than the first block read
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": long_text}).encode() + b"\r\n\n"
                  + b'{"text": "caf\xe9 talks"}\n' + json.dumps({"text": "Last."}).encode())
    articles = list(read_inputs([str(f)]))
    assert [a.doc_id for a in articles] == ["mixed:1", "mixed:3", "mixed:4"]
    assert articles[0].body == long_text.strip()
    assert "line 3: 1 undecodable byte replaced" in articles[1].errors[0]
    assert articles[1].body == "caf\ufffd talks"  # the rest of the line is coded
    assert articles[2].body == "Last."


def test_single_json_documents_still_read(tmp_path):
    (tmp_path / "one.json").write_text('{"id": "o", "text": "One object."}')
    (tmp_path / "list.json").write_text('[{"text": "First."},\n {"text": "Second."}]')
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    by_id = {a.doc_id: a for a in read_inputs([str(tmp_path)])}
    assert by_id["o"].body == "One object."
    assert by_id["list:1"].body == "First." and by_id["list:2"].body == "Second."
    assert "empty" in by_id["blank"].errors[0]


def test_csv_streams_quoted_multiline_fields(tmp_path):
    f = tmp_path / "rows.csv"
    rows = "".join(f'r{n},"Line one of {n}.\nLine two.",2019-02-03\n' for n in range(500))
    f.write_text("id,text,date\n" + rows)
    articles = list(read_inputs([str(f)]))
    assert len(articles) == 500
    assert articles[499].doc_id == "r499" and articles[499].body == "Line one of 499.\nLine two."
