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
