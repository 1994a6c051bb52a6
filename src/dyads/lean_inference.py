"""Network layers run in sequence without keeping what only training needs.

Thinc's ``chain`` keeps each layer's backpropagation callback, and with it every
intermediate array, until the last layer returns, and the parser and NER hold the callback
of their embedding network for the whole batch. dyads never trains, so for a 2,900-token
article the embedding networks peaked 45 MB above their output, each (#17). Here a chain
asked for an inference pass runs its layers one by one and lets each one's arrays go as
soon as the next layer has read them: the same operations on the same arrays, so the same
numbers, at under a third of the peak (45 -> 13 MB). A training pass runs thinc's own
chain unchanged.
"""
from __future__ import annotations

import functools
import importlib


def install(nlp) -> int:
    """Make every chain in the models of ``nlp``'s components lean; how many were."""
    from thinc.model import Model

    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            changed += make_lean(model)
    return changed


def make_lean(model) -> int:
    """Make the chains in ``model``'s tree lean (once: a second call changes nothing)."""
    changed = 0
    for node in model.walk():
        if node._func is _chain_forward():
            node._func = _lean_chain_forward
            changed += 1
    return changed


def _lean_chain_forward(model, X, is_train: bool):
    if is_train:  # a training pass needs every callback: thinc's own chain
        return _chain_forward()(model, X, is_train)
    for layer in model.layers:
        X = layer.predict(X)  # the previous layer's output is freed here
    return X, _no_backprop


def _no_backprop(_gradient):
    raise RuntimeError("this pass ran for inference only and kept no gradients; "
                       "call the model with is_train=True to train it")


@functools.cache  # looked up once: every chain's every pass compares against it
def _chain_forward():
    """thinc's own chain forward, read from its module (as an attribute of
    ``thinc.layers``, ``chain`` is the function that builds a chain)."""
    return importlib.import_module("thinc.layers.chain").forward
