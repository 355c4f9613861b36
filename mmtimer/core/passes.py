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

import bisect
from array import array
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

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


_ABSENT = -(2**31)
_MAX_GAP = 1 << 16


def _seq_of(event: Pass) -> int:
    return event.seq


class _Line:
    """The passes of one line that counted when taken, in the order taken: either the Pass
    objects themselves (a replay or a live session holds every event anyway) or, for a compact
    book (export, which keeps no event), columns of machine integers (about 30 bytes a pass,
    where a Pass and its two integers are about 150) from which a Pass is made again when one is
    asked for."""

    __slots__ = ("objects", "seqs", "sources", "t_ns", "utcs")

    def __init__(self, compact: bool) -> None:
        self.objects: list[Pass] | None = None if compact else []
        self.seqs = array("q")  # compact only, as the three below
        self.t_ns = array("q")
        self.sources = array("i")  # index in the record's names of sources
        self.utcs: list[str | None] = []


class SeqCodes:
    """A map from seq to a small integer, 4 bytes an event: seqs rise by 1 in a log, so the codes
    sit in an array indexed by seq (a jump of more than 65,536, or a seq below 1, in a dict)."""

    __slots__ = ("_codes", "_far")

    def __init__(self) -> None:
        self._codes = array("i", (_ABSENT,))  # seq 0 is never a log's
        self._far: dict[int, int] = {}

    def get(self, seq: int) -> int | None:
        codes = self._codes
        if 0 <= seq < len(codes):
            code = codes[seq]
            if code != _ABSENT:
                return code
        return self._far.get(seq) if self._far else None

    def put(self, seq: int, code: int) -> None:
        codes = self._codes
        size = len(codes)
        if seq == size:
            codes.append(code)
        elif 0 <= seq < size:
            codes[seq] = code
            self._far.pop(seq, None)
        elif size < seq <= size + _MAX_GAP:
            codes.extend(array("i", (_ABSENT,)) * (seq - size))
            codes.append(code)
            self._far.pop(seq, None)
        else:
            self._far[seq] = code


class KeyFlags(AbstractSet[Key]):
    """A set of lines, as one byte a line of the stage (by the index of `keys`): a snapshot
    copies it in a memcpy."""

    __slots__ = ("_codes", "_flags", "_keys")

    def __init__(self, flags: bytearray, keys: list[Key], codes: dict[Key, int]) -> None:
        self._flags = flags
        self._keys = keys
        self._codes = codes

    def __contains__(self, key: object) -> bool:
        code = self._codes.get(key)  # type: ignore[call-overload]
        return code is not None and code < len(self._flags) and bool(self._flags[code])

    def __iter__(self) -> Iterator[Key]:
        flags, keys = self._flags, self._keys
        code = flags.find(1)
        while code >= 0:
            yield keys[code]
            code = flags.find(1, code + 1)

    def __len__(self) -> int:
        return self._flags.count(1)


