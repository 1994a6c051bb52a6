"""The pipeline's entity recogniser, decoded with array operations.

spaCy's NER reads each token once: at every step each unfinished article's state picks
one of its moves (B/I/L/U for 18 labels, U with no label, O) by the best score among the
moves valid there. Its networks are fast; its decoding loop is not: the state helpers
every validity test calls take and release Python's lock each time, dozens of times a
token, and that made NER the parse's slowest component (#17; 108 s of NER on 953 real
articles, 31 s here). This module runs the same model
and the same transition rules with numpy: the same features, sums in the same order,
maxout, output layer through the same BLAS routine and first-best valid move, so the
same entities (checked token for token on 953 real articles). With no entity open a
state's move depends on its token only, so those moves are scored for all tokens at
once, and only the tokens inside an entity are stepped. A batch that arrives with
entities already set (which bind the recogniser's moves) goes to spaCy's own decoder.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy

# Move kinds, in spaCy's BILUO order.
BEGIN, IN, LAST, UNIT, OUT = range(5)
KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


@dataclass(frozen=True)
class MoveTable:
    """The recogniser's moves as arrays: what kind each is, its label's index (-1 for no
    label), and which moves each kind of state may take."""
    kinds: numpy.ndarray      # (moves,) kind of each move
    labels: numpy.ndarray     # (moves,) label index of each move, -1 when none
    label_names: tuple[str, ...]
    valid: numpy.ndarray      # (4 + 2 * labels, moves) bool; see ``state_rows``


def move_table(names: list[str]) -> MoveTable | None:
    """The table for moves named as spaCy names them ("B-ORG", "U-", "O"); None when a
    move is of another kind."""
    if not all(name[:1] in KINDS for name in names):
        return None
    label_names = tuple(dict.fromkeys(n[2:] for n in names if len(n) > 2))
    index = {name: i for i, name in enumerate(label_names)}
    kinds = numpy.array([KINDS[n[0]] for n in names], dtype=numpy.int8)
    labels = numpy.array([index.get(n[2:], -1) for n in names], dtype=numpy.int32)
    valid = numpy.zeros((4 + 2 * len(label_names), len(names)), dtype=bool)
    labelled = labels >= 0
    for row, (may_begin, may_unit) in enumerate(((False, False), (False, True), (True, True))):
        valid[row] = (kinds == OUT) | (labelled & ((kinds == BEGIN) & may_begin
                                                   | (kinds == UNIT) & may_unit))
    for label in range(len(label_names)):  # rows 4 + 2 * label (+1: the entity may go on)
        own = labels == label
        valid[4 + 2 * label] = own & (kinds == LAST)
        valid[5 + 2 * label] = own & ((kinds == LAST) | (kinds == IN))
    return MoveTable(kinds, labels, label_names, valid)


def state_rows(open_label, may_go_on, is_space) -> numpy.ndarray:
    """Each state's row of ``MoveTable.valid``, by spaCy's rules when no entity is preset.
    With no entity open: O always; U unless the token is white space; B also unless the
    token is the last of its article or the next one starts a sentence. With an entity
    open: L of its label; I too when the entity may go on (B's condition on the next
    token)."""
    closed_row = numpy.where(is_space, 0, numpy.where(may_go_on, 2, 1))
    return numpy.where(open_label < 0, closed_row, 4 + 2 * open_label + may_go_on)


@dataclass(frozen=True)
class Networks:
    """The recogniser's three layers: embedding, precomputed hidden layer, output."""
    embed: object
    lower: object
    upper: object


def networks_of(recogniser) -> Networks | None:
    """The recogniser's layers, or None when its model is not the shape decoded here
    (greedy, three features, maxout hidden layer, an output layer, every move seen in
    training: spaCy scores unseen moves by its sub-batch's minimum score)."""
    model = recogniser.model
    if recogniser.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
        return None
    if len(model.layers) != 3 or getattr(recogniser, "postprocesses", None):
        return None
    embed, lower, upper = model.layers
    if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
        return None
    if model.attrs.get("unseen_classes"):
        return None
    return Networks(embed, lower, upper)


