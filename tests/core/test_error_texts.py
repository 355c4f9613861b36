"""Every message the core gives about a file is a marked template a window can translate.

The core raises InputError (and FormatError, whose text an InputError carries on) with
``QT_TRANSLATE_NOOP("Errors", "template %1")`` or ``Text(QT_TRANSLATE_NOOP(...), value)``
(mmtimer/core/errors.py). An f-string or a bare literal would stay English in an Italian window
and lupdate would not see it: the walk below refuses one, wherever it is in mmtimer/core. The
Italian .ts holds every template, finished, with the same placeholders (a dropped %2 would hide
a value from the user).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mmtimer.core.errors import CONTEXT, InputError, Number, Text, fill

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "mmtimer" / "core"
PRESENT = ROOT / "mmtimer" / "present"
ITALIAN = ROOT / "resources" / "i18n" / "mmtimer_it.ts"
MESSAGE_AT = {"InputError": 1, "SaveError": 0} | dict.fromkeys(
    ("MessageError", "FormatError", "SessionError", "DistanceEventError", "ChronoError"), 0
)
"""Where the message is among a call's arguments; any ``x.error(place, message, ...)`` and
``Problem.of(column, message)`` (a row of the stage editor) too."""
_PLACEHOLDER = re.compile(r"%([1-9])")


def _is_call_of(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def _marker_problem(call: ast.Call) -> str | None:
    args = call.args
    if len(args) != 2 or call.keywords:
        return "QT_TRANSLATE_NOOP takes a context and a text"
    context, text = args
    if not (isinstance(context, ast.Constant) and context.value == CONTEXT):
        return f'QT_TRANSLATE_NOOP of the core must have the context "{CONTEXT}"'
    if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
        return "QT_TRANSLATE_NOOP needs a literal text (lupdate reads literals only)"
    return None


def _text_problem(call: ast.Call, parameters: set[str]) -> str | None:
    first = call.args[0] if len(call.args) == 1 else None
    if isinstance(first, ast.Name) and first.id in parameters:
        return None  # a `message: Message` parameter made a Text (errors.as_text)
    if not call.args or not _is_call_of(call.args[0], "QT_TRANSLATE_NOOP"):
        return 'Text(...) must start with QT_TRANSLATE_NOOP("Errors", ...)'
    marker = call.args[0]
    assert isinstance(marker, ast.Call)
    text = marker.args[1] if len(marker.args) == 2 else None
    if isinstance(text, ast.Constant) and isinstance(text.value, str):
        used = {int(n) for n in _PLACEHOLDER.findall(text.value)}
        given = len(call.args) - 1
        if used != set(range(1, given + 1)):
            return f"{text.value!r} has placeholders {sorted(used)} for {given} argument(s)"
    return None


def _message_ok(node: ast.expr, parameters: set[str]) -> bool:
    if _is_call_of(node, "QT_TRANSLATE_NOOP") or _is_call_of(node, "Text"):
        return True
    if isinstance(node, ast.IfExp):
        return _message_ok(node.body, parameters) and _message_ok(node.orelse, parameters)
    if isinstance(node, ast.Attribute) and node.attr == "text":
        return True  # a caught error's message, passed on
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(".words"):
        return True  # a stage editor Problem's message, passed on
    # a helper handing its own `message: Message` parameter on
    return isinstance(node, ast.Name) and node.id in parameters


def _message_index(call: ast.Call) -> int | None:
    if isinstance(call.func, ast.Name):
        return MESSAGE_AT.get(call.func.id)
    if isinstance(call.func, ast.Attribute) and call.func.attr == "error":
        return 1
    if isinstance(call.func, ast.Attribute) and ast.unparse(call.func) == "Problem.of":
        return 1
    return None


def unmarked_messages(source: str, name: str = "<source>", *, core: bool = True) -> list[str]:
    """Each place in `source` where a message about a file is not a marked template (in the
    core every QT_TRANSLATE_NOOP is one; present/ marks other texts too)."""
    problems: list[str] = []

    def visit(node: ast.AST, parameters: set[str]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args.args + node.args.kwonlyargs
            parameters = {
                a.arg
                for a in arguments
                if a.annotation is not None and "Message" in ast.unparse(a.annotation)
            }
        if isinstance(node, ast.Call):
            where = f"{name}:{node.lineno}"
            problem = None
            if _is_call_of(node, "QT_TRANSLATE_NOOP") and core:
                problem = _marker_problem(node)
            elif _is_call_of(node, "Text"):
                problem = _text_problem(node, parameters)
            index = _message_index(node)
            if problem is None and index is not None and len(node.args) > index:
                message = node.args[index]
                if not _message_ok(message, parameters):
                    problem = f"not a marked template: {ast.unparse(message)[:80]}"
            if problem is not None:
                problems.append(f"{where}: {problem}")
        for child in ast.iter_child_nodes(node):
            visit(child, parameters)

    visit(ast.parse(source), set())
    return problems


def _sources() -> list[Path]:
    return sorted(CORE.glob("*.py")) + sorted(PRESENT.glob("*.py"))


def core_templates() -> set[str]:
    """Every text the core and present/ mark in the context ``Errors`` (what lupdate extracts)."""
    found = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _is_call_of(node, "QT_TRANSLATE_NOOP"):
                assert isinstance(node, ast.Call)
                context, text = node.args
                assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant)
                if context.value == CONTEXT and isinstance(text.value, str):
                    found.add(text.value)
    return found


def italian_errors() -> dict[str, ET.Element]:
    for context in ET.parse(ITALIAN).getroot().iter("context"):
        if context.findtext("name") == CONTEXT:
            return {m.findtext("source") or "": m for m in context.iter("message")}
    return {}


def test_every_core_message_is_a_marked_template() -> None:
    problems = [
        problem
        for path in _sources()
        for problem in unmarked_messages(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), core=path.parent == CORE
        )
    ]
    assert problems == []


def test_the_walk_finds_an_unmarked_message() -> None:
    """The check above can fail: each way a message could slip past the translation is found."""
    source = """
