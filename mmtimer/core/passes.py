"""Which passes count: the rule for a pass and its void, and its messages, in one place.

Scoring (`scoring.score`), the score fold (`scoring.ScoreFold`) and the session fold
(`session.SessionFold`) all keep their passes in a `PassBook`, so they cannot disagree about
which pass counts or say it in different words.

The rule:

- A pass counts for its (section, line) if the stage has that section and line; otherwise it is
  ignored, with a message (``pass seq 4: ignored: the stage has no section 'PC9'``).
- A void names the seq of a pass; that pass no longer counts (it stays in the log). A void of
  a void, of another kind of event, of a seq the log does not hold (before it), or of a pass
  already void, is ignored, with a message saying why (press the line again to redo a line).
- Of several passes of one line that count, the last in the log counts: the navigator re-did
  the line (a message says so when results are asked for).
- A line whose only passes were voided is marked ``void`` (it scores as missed, noted void).
- An undo (FORMATS.md section 6) names the seq of an earlier pass, skip or section choice
  (``navigate``), sync or start press: that event no longer counts. The undo of a pass is its
  void (the same rule and the same ``void`` note); what an undo of another event changes is the
  folds' business (`undone_seqs` says which). An undo of an undo or a void, of another kind of
  event, of a seq the log does not hold before it, or of an event already undone (or void), is
  ignored with a message saying why.

Messages name the event by seq; the session fold puts the file and line (or ``seq N``) in
front of them.
"""

from __future__ import annotations

from collections.abc import Mapping

from mmtimer.core.events import UNDO_EVENT, UNDOABLE, Chrono, Event, Other, Pass, Sync, Void

Key = tuple[str, int]


def kind_of(event: Event) -> str:
    """An event's type as the log writes it (``pass``, ``void``, ``sync``, ``note``...)."""
    if isinstance(event, Other):
        return event.type
    if isinstance(event, Pass):
        return "pass"
    if isinstance(event, Void):
        return "void"
    if isinstance(event, Sync):
        return "sync"
    assert isinstance(event, Chrono)
    return "chrono"


def pass_problem(lines: Mapping[str, int], section: str, line: int) -> str | None:
    """Why a pass of `line` of `section` cannot count (`lines`: the stage's line count of each
    section), or None if it can."""
    count = lines.get(section)
    if count is None:
        return f"the stage has no section {section!r}"
    if not 1 <= line <= count:
        return f"{section} has lines 1 to {count}, not {line}"
    return None


def void_problem(ref: int, kind: str | None, already_void: bool) -> str | None:
    """Why a void of event `ref` (of type `kind`, None if the log holds no such event before
    the void) is ignored, or None if it voids a pass."""
    if kind is None:
        return f"there is no event {ref} before it"
    if kind == "void":
        return f"event {ref} is a void: a void cannot be undone; press the line again instead"
    if kind != "pass":
        return f"event {ref} is {_a(kind)}, not a pass: only passes can be voided"
    if already_void:
        return f"pass {ref} is already void"
    return None


def undo_problem(ref: int, seq: int, kind: str | None, cancelled: bool) -> str | None:
    """Why an undo (seq `seq`) of event `ref` (of type `kind`, None if unknown) is ignored, or
    None if it undoes it. `cancelled`: the event already no longer counts."""
    if kind is None or ref >= seq:
        return f"there is no event {ref} before it"
    if kind in (UNDO_EVENT, "void"):
        return f"event {ref} is {_a(kind)}, which cannot be undone: do the action again instead"
    if kind not in UNDOABLE:
        return (
            f"event {ref} is {_a(kind)}: only a pass, a skip, a section choice, a sync or a "
            "start press can be undone"
        )
    if cancelled:
        return f"{kind} {ref} is already {'void or undone' if kind == 'pass' else 'undone'}"
    return None


def _a(kind: str) -> str:
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def ignored(kind: str, seq: int, problem: str) -> str:
    """The message for an event the rule ignores: ``void seq 5: ignored: <why>``."""
    return f"{kind} seq {seq}: ignored: {problem}"


def redone_message(key: Key, count: int, last_seq: int) -> str:
    section, line = key
    return f"{section} line {line}: {count} passes, the last (seq {last_seq}) counts"


