"""dyads: who did what to whom, when and where, from dated news text.

    >>> import dyads
    >>> coded = dyads.code("Russia and Ukraine held talks in Istanbul on Tuesday.", date="2022-03-31")
    >>> [e.cameo for e in coded.events]
"""
__version__ = "0.1.0"

__all__ = ["__version__", "code", "code_articles", "open", "read_inputs"]


def code(text: str, date: str | None = None, doc_id: str = "text", *, title=None, url=None,
         settings=None):
    """Code one article's text published on ``date`` (ISO); returns a CodedArticle."""
    from .ingest import make_article
    from .pipeline import code_article

    article = make_article(doc_id, text, date, title=title, url=url)
    return code_article(article, settings=settings)


def code_articles(articles, workers: int = 1, settings=None, **engine_options):
    """Code a stream of Articles (see ``read_inputs``), yielding CodedArticles in input order."""
    from .engines import run

    return run(articles, workers=workers, settings=settings, **engine_options)


def read_inputs(paths, date: str | None = None, input_format: str | None = None):
    """Articles from files, directories and ``-`` (stdin), per OUTPUT.md's input table;
    ``input_format`` (csv, jsonl, text, html) overrides what suffixes and contents tell."""
    from .ingest import read_inputs as _read

    return _read(paths, date=date, input_format=input_format)


def open(db, read_only: bool = True):  # noqa: A001 (the package's verb, as in dyads.open)
    """A store for reading from Python: ``dyads.open(db).events(cameo="19").to_pandas()``,
    ``.panel(unit="country", freq="month")`` (see ``dyads.store.results``)."""
    from .store.results import open_dataset

    return open_dataset(db, read_only=read_only)