def f(r, source, value, message: str, text: Message):
    raise r.error(("a",), f"must be {value}")
    raise InputError(source, "no such file")
    raise FormatError(message)
    raise InputError(source, text)
    raise r.error(("a",), Text("plain %1", value))
    raise r.error(("a",), Text(QT_TRANSLATE_NOOP("Errors", "one %1 two %2"), value))
    raise r.error(("a",), QT_TRANSLATE_NOOP("Present", "wrong context"))
    raise r.error(("a",), QT_TRANSLATE_NOOP("Errors", "fine"))
    return Text(message), Text(text)
    raise SaveError(f"row {value}: bad")
    return Problem.of("id", "duplicate")
"""
    problems = unmarked_messages(source)
    assert [p.split(":")[1] for p in problems] == ["3", "4", "5", "7", "8", "9", "11", "12", "13"]
    assert "placeholders [1, 2] for 1 argument" in problems[4]


def test_every_template_is_finished_in_italian_with_its_placeholders() -> None:
    templates = core_templates()
    italian = italian_errors()
    assert len(templates) > 150
    assert templates == set(italian), "run: python tools/i18n.py update, then translate"
    for source, message in italian.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        assert text.strip(), source
        assert set(_PLACEHOLDER.findall(text)) == set(_PLACEHOLDER.findall(source)), source


def test_an_error_reads_in_english_as_before() -> None:
    error = InputError(
        "day1.stage.toml",
        Text("must be at least %1, not %2", 1, Text("the number %1", 0)),
        line=4,
        key="section[2].due",
    )
    assert str(error) == "day1.stage.toml:4: section[2].due: must be at least 1, not the number 0"
    assert error.message == "must be at least 1, not the number 0"
    assert error.text.template == "must be at least %1, not %2"
    assert str(InputError("a.toml", "no such file")) == "a.toml: no such file"
    assert str(Text("%1 bytes", Number("16,777,216"))) == "16,777,216 bytes"


def test_a_value_holding_a_placeholder_stays_as_it_is() -> None:
    assert fill("%1 is not %2", ["'%2'", "x"]) == "'%2' is not x"
