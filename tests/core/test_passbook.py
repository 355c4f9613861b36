"""PassBook snapshots: a copy made in the stage's size, not the log's, sharing the book's record of
the log, answers as a book fed the whole log from the start, however far the book it came from
(or another sharing the record) has gone on."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Other, Pass, Sync, Void
from mmtimer.core.passes import PassBook, SeqCodes, kind_of
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import ScoreFold, score
from mmtimer.core.session import SessionFold
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from tests.core.test_scorefold import causal_log, items

S = 1_000_000_000
LINES = {"PC1": 3, "PC2": 2, "CO1": 1}
STAGE = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))


def take(book: PassBook, event: Event) -> None:
    """What the folds do with an event, for the book alone."""
    if isinstance(event, Pass):
        book.add_pass(event)
    elif isinstance(event, Void):
        book.add_void(event)
    elif isinstance(event, Other) and event.type == "undo":
        book.add_undo(event.seq, int(event.data["ref"]))
    else:
        book.note(event.seq, kind_of(event))


def answers(book: PassBook, seqs: range) -> tuple[object, ...]:
    """Everything a book answers."""
    keys = [(section, line) for section, count in LINES.items() for line in range(1, count + 2)]
    keys += [("X", 1)]
    return (
        book.chosen(),
        sorted(book.counting_keys()),
        {key: book.counting_passes(key) for key in keys},
        {key: book.counting_count(key) for key in keys},
        {key: book.counting_pass(*key) for key in keys},
        book.last_pass(),
        book.messages(),
        book.voided_seqs,
        book.undone_seqs,
        set(book.voided_keys),
        set(book.redone),
        [(seq, book.void_problem(seq), book.undo_problem(seq, seqs.stop)) for seq in seqs],
        [seq for seq in seqs if book.took_pass(seq)],
    )


events_of = st.lists(
    st.one_of(
        st.tuples(st.just("pass"), st.sampled_from([*LINES, "X"]), st.integers(0, 3)),
        st.tuples(st.just("pass"), st.just("PC1"), st.integers(1, 2)),
        st.tuples(st.just("void"), st.just(""), st.integers(0, 40)),
        st.tuples(st.just("undo"), st.just(""), st.integers(0, 40)),
        st.tuples(st.just("sync"), st.just(""), st.just(0)),
    ),
    max_size=40,
)


def log_of(drawn: list[tuple[str, str, int]]) -> list[Event]:
    out: list[Event] = []
    for seq, (kind, section, number) in enumerate(drawn, start=1):
        ref = number % seq if seq > 1 else 0
        if kind == "pass":
            out.append(Pass(seq, seq * S, section, number))
        elif kind == "void":
            out.append(Void(seq, ref))
        elif kind == "undo":
            out.append(Other(seq, "undo", {"ref": ref}, seq * S))
        else:
            out.append(Sync(seq, seq * S, 0))
    return out


@given(events_of, st.lists(st.integers(0, 40), max_size=5), st.booleans(), st.booleans())
@settings(max_examples=200, deadline=None)
def test_a_snapshot_at_any_event_answers_as_a_book_fed_from_the_start(
    drawn: list[tuple[str, str, int]], at: list[int], twin: bool, compact: bool
) -> None:
    """A compact book (the passes as integers) answers as a book of Pass objects too."""
    events = log_of(drawn)
    book = PassBook(LINES, compact=compact)
    other = book.snapshot() if twin else None  # a second book on the same record, as export's
    snapshots: list[tuple[int, PassBook]] = []
    for count in range(len(events) + 1):
        if count in at:
            snapshots.append((count, book.snapshot()))
        if count < len(events):
            take(book, events[count])
            if other is not None:
                take(other, events[count])
    # the book went on to the end: every snapshot still answers as of where it was taken, then
    # carries on, event by event, as a fresh book does
    for start, snap in snapshots:
        fresh = PassBook(LINES)
        for event in events[:start]:
            take(fresh, event)
        assert answers(snap, range(1, start + 1)) == answers(fresh, range(1, start + 1))
        for count in range(start, len(events)):
            take(snap, events[count])
            take(fresh, events[count])
            assert answers(snap, range(1, count + 2)) == answers(fresh, range(1, count + 2))
    if other is not None:
        assert answers(other, range(1, len(events) + 1)) == answers(book, range(1, len(events) + 1))


def test_a_snapshot_copies_no_pass_of_the_log() -> None:
    """Its memory is the stage's (a count per line), whatever the log's length: a replay of a
    million events keeps dozens of them."""
    book = PassBook(LINES)
    for seq in range(1, 20_001):
        book.add_pass(Pass(seq, seq * S, "PC1", 1 + seq % 3))
        if seq % 50 == 0:
            book.add_void(Void(seq + 20_000, seq))  # voids too (their seqs out of the way)
    tracemalloc.start()
    copy = book.snapshot()
    size = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size < 8_000, size  # a copy of the passes would be 160,000 bytes and more
    assert copy.chosen() == book.chosen() and copy.messages() == book.messages()


def test_a_score_fold_sharing_a_session_folds_record_scores_as_score_does() -> None:
    rules = load_rules("aci-2021")
    drawn = [("pass", "PC1", 1, 5 * S), ("pass", "PC1", 2, 20 * S), ("void", "", 2, 0)]
    drawn += [("pass", "PC1", 2, 21 * S), ("sync", "", 36_000_000, 0), ("undo", "", 3, S)]
    drawn += [("pass", "X", 1, 30 * S), ("pass", "PC1", 2, 22 * S), ("void", "", 9, 0)]
    events = causal_log(drawn, 0)
    session = SessionFold(STAGE, rules)
    fold = ScoreFold(STAGE, record=session.book)
    alone = SessionFold(STAGE, rules)
    for count, event in enumerate(events, start=1):
        fold.apply(event)
        session.apply(event)
        alone.apply(event)
        assert fold.result(rules, Crew()) == score(STAGE, rules, Crew(), events[:count])
        assert session.last_pass() == alone.last_pass()
        assert session.problems == alone.problems
        assert session.unvoided_passes() == alone.unvoided_passes()


@given(items, st.integers(0, 3), st.booleans())
@settings(max_examples=80, deadline=None)
def test_folds_sharing_one_record_answer_as_folds_alone(
    drawn: list[tuple[str, str, int, int]], gap: int, compact: bool
) -> None:
    """As export folds (compact: the passes as integers) and as a replay does."""
    rules = load_rules("aci-2021")
    events = causal_log(drawn, gap)
    session = SessionFold(STAGE, rules, compact=compact)
    fold = ScoreFold(STAGE, record=session.book)
    alone = SessionFold(STAGE, rules)
    for event in events:
        fold.apply(event)
        session.apply(event)
        alone.apply(event)
    assert fold.result(rules, Crew()) == score(STAGE, rules, Crew(), events)
    assert fold.result(rules, Crew(), live=True) == score(STAGE, rules, Crew(), events, live=True)
    assert session.problems == alone.problems
    assert session.last_pass() == alone.last_pass()
    assert session.armed == alone.armed


@given(
    st.lists(
        st.tuples(
            st.one_of(st.integers(-3, 300), st.integers(0, 2**53), st.integers(60_000, 70_000)),
            st.integers(-(2**31) + 1, 2**31 - 1),
        ),
        max_size=60,
    )
)
def test_seq_codes_answer_as_a_dict(puts: list[tuple[int, int]]) -> None:
    """Dense seqs in the array, far jumps and seqs below 1 aside: the same answers as a dict."""
    codes, expected = SeqCodes(), {}
    for seq, code in puts:
        codes.put(seq, code)
        expected[seq] = code
        for probe in {seq, seq + 1, seq - 1, 0, *expected}:
            assert codes.get(probe) == expected.get(probe)


def test_seq_codes_take_four_bytes_an_event() -> None:
    codes = SeqCodes()
    tracemalloc.start()
    for seq in range(1, 100_001):
        codes.put(seq, seq % 7 - 3)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert size < 500_000, size  # a dict of 100,000 entries is about 5 MB
    assert codes.get(99_999) == 99_999 % 7 - 3 and codes.get(100_001) is None


def test_a_compact_book_keeps_no_pass_object() -> None:
    """Export keeps no event: its book holds each pass as about 30 bytes of integers, where a
    book of Pass objects keeps each Pass and its two integers (about 150 bytes)."""
    sizes = {}
    for compact in (False, True):
        tracemalloc.start()
        book = PassBook(LINES, compact=compact)
        for seq in range(1, 20_001):  # made here and dropped: only what the book keeps stays
            book.add_pass(Pass(seq, seq * S + 10**12, "PC1", 1 + seq % 3))
        sizes[compact] = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        assert book.counting_pass("PC1", 2) == Pass(19_999, 19_999 * S + 10**12, "PC1", 2)
        assert book.pass_of(12_345) == Pass(12_345, 12_345 * S + 10**12, "PC1", 1)
        assert book.last_pass() == Pass(20_000, 20_000 * S + 10**12, "PC1", 3)
    assert sizes[True] < 40 * 20_000 < 100 * 20_000 < sizes[False], sizes