@dataclass(frozen=True)
class Batch:
    """The token facts of a batch's articles, end to end (token ``t`` of article ``d``
    at ``starts[d] + t``)."""
    starts: numpy.ndarray     # (docs,) first token of each article
    stops: numpy.ndarray      # (docs,) one past its last token
    may_go_on: numpy.ndarray  # (tokens,) an entity may run on past this token
    is_space: numpy.ndarray   # (tokens,)


def batch_of(docs) -> Batch:
    from spacy.attrs import IS_SPACE, SENT_START

    lengths = numpy.array([len(doc) for doc in docs], dtype=numpy.int64)
    stops = numpy.cumsum(lengths)
    arrays = [doc.to_array([SENT_START, IS_SPACE]) for doc in docs if len(doc)]
    facts = numpy.concatenate(arrays) if arrays else numpy.zeros((0, 2), dtype=numpy.int64)
    next_starts = numpy.append(facts[1:, 0] == 1, False)
    last = numpy.zeros(len(facts), dtype=bool)
    last[stops[lengths > 0] - 1] = True
    return Batch(stops - lengths, stops, ~(last | next_starts), facts[:, 1] == 1)


def decode(networks: Networks, table: MoveTable, docs) -> list[list[tuple[int, int, str]]]:
    """Each article's entities as (start token, end token, label), as spaCy's greedy
    recogniser finds them in articles with no entity preset."""
    batch = batch_of(docs)
    found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    if not len(batch.is_space):
        return found
    features = networks.lower.predict(networks.embed.predict(docs))
    for doc, start, end, label in _walk(networks, table, batch, features):
        first = int(batch.starts[doc])
        found[doc].append((int(start) - first, int(end) - first, table.label_names[label]))
    return found


def _walk(networks: Networks, table: MoveTable, batch: Batch, features):
    """Yield each entity as (article, start, end, label), tokens counted across the batch.

    A state with no entity open sees only its token (its other two features are the
    padding), so its move is fixed per token and computed for all tokens at once; the
    walk jumps from entity start to entity start and steps token by token only while
    an entity is open. Each pass moves every unfinished article one open-entity token on.
    """
    closed_kinds, closed_labels = _closed_moves(networks, table, batch, features)
    begins = numpy.flatnonzero(closed_kinds == BEGIN)
    units = numpy.flatnonzero(closed_kinds == UNIT)
    doc = numpy.flatnonzero(batch.stops > batch.starts)
    at, stop = batch.starts[doc].copy(), batch.stops[doc]
    label = numpy.full(len(doc), -1, dtype=numpy.int64)  # the open entity's label
    begun = numpy.zeros(len(doc), dtype=numpy.int64)  # where the open entity began
    while len(doc):
        closed = numpy.flatnonzero(label < 0)
        if len(closed):
            ahead = numpy.searchsorted(begins, at[closed])
            start = numpy.append(begins, numpy.iinfo(numpy.int64).max)[ahead]
            start = numpy.minimum(start, stop[closed])
            yield from _units_before(units, doc[closed], at[closed], start, closed_labels)
            at[closed], begun[closed] = start + 1, start
            going = numpy.ones(len(doc), dtype=bool)
            going[closed] = start < stop[closed]  # else the article has no entity left
            label[closed[going[closed]]] = closed_labels[start[going[closed]]]
            doc, at, stop, label, begun = (a[going] for a in (doc, at, stop, label, begun))
        if not len(doc):
            break
        lasts = _open_step(networks, table, batch, features, at, label, begun)
        for i in numpy.flatnonzero(lasts):
            yield doc[i], begun[i], at[i] + 1, label[i]
        label[lasts] = -1
        at += 1
        going = at < stop
        if not going.all():
            doc, at, stop, label, begun = (a[going] for a in (doc, at, stop, label, begun))