class PassBook:
    """The passes of a log, taken one event at a time, and which of them count.

    `note(seq, kind)` records every event's type (so a void can say what it named); `add_pass`
    and `add_void` apply the rule above and return the message of an event they ignore (also
    kept in `messages()`).

    `snapshot()` is a copy to carry on from, made in time in the stage's size, not the log's (a
    replay keeps one every few thousand events of a log of a million). What grows with the log
    is kept in structures that only ever gain entries, in log order, and that a snapshot shares
    with the book it came from: the maps by seq (`kinds`, `by_seq`, which pass or event was
    cancelled by which seq), each line's passes in the order taken, and the messages. Each book
    keeps only how far into each of them it has got (how many passes of each line, the last seq
    taken), so a snapshot may only take the events that followed it in the same log, in rising
    seq order (`add_pass` raises ValueError if it is given another pass where the shared record
    holds one). A book never copied (`score`, export, the live session) keeps everything to
    itself and may take events in any order.
    """

    __slots__ = (
        "_all",
        "_cancelled",
        "_latest",
        "_latest_known",
        "_messages",
        "_pass_messages",
        "_per_line",
        "_shared",
        "_taken",
        "_undone",
        "_void_messages",
        "by_seq",
        "kinds",
        "lines",
        "redone",
        "voided_keys",
    )

    def __init__(self, lines: Mapping[str, int]) -> None:
        self.lines = lines
        # -- shared with snapshots (only ever gain entries) --
        self.kinds: dict[int, str] = {}  # seq -> event type
        self.by_seq: dict[int, Pass] = {}  # passes that counted when taken
        self._all: dict[Key, list[Pass]] = {}  # each line's passes that counted when taken
        self._cancelled: dict[int, tuple[int, Pass | None]] = {}  # pass seq -> (void/undo seq,
        # the pass it took back); a pass counts again for a book that has not reached that seq
        self._undone: dict[int, int] = {}  # other event's seq -> the undo's seq
        self._messages: tuple[list[str], list[str]] = ([], [])  # void and undo; pass
        # -- this book's own (each copied by a snapshot, in the stage's size) --
        # each line's [how many of `_all[key]` this book has taken, how many of them count]
        self._per_line: dict[Key, list[int]] = {}
        self._void_messages = 0  # how many of `_messages[0]` are this book's
        self._pass_messages = 0
        self._taken = 0  # the highest seq taken
        self._shared = False  # True once a snapshot shares the structures above
        self.voided_keys: set[Key] = set()
        self.redone: set[Key] = set()  # lines with more than one counting pass
        # the latest counting pass, kept as passes come (worked out again after a void of it)
        self._latest: Pass | None = None
        self._latest_known = True

    def snapshot(self) -> PassBook:
        copy = PassBook.__new__(PassBook)
        self._shared = copy._shared = True
        copy.lines = self.lines
        copy.kinds = self.kinds
        copy.by_seq = self.by_seq
        copy._all = self._all
        copy._cancelled = self._cancelled
        copy._undone = self._undone
        copy._messages = self._messages
        copy._per_line = {key: counts.copy() for key, counts in self._per_line.items()}
        copy._void_messages = self._void_messages
        copy._pass_messages = self._pass_messages
        copy._taken = self._taken
        copy.voided_keys = self.voided_keys.copy()
        copy.redone = self.redone.copy()
        copy._latest = self._latest
        copy._latest_known = self._latest_known
        return copy

    # -- what this book has taken of the shared record ----------------------------------------
    def _take(self, seq: int, kind: str) -> None:
        kinds = self.kinds
        if self._shared:  # the record may hold it already (the book it was copied from)
            known = kinds.get(seq)
            if known is None:
                kinds[seq] = kind
            elif known != kind and seq > self._taken:
                raise ValueError(self._other_event(seq))
        else:
            kinds[seq] = kind
        self._taken = max(self._taken, seq)

    @staticmethod
    def _other_event(seq: int) -> str:
        return (
            f"seq {seq}: this book (or the one it was copied from) saw another event with this "
            "seq; a snapshot may only take the events that followed it"
        )

    def _add_message(self, which: int, message: str) -> None:
        shared = self._messages[which]
        taken = self._void_messages if which == 0 else self._pass_messages
        if taken == len(shared):
            shared.append(message)
        elif shared[taken] != message:  # pragma: no cover - a snapshot fed other events
            raise ValueError(f"{message}: a snapshot may only take the events that followed it")
        if which == 0:
            self._void_messages = taken + 1
        else:
            self._pass_messages = taken + 1

    def _limit(self, before: int | None) -> int:
        """The last seq whose cancellations this book sees: all it took, or, while it takes
        event `before` of a shared record, those before it (the record may already hold what
        `before` itself does, for the book it was copied from)."""
        return self._taken if before is None or not self._shared else before - 1

    def is_voided(self, seq: int, before: int | None = None) -> bool:
        """True when this book has taken a void or undo of pass `seq` (before event `before`)."""
        cancel = self._cancelled.get(seq)
        return cancel is not None and cancel[0] <= self._limit(before)

    def _counts(self, passed: Pass) -> bool:
        """Whether `passed`, taken by this book, still counts (it was not voided or undone)."""
        cancel = self._cancelled.get(passed.seq)
        return cancel is None or cancel[0] > self._taken or cancel[1] is not passed

    def is_undone(self, seq: int, before: int | None = None) -> bool:
        """True when this book has taken an undo of event `seq` (not a pass), before event
        `before`."""
        undo = self._undone.get(seq)
        return undo is not None and undo <= self._limit(before)

    def took_pass(self, seq: int) -> bool:
        """True when this book has taken pass `seq` and it counted when taken (a line the stage
        has)."""
        return seq <= self._taken and seq in self.by_seq

    @property
    def voided_seqs(self) -> set[int]:
        """The seqs of the passes voided or undone (a copy: tests and reports)."""
        return {seq for seq, cancel in self._cancelled.items() if cancel[0] <= self._taken}

    @property
    def undone_seqs(self) -> set[int]:
        """The seqs of other events undone (syncs, navigation, start presses)."""
        return {seq for seq, undo in self._undone.items() if undo <= self._taken}

    # -- taking events -----------------------------------------------------------------------
    def note(self, seq: int, kind: str) -> None:
        """Event `seq` is of type `kind` (what a void naming it is told)."""
        self._take(seq, kind)

    def add_pass(self, event: Pass) -> str | None:
        """Take a pass; the message if it is ignored (a section or line the stage lacks)."""
        seq = event.seq
        if self._shared:
            self._take(seq, "pass")
        else:  # the common case, inline (a log of a million passes)
            self.kinds[seq] = "pass"
            self._taken = max(self._taken, seq)
        section, line = event.section, event.line
        count = self.lines.get(section)
        if count is None or not 1 <= line <= count:
            problem = pass_problem(self.lines, section, line)
            assert problem is not None
            message = ignored("pass", seq, problem)
            self._add_message(1, message)
            return message
        key = (section, line)
        counts = self._per_line.get(key)
        if counts is None:
            counts = self._per_line[key] = [0, 0]
            passes = self._all.setdefault(key, [])
        else:
            passes = self._all[key]
        seen = counts[0]
        if seen == len(passes):
            passes.append(event)
            self.by_seq[seq] = event
        elif passes[seen] is not event and passes[seen] != event:
            raise ValueError(self._other_event(seq))
        counts[0] = seen + 1
        counts[1] += 1
        if counts[1] == 2:
            self.redone.add(key)
        latest = self._latest
        if self._latest_known and (latest is None or seq > latest.seq):
            self._latest = event
        else:  # a pass out of seq order (`score` of a hand-edited log): work it out when asked
            self._latest_known = False
        return None

    def void_problem(self, ref: int, seq: int | None = None) -> str | None:
        """Why a void of `ref` (with seq `seq`) would be ignored now, or None if it voids a
        pass."""
        return void_problem(ref, self.kinds.get(ref), self.is_voided(ref, seq))

    def add_void(self, event: Void) -> tuple[Pass | None, str | None]:
        """Take a void: (the pass it voided, if it counted; the message, if it is ignored)."""
        problem = self.void_problem(event.ref, event.seq)
        self._take(event.seq, "void")
        if problem is not None:
            message = ignored("void", event.seq, problem)
            self._add_message(0, message)
            return None, message
        return self._cancel_pass(event.ref, event.seq), None

    def _cancel_pass(self, ref: int, seq: int) -> Pass | None:
        """Pass `ref` no longer counts from `seq` on: the pass, if it counted."""
        target = self.by_seq.get(ref)
        cancel = self._cancelled.get(ref)
        if cancel is None:
            self._cancelled[ref] = (seq, target)
        elif cancel[0] != seq:  # pragma: no cover - a snapshot fed other events
            raise ValueError(self._other_event(seq))
        if target is None:  # a pass already ignored (a section or line the stage lacks)
            return None
        key = (target.section, target.line)
        self.voided_keys.add(key)
        counts = self._per_line[key]
        counts[1] -= 1
        if counts[1] < 2:
            self.redone.discard(key)
        if target is self._latest:
            self._latest_known = False
        return target

    def undo_problem(self, ref: int, seq: int) -> str | None:
        """Why an undo (seq `seq`) of `ref` would be ignored now, or None if it undoes it."""
        cancelled = self.is_voided(ref, seq) or self.is_undone(ref, seq)
        return undo_problem(ref, seq, self.kinds.get(ref), cancelled)

    def add_undo(self, seq: int, ref: int) -> tuple[str | None, Pass | None, str | None]:
        """Take an undo (seq `seq`) of event `ref`: (the type of the event it undid; the pass,
        if it undid a pass that counted; the message, if it is ignored)."""
        problem = self.undo_problem(ref, seq)
        self._take(seq, UNDO_EVENT)
        if problem is not None:
            message = ignored(UNDO_EVENT, seq, problem)
            self._add_message(0, message)
            return None, None, message
        kind = self.kinds[ref]
        if kind == "pass":
            return kind, self._cancel_pass(ref, seq), None
        self._undone.setdefault(ref, seq)
        return kind, None, None

    # -- what counts -------------------------------------------------------------------------
    def counting_pass(self, section: str, line: int) -> Pass | None:
        """The pass that counts for `line` of `section` (the last unvoided), or None."""
        return self._counting_of((section, line))

    def _counting_of(self, key: Key) -> Pass | None:
        taken = self._per_line.get(key)
        if taken is None or not taken[1]:
            return None
        passes = self._all[key]
        counts = self._counts
        for index in range(taken[0] - 1, -1, -1):
            if counts(passes[index]):
                return passes[index]
        return None  # pragma: no cover - `_per_line` says one counts

    def _second_counting(self, key: Key) -> Pass | None:
        """The second pass of `key` that counts (found from the first: voids are few)."""
        found = 0
        counts = self._counts
        passes = self._all[key]
        for index in range(self._per_line[key][0]):
            if counts(passes[index]):
                found += 1
                if found == 2:
                    return passes[index]
        return None  # pragma: no cover - `_per_line` says two count

    def counting_count(self, key: Key) -> int:
        """How many passes of `key` count (0 if none)."""
        taken = self._per_line.get(key)
        return 0 if taken is None else taken[1]

    def counting_keys(self) -> list[Key]:
        """The lines with a pass that counts, in the order each was first passed."""
        return [key for key, taken in self._per_line.items() if taken[1]]

    def counting_passes(self, key: Key) -> list[Pass]:
        """The passes of `key` that count, in log order (the last is the one that counts)."""
        passes = self._all.get(key, [])
        counts = self._counts
        taken = self._per_line.get(key)
        return [p for p in passes[: 0 if taken is None else taken[0]] if counts(p)]

    def last_pass(self) -> Pass | None:
        """The latest pass in the log that counts (of any line): the row just measured (kept as
        passes come; looked for among every line only after a void of it)."""
        if self._latest_known:
            return self._latest
        latest: Pass | None = None
        for key in self.counting_keys():
            counting = self._counting_of(key)
            if counting is not None and (latest is None or counting.seq > latest.seq):
                latest = counting
        self._latest, self._latest_known = latest, True
        return latest

    def chosen(self) -> dict[Key, Pass]:
        """The pass that counts for each line that has one."""
        chosen: dict[Key, Pass] = {}
        for key in self.counting_keys():
            counting = self._counting_of(key)
            if counting is not None:
                chosen[key] = counting
        return chosen

    def messages(self) -> list[str]:
        """What the rule ignored (voids first, then passes, each in log order), then each line
        re-done (in the order their second counting pass came)."""
        redone = []
        for key in self.redone:
            count = self.counting_count(key)
            second = self._second_counting(key) if count > 1 else None
            last = self._counting_of(key)
            if second is not None and last is not None:
                redone.append((second.seq, redone_message(key, count, last.seq)))
        redone.sort()
        voids, passes_ignored = self._messages
        return [
            *voids[: self._void_messages],
            *passes_ignored[: self._pass_messages],
            *(text for _, text in redone),
        ]