class PassBook:
    """The passes of a log, taken one event at a time, and which of them count.

    `note(seq, kind)` records every event's type (so a void can say what it named); `add_pass`
    and `add_void` apply the rule above and return the message of an event they ignore (also
    kept in `messages()`).

    `snapshot()` is a copy to carry on from, made in time in the stage's size, not the log's (a
    replay keeps one every few thousand events of a log of a million). What grows with the log
    is kept in structures that only ever gain entries, in log order, and that a snapshot shares
    with the book it came from: what each seq is (its type, or the line of a pass that counted:
    4 bytes an event, `SeqCodes`), which pass or event was cancelled by which seq, each line's
    passes in the order taken, and the messages. Each book
    keeps only how far into each of them it has got (how many passes of each line, the last seq
    taken), so a snapshot may only take the events that followed it in the same log, in rising
    seq order (`add_pass` raises ValueError if it is given another pass where the shared record
    holds one). A book never copied (`score`, export, the live session) keeps everything to
    itself and may take events in any order.
    """

    __slots__ = (
        "_cancelled",
        "_codes",
        "_compact",
        "_key_codes",
        "_keys",
        "_latest",
        "_latest_known",
        "_line_passes",
        "_live_n",
        "_messages",
        "_name_codes",
        "_names",
        "_pass_messages",
        "_redone",
        "_shared",
        "_source_codes",
        "_sources",
        "_taken",
        "_taken_n",
        "_undone",
        "_void_messages",
        "_voided_keys",
        "lines",
    )

    def __init__(self, lines: Mapping[str, int], *, compact: bool = False) -> None:
        """`compact`: keep the passes as columns of integers, not as Pass objects (for a caller
        that keeps no event: export)."""
        self.lines = lines
        self._compact = compact
        # -- shared with snapshots (only ever gain entries) --
        # seq -> its event type (-1 - index in `_names`), or for a pass that counted when taken
        # its line (index in `_keys`; the pass is found in `_line_passes` by its seq)
        self._codes = SeqCodes()
        self._names: list[str] = []
        self._name_codes: dict[str, int] = {}
        self._keys: list[Key] = []
        self._key_codes: dict[Key, int] = {}
        self._line_passes: list[_Line] = []  # by line: its passes that counted when taken
        self._sources: list[str] = []
        self._source_codes: dict[str, int] = {}
        # pass seq -> (void/undo seq, the line and index in it of the pass it took back, or -1
        # and -1 for a pass ignored); a pass counts again for a book that has not reached it
        self._cancelled: dict[int, tuple[int, int, int]] = {}
        self._undone: dict[int, int] = {}  # other event's seq -> the undo's seq
        self._messages: tuple[list[str], list[str]] = ([], [])  # void and undo; pass
        # -- this book's own (each copied by a snapshot, in the stage's size) --
        # by line (index in `_keys`): how many of its passes this book has taken, and how many
        # of them count (machine integers: a snapshot copies 8 bytes a line)
        self._taken_n = array("i")
        self._live_n = array("i")
        self._void_messages = 0  # how many of `_messages[0]` are this book's
        self._pass_messages = 0
        self._taken = 0  # the highest seq taken
        self._shared = False  # True once a snapshot shares the structures above
        self._voided_keys = bytearray()  # by line: a pass of it was voided or undone
        self._redone = bytearray()  # by line: more than one of its passes count
        # the latest counting pass, kept as passes come (worked out again after a void of it)
        self._latest: Pass | None = None
        self._latest_known = True

    def snapshot(self) -> PassBook:
        copy = PassBook.__new__(PassBook)
        self._shared = copy._shared = True
        copy.lines = self.lines
        copy._codes = self._codes
        copy._names = self._names
        copy._name_codes = self._name_codes
        copy._keys = self._keys
        copy._key_codes = self._key_codes
        copy._line_passes = self._line_passes
        copy._compact = self._compact
        copy._sources = self._sources
        copy._source_codes = self._source_codes
        copy._cancelled = self._cancelled
        copy._undone = self._undone
        copy._messages = self._messages
        copy._taken_n = array("i", self._taken_n)
        copy._live_n = array("i", self._live_n)
        copy._void_messages = self._void_messages
        copy._pass_messages = self._pass_messages
        copy._taken = self._taken
        copy._voided_keys = self._voided_keys.copy()
        copy._redone = self._redone.copy()
        copy._latest = self._latest
        copy._latest_known = self._latest_known
        return copy

    # -- what this book has taken of the shared record ----------------------------------------
    def _name_code(self, kind: str) -> int:
        code = self._name_codes.get(kind)
        if code is None:
            self._names.append(kind)
            code = self._name_codes[kind] = -len(self._names)
        return code

    def _take(self, seq: int, kind: str) -> None:
        code = self._name_codes.get(kind)
        self._put(seq, self._name_code(kind) if code is None else code)

    def _put(self, seq: int, code: int) -> None:
        codes = self._codes
        dense = codes._codes
        if not codes._far:  # the common cases first: the next seq, or one the record holds
            size = len(dense)
            if seq == size or (0 <= seq < size and dense[seq] == code):
                if seq == size:
                    dense.append(code)
                self._taken = seq if seq > self._taken else self._taken
                return
        if self._shared:  # the record may hold it already (the book it was copied from)
            known = codes.get(seq)
            if known is None:
                codes.put(seq, code)
            elif known != code and seq > self._taken:
                raise ValueError(self._other_event(seq))
        else:
            codes.put(seq, code)
        self._taken = max(self._taken, seq)

    def kind(self, seq: int) -> str | None:
        """The type of event `seq` (None if no event has it)."""
        code = self._codes.get(seq)
        if code is None:
            return None
        return "pass" if code >= 0 else self._names[-1 - code]

    def pass_of(self, seq: int) -> Pass | None:
        """The pass `seq`, if it counted when taken (a line the stage has)."""
        code = self._codes.get(seq)
        if code is None or code < 0:
            return None
        index = self._index_of(code, seq)
        return None if index < 0 else self._pass_at(code, index)

    def _index_of(self, code: int, seq: int) -> int:
        """Where pass `seq` is among the passes of line `code` (the last, if several have it)."""
        passes = self._line_passes[code]
        objects = passes.objects
        if objects is not None:
            index = bisect.bisect_right(objects, seq, key=_seq_of) - 1
            if index >= 0 and objects[index].seq == seq:
                return index
            seqs: Sequence[int] = [p.seq for p in objects]  # pragma: no cover - see below
        else:
            seqs = passes.seqs
            index = bisect.bisect_right(seqs, seq) - 1
            if index >= 0 and seqs[index] == seq:
                return index
        for index in range(len(seqs) - 1, -1, -1):  # pragma: no cover - taken out of seq order
            if seqs[index] == seq:
                return index
        return -1  # pragma: no cover

    def _pass_at(self, code: int, index: int) -> Pass:
        """The pass at `index` of line `code`, made again from its columns."""
        passes = self._line_passes[code]
        if passes.objects is not None:
            return passes.objects[index]
        section, line = self._keys[code]
        return Pass(
            passes.seqs[index],
            passes.t_ns[index],
            section,
            line,
            passes.utcs[index],
            self._sources[passes.sources[index]],
        )

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

    def _counts(self, code: int, index: int) -> bool:
        """Whether pass `index` of line `code`, taken by this book, still counts (it was not
        voided or undone)."""
        passes = self._line_passes[code]
        objects = passes.objects
        seq = objects[index].seq if objects is not None else passes.seqs[index]
        cancel = self._cancelled.get(seq)
        return cancel is None or cancel[0] > self._taken or cancel[2] != index or cancel[1] != code

    def is_undone(self, seq: int, before: int | None = None) -> bool:
        """True when this book has taken an undo of event `seq` (not a pass), before event
        `before`."""
        undo = self._undone.get(seq)
        return undo is not None and undo <= self._limit(before)

    def took_pass(self, seq: int) -> bool:
        """True when this book has taken pass `seq` and it counted when taken (a line the stage
        has)."""
        code = self._codes.get(seq)
        return seq <= self._taken and code is not None and code >= 0

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
        code = self._name_codes.get(kind)
        self._put(seq, self._name_code(kind) if code is None else code)

    def add_pass(self, event: Pass) -> str | None:
        """Take a pass; the message if it is ignored (a section or line the stage lacks)."""
        seq = event.seq
        section, line = event.section, event.line
        count = self.lines.get(section)
        if count is None or not 1 <= line <= count:
            self._take(seq, "pass")
            problem = pass_problem(self.lines, section, line)
            assert problem is not None
            message = ignored("pass", seq, problem)
            self._add_message(1, message)
            return message
        key = (section, line)
        code = self._key_codes.get(key)
        if code is None:  # a line first passed
            code = len(self._keys)
            self._keys.append(key)
            self._key_codes[key] = code
            self._line_passes.append(_Line(self._compact))
        taken_n, live_n = self._taken_n, self._live_n
        if code >= len(taken_n):
            more = array("i", (0,)) * (code + 1 - len(taken_n))
            taken_n.extend(more)
            live_n.extend(more)
            flags = bytes(len(more))
            self._voided_keys.extend(flags)
            self._redone.extend(flags)
        passes = self._line_passes[code]
        seen = taken_n[code]
        objects = passes.objects
        if objects is not None:
            if seen == len(objects):
                objects.append(event)
            elif objects[seen] is not event and objects[seen] != event:
                raise ValueError(self._other_event(seq))
        elif seen == len(passes.seqs):  # compact: the pass as integers (inline: a million)
            source = event.source
            source_code = self._source_codes.get(source)
            if source_code is None:
                source_code = self._source_codes[source] = len(self._sources)
                self._sources.append(source)
            passes.seqs.append(seq)
            passes.t_ns.append(event.t_ns)
            passes.sources.append(source_code)
            passes.utcs.append(event.utc)
        elif passes.seqs[seen] != seq or passes.t_ns[seen] != event.t_ns:
            raise ValueError(self._other_event(seq))
        self._put(seq, code)
        taken_n[code] = seen + 1
        live = live_n[code] + 1
        live_n[code] = live
        if live == 2:
            self._redone[code] = 1
        latest = self._latest
        if self._latest_known and (latest is None or seq > latest.seq):
            self._latest = event
        else:  # a pass out of seq order (`score` of a hand-edited log): work it out when asked
            self._latest_known = False
        return None

    def void_problem(self, ref: int, seq: int | None = None) -> str | None:
        """Why a void of `ref` (with seq `seq`) would be ignored now, or None if it voids a
        pass."""
        return void_problem(ref, self.kind(ref), self.is_voided(ref, seq))

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
        code = self._codes.get(ref)
        index = -1 if code is None or code < 0 else self._index_of(code, ref)
        if index < 0:
            code = -1
        cancel = self._cancelled.get(ref)
        if cancel is None:
            self._cancelled[ref] = (seq, -1 if code is None else code, index)
        elif cancel[0] != seq:  # pragma: no cover - a snapshot fed other events
            raise ValueError(self._other_event(seq))
        if code is None or index < 0:  # a pass ignored (a section or line the stage lacks)
            return None
        target = self._pass_at(code, index)
        self._voided_keys[code] = 1
        self._live_n[code] -= 1
        if self._live_n[code] < 2:
            self._redone[code] = 0
        if target == self._latest:
            self._latest_known = False
        return target

    def undo_problem(self, ref: int, seq: int) -> str | None:
        """Why an undo (seq `seq`) of `ref` would be ignored now, or None if it undoes it."""
        cancelled = self.is_voided(ref, seq) or self.is_undone(ref, seq)
        return undo_problem(ref, seq, self.kind(ref), cancelled)

    def add_undo(self, seq: int, ref: int) -> tuple[str | None, Pass | None, str | None]:
        """Take an undo (seq `seq`) of event `ref`: (the type of the event it undid; the pass,
        if it undid a pass that counted; the message, if it is ignored)."""
        problem = self.undo_problem(ref, seq)
        self._take(seq, UNDO_EVENT)
        if problem is not None:
            message = ignored(UNDO_EVENT, seq, problem)
            self._add_message(0, message)
            return None, None, message
        kind = self.kind(ref)
        assert kind is not None  # else a problem above
        if kind == "pass":
            return kind, self._cancel_pass(ref, seq), None
        self._undone.setdefault(ref, seq)
        return kind, None, None

    # -- what counts -------------------------------------------------------------------------
    @property
    def voided_keys(self) -> KeyFlags:
        """The lines a pass of which was voided or undone (marked void when none counts)."""
        return KeyFlags(self._voided_keys, self._keys, self._key_codes)

    @property
    def redone(self) -> KeyFlags:
        """The lines more than one pass of which count (re-done: the last counts)."""
        return KeyFlags(self._redone, self._keys, self._key_codes)

    def counting_pass(self, section: str, line: int) -> Pass | None:
        """The pass that counts for `line` of `section` (the last unvoided), or None."""
        return self._counting_of((section, line))

    def _code_of(self, key: Key) -> int | None:
        """The index of line `key` among this book's counts (None if it took none of it)."""
        code = self._key_codes.get(key)
        return code if code is not None and code < len(self._taken_n) else None

    def _counting_of(self, key: Key) -> Pass | None:
        code = self._code_of(key)
        if code is None or not self._live_n[code]:
            return None
        counts = self._counts
        for index in range(self._taken_n[code] - 1, -1, -1):
            if counts(code, index):
                return self._pass_at(code, index)
        return None  # pragma: no cover - `_live_n` says one counts

    def _second_counting(self, key: Key) -> Pass | None:
        """The second pass of `key` that counts (found from the first: voids are few)."""
        found = 0
        counts = self._counts
        code = self._key_codes[key]
        for index in range(self._taken_n[code]):
            if counts(code, index):
                found += 1
                if found == 2:
                    return self._pass_at(code, index)
        return None  # pragma: no cover - `_live_n` says two count

    def counting_count(self, key: Key) -> int:
        """How many passes of `key` count (0 if none)."""
        code = self._code_of(key)
        return 0 if code is None else self._live_n[code]

    def counting_keys(self) -> list[Key]:
        """The lines with a pass that counts, in the order each was first passed."""
        keys = self._keys
        return [keys[code] for code, live in enumerate(self._live_n) if live]

    def counting_passes(self, key: Key) -> list[Pass]:
        """The passes of `key` that count, in log order (the last is the one that counts)."""
        code = self._code_of(key)
        if code is None:
            return []
        counts, made = self._counts, self._pass_at
        return [made(code, i) for i in range(self._taken_n[code]) if counts(code, i)]

    def counting_seqs(self) -> list[int]:
        """The seqs of every pass that counts, in seq order."""
        return sorted(p.seq for key in self.counting_keys() for p in self.counting_passes(key))

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
        for key in self.redone:  # found at C speed: a stage may have 20,000 lines
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
