"""The example notebook runs: its code cells, in order, in one namespace (as a kernel
would run them), from the repository root, down to the plot (matplotlib is a test
dependency, so the plot cell draws rather than printing its fallback table)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "docs" / "examples" / "panel.ipynb"

pytestmark = pytest.mark.slow


def _code_cells() -> list[str]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebook_cells_have_no_stored_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_notebook_runs_from_code_to_panel(monkeypatch):
    monkeypatch.chdir(REPO / "docs" / "examples")
    monkeypatch.setenv("MPLBACKEND", "Agg")  # draw off screen
    scope: dict = {"__name__": "__main__"}
    for n, source in enumerate(_code_cells()):
        exec(compile(source, f"panel.ipynb cell {n}", "exec"), scope)
    panel, table = scope["panel"], scope["table"]
    assert len(scope["coded"]) == len(list((REPO / "examples" / "articles").rglob("*.*")))
    years = panel.groupby("country")["period"].nunique()
    assert years.nunique() == 1 and years.iloc[0] >= 2  # every country, every year
    assert (panel["events"] == 0).any()  # zero-filled
    assert int(panel["events_as_source"].sum()) > 100
    assert table.shape[1] == 5 and table.shape[0] == years.iloc[0]
    # the plot step drew one bar per country and year, with years on the axis
    ax = scope["ax"]
    assert len(ax.patches) == table.size
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(p)[:4] for p in table.index]
    import matplotlib.pyplot as plt

    plt.close("all")
