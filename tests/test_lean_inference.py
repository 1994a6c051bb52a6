"""Lean chains give the stock networks' numbers and let each layer's arrays go."""
from __future__ import annotations

import weakref
from pathlib import Path

import numpy
import pytest
from thinc.api import Linear, Model, Relu, chain

from dyads import lean_inference
from dyads.parse import MODEL_PACKAGE

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def recording_layer(outputs: list, alive_counts: list) -> Model:
    """A layer whose gradient callback holds its output, as real layers' callbacks do. It
    keeps a weak reference to each output and notes, when called, how many outputs of the
    layers before its input's are still alive."""
    def forward(model, X, is_train):
        alive_counts.append(sum(ref() is not None for ref in outputs[:-1]))
        Y = X + 0.0
        outputs.append(weakref.ref(Y))
        return Y, lambda dY: dY * (Y > 0)

    return Model("record", forward)


@pytest.mark.parametrize("lean, expected", [(False, [0, 0, 1, 2]), (True, [0, 0, 0, 0])])
def test_a_lean_chain_frees_each_output_once_the_next_layer_has_read_it(lean, expected):
    outputs, alive_counts = [], []
    stack = chain(*(recording_layer(outputs, alive_counts) for _ in range(4)))
    if lean:
        assert lean_inference.make_lean(stack) == 1
    assert stack.predict(numpy.ones((3, 2), dtype="float32")).shape == (3, 2)
    assert alive_counts == expected


def test_lean_chains_compute_what_thinc_computes_and_still_train():
    X = numpy.random.default_rng(7).normal(size=(5, 4)).astype("float32")
    model = chain(Relu(nO=6, nI=4), Linear(nO=3, nI=6), Relu(nO=2, nI=3)).initialize()
    expected, backprop = model(X, is_train=True)
    assert lean_inference.make_lean(model) >= 1
    assert numpy.array_equal(model.predict(X), expected)
    trained, lean_backprop = model(X, is_train=True)  # a training pass keeps its gradients
    assert numpy.array_equal(lean_backprop(trained), backprop(expected))
    _, none = model(X, is_train=False)
    with pytest.raises(RuntimeError, match="inference only"):
        none(expected)


def test_making_lean_twice_changes_nothing_more():
    model = chain(Relu(nO=2, nI=2), Relu(nO=2, nI=2))
    assert lean_inference.make_lean(model) == 1
    assert lean_inference.make_lean(model) == 0


def test_the_loaded_model_parses_exactly_as_the_stock_model(nlp):
    """Every network output (the embeddings, tags, arcs, entities) equals the stock model's."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG

    stock = __import__(MODEL_PACKAGE).load()
    assert lean_inference.install(stock) > 0
    plain = __import__(MODEL_PACKAGE).load()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))][:6]
    attrs = [TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for lean_doc, plain_doc in zip(stock.pipe(texts, batch_size=4), plain.pipe(texts, batch_size=4)):
        assert numpy.array_equal(lean_doc.tensor, plain_doc.tensor)
        assert numpy.array_equal(lean_doc.to_array(attrs), plain_doc.to_array(attrs))
    assert lean_inference.install(nlp) == 0  # dyads' own model is lean already
