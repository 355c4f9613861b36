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
    kept in `messages()`). `snapshot()` is a copy to carry on from: it shares the maps by seq
    (`kinds`, `by_seq`), which only ever gain entries, so a snapshot may only take the events
    that followed it in the same log.
    """

    __slots__ = (
        "_latest",
        "_latest_known",
        "by_seq",
        "counting",
        "kinds",
        "lines",
        "pass_messages",
        "redone",
        "undone_seqs",
        "void_messages",
        "voided_keys",
        "voided_seqs",
    )

    def __init__(self, lines: Mapping[str, int]) -> None:
        self.lines = lines
        self.kinds: dict[int, str] = {}  # seq -> event type (shared with snapshots)
        self.by_seq: dict[int, Pass] = {}  # passes that counted when taken (shared)
        self.counting: dict[Key, list[Pass]] = {}  # unvoided, in log order
        self.voided_seqs: set[int] = set()  # passes voided or undone
        self.undone_seqs: set[int] = set()  # other events undone (syncs, navigation, starts)
        self.voided_keys: set[Key] = set()
        self.void_messages: list[str] = []
        self.pass_messages: list[str] = []
        self.redone: set[Key] = set()  # lines with more than one counting pass
        # the latest counting pass, kept as passes come (worked out again after a void of it)
        self._latest: Pass | None = None
        self._latest_known = True

    def snapshot(self) -> PassBook:
        copy = PassBook.__new__(PassBook)
        copy.lines = self.lines
        copy.kinds = self.kinds
        copy.by_seq = self.by_seq
        copy.counting = {key: passes.copy() for key, passes in self.counting.items()}
        copy.voided_seqs = self.voided_seqs.copy()
        copy.undone_seqs = self.undone_seqs.copy()
        copy.voided_keys = self.voided_keys.copy()
        copy.void_messages = self.void_messages.copy()
        copy.pass_messages = self.pass_messages.copy()
        copy.redone = self.redone.copy()
        copy._latest = self._latest
        copy._latest_known = self._latest_known
        return copy

    # -- taking events -----------------------------------------------------------------------
    def note(self, seq: int, kind: str) -> None:
        """Event `seq` is of type `kind` (what a void naming it is told)."""
        self.kinds[seq] = kind

    def add_pass(self, event: Pass) -> str | None:
        """Take a pass; the message if it is ignored (a section or line the stage lacks)."""
        self.kinds[event.seq] = "pass"
        problem = pass_problem(self.lines, event.section, event.line)
        if problem is not None:
            message = ignored("pass", event.seq, problem)
            self.pass_messages.append(message)
            return message
        self.by_seq[event.seq] = event
        key = (event.section, event.line)
        passes = self.counting.setdefault(key, [])
        passes.append(event)
        if len(passes) > 1:
            self.redone.add(key)
        latest = self._latest
        if self._latest_known and (latest is None or event.seq > latest.seq):
            self._latest = event
        else:  # a pass out of seq order (`score` of a hand-edited log): work it out when asked
            self._latest_known = False
        return None

    def void_problem(self, ref: int) -> str | None:
        """Why a void of `ref` would be ignored now, or None if it voids a pass."""
        return void_problem(ref, self.kinds.get(ref), ref in self.voided_seqs)

    def add_void(self, event: Void) -> tuple[Pass | None, str | None]:
        """Take a void: (the pass it voided, if it counted; the message, if it is ignored)."""
        problem = self.void_problem(event.ref)
        self.kinds[event.seq] = "void"
        if problem is not None:
            message = ignored("void", event.seq, problem)
            self.void_messages.append(message)
            return None, message
        return self._cancel_pass(event.ref), None

    def _cancel_pass(self, ref: int) -> Pass | None:
        """Pass `ref` no longer counts: the pass, if it counted."""
        self.voided_seqs.add(ref)
        target = self.by_seq.get(ref)
        if target is None:  # a pass already ignored (a section or line the stage lacks)
            return None
        key = (target.section, target.line)
        self.voided_keys.add(key)
        passes = self.counting[key]
        for index in range(len(passes) - 1, -1, -1):
            if passes[index] is target:
                del passes[index]
                break
        if len(passes) < 2:
            self.redone.discard(key)
        if target is self._latest:
            self._latest_known = False
        return target

    def undo_problem(self, ref: int, seq: int) -> str | None:
        """Why an undo (seq `seq`) of `ref` would be ignored now, or None if it undoes it."""
        cancelled = ref in self.voided_seqs or ref in self.undone_seqs
        return undo_problem(ref, seq, self.kinds.get(ref), cancelled)

    def add_undo(self, seq: int, ref: int) -> tuple[str | None, Pass | None, str | None]:
        """Take an undo (seq `seq`) of event `ref`: (the type of the event it undid; the pass,
        if it undid a pass that counted; the message, if it is ignored)."""
        problem = self.undo_problem(ref, seq)
        self.kinds[seq] = UNDO_EVENT
        if problem is not None:
            message = ignored(UNDO_EVENT, seq, problem)
            self.void_messages.append(message)
            return None, None, message
        kind = self.kinds[ref]
        if kind == "pass":
            return kind, self._cancel_pass(ref), None
        self.undone_seqs.add(ref)
        return kind, None, None

    # -- what counts -------------------------------------------------------------------------
    def counting_pass(self, section: str, line: int) -> Pass | None:
        """The pass that counts for `line` of `section` (the last unvoided), or None."""
        passes = self.counting.get((section, line))
        return passes[-1] if passes else None

    def last_pass(self) -> Pass | None:
        """The latest pass in the log that counts (of any line): the row just measured (kept as
        passes come; looked for among every line only after a void of it)."""
        if self._latest_known:
            return self._latest
        latest: Pass | None = None
        for passes in self.counting.values():
            if passes and (latest is None or passes[-1].seq > latest.seq):
                latest = passes[-1]
        self._latest, self._latest_known = latest, True
        return latest

    def chosen(self) -> dict[Key, Pass]:
        """The pass that counts for each line that has one."""
        return {key: passes[-1] for key, passes in self.counting.items() if passes}

    def messages(self) -> list[str]:
        """What the rule ignored (voids first, then passes, each in log order), then each line
        re-done (in the order their second counting pass came)."""
        counting = self.counting
        redone = sorted(
            (passes[1].seq, redone_message(key, len(passes), passes[-1].seq))
            for key in self.redone
            if len(passes := counting[key]) > 1
        )
        return [*self.void_messages, *self.pass_messages, *(text for _, text in redone)]
