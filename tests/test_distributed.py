"""The Dask engine on a real LocalCluster: same docs as in-process, Parquet the store loads."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_throughput_corpus.py"),
                    str(out), "--size-mb", "0.025"], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None, silence_logs=logging.ERROR) as started:
        yield started


@pytest.fixture(scope="module")
def single_process_docs(corpus, resources):
    from dyads.ingest import read_inputs
    from dyads.pipeline import code_articles

    return [c.to_dict() for c in code_articles(read_inputs([str(corpus)]), resources)]


@pytest.fixture(scope="module")
def dask_run(corpus, cluster, tmp_path_factory):
    """The library engine against the cluster's address, in partitions of 4 articles."""
    from dyads.engines import run
    from dyads.ingest import read_inputs

    parquet = tmp_path_factory.mktemp("dask") / "parquet"
    coded = run(read_inputs([str(corpus)]), scheduler=cluster.scheduler_address,
                parquet_out=str(parquet), partition_size=4)
    return [c.to_dict() for c in coded], parquet


def test_dask_output_is_identical_to_the_single_process_run(dask_run, single_process_docs):
    docs, _ = dask_run
    assert len(docs) == len(single_process_docs) > 8
    assert sum(len(d["events"]) for d in docs) > 0
    assert docs == single_process_docs


def test_parquet_partitions_hold_the_docs_in_input_order(dask_run, single_process_docs):
    from dyads.store.write import read_docs_parquet

    _, parquet = dask_run
    parts = sorted(p.name for p in parquet.glob("*.parquet"))
    assert len(parts) == -(-len(single_process_docs) // 4)
    assert parts[0] == "part-00000000.parquet"
    stored = list(read_docs_parquet(parquet))
    assert all(d.pop("body") for d in stored)
    assert stored == single_process_docs


def test_cli_streams_dask_results_and_dyads_load_stores_its_parquet(
        corpus, cluster, single_process_docs, tmp_path):
    from dyads.cli import main
    from dyads.store import Store

    out, parquet, db = tmp_path / "docs.jsonl", tmp_path / "parquet", tmp_path / "x.duckdb"
    assert main(["code", str(corpus), "--scheduler", cluster.scheduler_address,
                 "--parquet-out", str(parquet), "--format", "docs", "--out", str(out),
                 "--quiet"]) == 0
    assert [json.loads(line) for line in out.read_text().splitlines()] == single_process_docs
    assert main(["load", str(parquet), "--db", str(db)]) == 0
    with Store.open(db, read_only=True) as store:
        stats = store.stats()
    assert stats["articles"] == len(single_process_docs)
    assert stats["mentions"] == sum(len(d["events"]) for d in single_process_docs)
