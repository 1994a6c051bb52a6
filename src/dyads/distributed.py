"""The Dask engine: partitions of the input coded on Dask workers, results streamed back.

    dyads code corpus.jsonl --scheduler tcp://HOST:8786 --parquet-out out/ --out events.jsonl
    dyads code corpus.jsonl --scheduler local          # a LocalCluster on this machine

The client reads the input as a stream and submits partitions of ``partition_size``
articles, keeping at most ``in_flight`` partitions queued on the cluster (bounded memory on
both sides). Every worker loads the model once, through a worker plugin (also on workers
that join later). Results come back in input order; with ``parquet_out`` each worker also
writes its partition as ``part-NNNNNNNN.parquet`` in the store's docs layout (doc_id,
doc_json), so ``dyads load DIR --db X`` stores them in input order. On a multi-node
cluster ``parquet_out`` must be a path every worker can write to (a shared file system).
"""
from __future__ import annotations

import logging
import traceback
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from .engine_registry import chunks as _chunks
from .engine_registry import default_workers, register
from .pipeline import Resources, Settings, code_articles, failed, load_resources
from .records import Article, CodedArticle

PLUGIN_NAME = "dyads-model"
DEFAULT_PARTITION = 64  # articles per task: seconds of work, small next to Dask's overhead


class SchedulerUnreachable(RuntimeError):
    """The Dask scheduler could not be reached."""


class ModelPlugin:
    """Worker plugin: loads dyads' resources once per worker, before its first task."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings | None = None,
                 loader: Callable[[], Resources] = load_resources):
        self.settings = settings
        self.loader = loader
        self.resources: Resources | None = None

    def setup(self, worker) -> None:
        self.resources = self.loader()

    def teardown(self, worker) -> None:
        self.resources = None

    def __getstate__(self) -> dict:  # ship settings and loader, never a loaded model
        return {"settings": self.settings, "loader": self.loader, "resources": None}


def _worker_plugin():
    from distributed import WorkerPlugin

    # a subclass built at run time keeps ``distributed`` an import of this engine only
    return type("DyadsModelPlugin", (ModelPlugin, WorkerPlugin), {})


def partition_path(folder: str | Path, index: int) -> Path:
    return Path(folder) / f"part-{index:08d}.parquet"


def docs_records(coded: list[CodedArticle]) -> list[dict]:
    """Docs records with the body, as the store ingests them."""
    return [dict(c.to_dict(), body=c.article.body) for c in coded]


def code_partition(articles: list[Article], index: int,
                   parquet_out: str | None) -> list[CodedArticle]:
    """Runs on a Dask worker: code one partition with the plugin's model."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    coded = list(code_articles(articles, plugin.resources, plugin.settings))
    if parquet_out:
        from .store.write import docs_to_parquet

        docs_to_parquet(docs_records(coded), partition_path(parquet_out, index))
    return coded


@register("dask")
def run_dask(articles: Iterable[Article], scheduler: str, settings: Settings | None = None,
             parquet_out: str | None = None, partition_size: int = DEFAULT_PARTITION,
             in_flight: int | None = None, loader: Callable[[], Resources] = load_resources,
             workers: int | None = None) -> Iterator[CodedArticle]:
    """Code ``articles`` on a Dask cluster (``scheduler``: tcp://HOST:8786 or "local")."""
    with ExitStack() as stack:
        client = stack.enter_context(connect(scheduler, workers))
        plugin = _worker_plugin()(settings, loader)
        client.register_plugin(plugin, name=PLUGIN_NAME)
        if parquet_out:
            Path(parquet_out).mkdir(parents=True, exist_ok=True)
        limit = in_flight or 2 * max(1, _total_threads(client))
        yield from _stream(client, articles, partition_size, limit, parquet_out)


def connect(scheduler: str, workers: int | None = None):
    """A Client for ``scheduler``; "local" starts a LocalCluster of single-threaded processes."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
        return _closing(client, cluster)
    try:
        return _closing(Client(scheduler, timeout="30s"), None)
    except (OSError, TimeoutError) as err:
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {scheduler}: start one with "
            "`dask scheduler` (and `dask worker ADDRESS` on each node), or use "
            "--scheduler local") from err


class _closing:
    """Close the client, then the LocalCluster it runs on (if this engine started one)."""

    def __init__(self, client, cluster):
        self.client, self.cluster = client, cluster

    def __enter__(self):
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _total_threads(client) -> int:
    client.wait_for_workers(1, timeout="120s")
    return sum(client.nthreads().values())


def _stream(client, articles, partition_size: int, limit: int,
            parquet_out: str | None) -> Iterator[CodedArticle]:
    """Submit partitions with at most ``limit`` outstanding; yield results in input order."""
    pending: deque = deque()
    run_id = uuid.uuid4().hex[:12]  # task keys unique per run on a shared cluster
    for index, part in enumerate(_chunks(articles, partition_size)):
        future = client.submit(code_partition, part, index, parquet_out, pure=False,
                               key=f"dyads-{run_id}-{index}")
        pending.append((index, part, future))
        if len(pending) >= limit:
            yield from _collect(client, *pending.popleft(), parquet_out)
    while pending:
        yield from _collect(client, *pending.popleft(), parquet_out)


def _collect(client, index: int, part: list[Article], future,
             parquet_out: str | None) -> list[CodedArticle]:
    try:
        coded = future.result()
    except Exception:  # the partition killed its workers (KilledWorker) or could not run
        coded = [_code_alone(client, article, index, parquet_out) for article in part]
        if parquet_out:
            from .store.write import docs_to_parquet

            docs_to_parquet(docs_records(coded), partition_path(parquet_out, index))
    finally:
        future.release()
    return coded


def _code_alone(client, article: Article, index: int, parquet_out: str | None) -> CodedArticle:
    """Code one article of a failed partition; if it fails again, report it in ``errors``."""
    future = client.submit(code_partition, [article], index, None, pure=False)
    try:
        return future.result()[0]
    except Exception as err:
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        return failed(article, f"the Dask task coding this article failed: {detail}")
    finally:
        future.release()