def _units_before(units, docs, starts, stops, labels):
    """The one-token entities each closed article reads on its way to ``stops``."""
    first, last = numpy.searchsorted(units, starts), numpy.searchsorted(units, stops)
    for i in numpy.flatnonzero(last > first):
        for token in units[first[i]:last[i]]:
            yield docs[i], token, token + 1, labels[token]


def _closed_moves(networks: Networks, table: MoveTable, batch: Batch, features):
    """Each token's move for a state with no entity open: its kind and label index."""
    summed = features[1:, 0] + features[0, 1]  # row 0 holds the padding
    summed += features[0, 2]
    summed += networks.lower.get_param("b")
    scores = _scores(networks, summed)
    no_entity = numpy.full(len(scores), -1)
    valid = table.valid[state_rows(no_entity, batch.may_go_on, batch.is_space)]
    moves = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
    return table.kinds[moves], table.labels[moves]


def _open_step(networks: Networks, table: MoveTable, batch: Batch, features,
               at, label, begun) -> numpy.ndarray:
    """Whether each open entity ends at its token ``at`` (else it goes on)."""
    summed = features[at + 1, 0] + features[begun + 1, 1]
    summed += features[at, 2]  # the token before, shifted by the padding row
    summed += networks.lower.get_param("b")
    scores = _scores(networks, summed)
    valid = table.valid[state_rows(label, batch.may_go_on[at], batch.is_space[at])]
    moves = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
    return table.kinds[moves] == LAST


def _scores(networks: Networks, summed) -> numpy.ndarray:
    """Move scores from summed hidden inputs (states, width, pieces): maxout, then the
    output layer through the same BLAS routine spaCy uses."""
    hidden = summed[..., 0].copy()  # the maxout, piece by piece (numpy's max over a
    for piece in range(1, summed.shape[2]):  # last axis of two is ten times slower)
        numpy.maximum(hidden, summed[..., piece], out=hidden)
    upper = networks.upper
    scores = upper.ops.gemm(hidden, upper.get_param("W"), trans2=True)
    scores += upper.get_param("b")
    return scores


class EntityDecoder:
    """Stands in for the pipeline's ``ner``: the same model and entities, decoded here.
    Everything else (labels, model, configuration) is the recogniser's own."""

    def __init__(self, recogniser, networks: Networks, table: MoveTable):
        self.recogniser = recogniser
        self.networks = networks
        self.table = table

    def __getattr__(self, name):
        if name.startswith("__") or name == "recogniser":  # copy and pickle probe these
            raise AttributeError(name)  # on an instance not yet filled in
        return getattr(self.recogniser, name)

    def __call__(self, doc):
        self.annotate([doc])
        return doc

    def pipe(self, docs, *, batch_size: int = 256):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self.annotate(batch)
            yield from batch

    def annotate(self, docs) -> None:
        """Set the entities of ``docs``; spaCy's recogniser does it when one of them
        arrives with entities set, since those bind its moves."""
        if any(doc.has_annotation("ENT_IOB") for doc in docs):
            self.recogniser.set_annotations(docs, self.recogniser.predict(docs))
            return
        from spacy.tokens import Span

        for doc, entities in zip(docs, decode(self.networks, self.table, docs)):
            spans = [Span(doc, start, end, label=label) for start, end, label in entities]
            doc.set_ents(spans, default="outside")  # as spaCy: every other token O


def install(nlp, name: str = "ner") -> bool:
    """Decode ``nlp``'s entity recogniser here; False (and the recogniser left as it is)
    when there is none or its model is not the shape decoded here."""
    if name not in nlp.pipe_names:
        return False
    recogniser = nlp.get_pipe(name)
    if isinstance(recogniser, EntityDecoder):
        return True
    networks = networks_of(recogniser)
    if networks is None:
        return False
    moves = recogniser.moves
    table = move_table([moves.get_class_name(i) for i in range(moves.n_moves)])
    if table is None:
        return False
    at = [n for n, _ in nlp._components].index(name)
    nlp._components[at] = (name, EntityDecoder(recogniser, networks, table))
    return True
