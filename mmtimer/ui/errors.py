"""The core's messages about files and logs in the window's language.

The core writes each message as a marked template and its arguments (mmtimer/core/errors.py:
``Text("must be at least %1, not %2", 1, 0)``); `str()` of an error is its English, which files,
logs and the command line keep. A window shows an error through `error_shown`: the place
(``FILE:LINE``) and the key as they are, the template translated (context ``Errors`` of
resources/i18n/mmtimer_XX.ts), then filled: a value quoted from the user's file (an id, a key,
the file's own text) as it is, a `Number` the program wrote with the language's separators
(``16,777,216`` -> ``16.777.216``, ``0.5`` -> ``0,5`` in Italian), a `Text` inside it translated
in turn. Any other exception is shown as it reads.
"""

from __future__ import annotations

import re

from mmtimer.core.errors import CONTEXT, InputError, Number, Text, fill
from mmtimer.present.i18n import uses_decimal_comma
from mmtimer.ui.i18n import translate

_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")


def number_shown(text: str) -> str:
    """A number in English form as the window writes it: in a language with a decimal comma the
    point and the thousands comma change places (``1,234.5`` -> ``1.234,5``)."""
    if not uses_decimal_comma():
        return text
    return _SEPARATOR.sub(lambda found: "," if found[0] == "." else ".", text)


def text_shown(text: Text | str) -> str:
    """A core message (a `Text`, or a marked template without arguments) in the window's
    language."""
    if not isinstance(text, Text):
        return translate(CONTEXT, text) if text else text
    return fill(translate(CONTEXT, text.template), [_argument(a) for a in text.args])


def _argument(value: object) -> str:
    if isinstance(value, Text):
        return text_shown(value)
    if isinstance(value, Number):
        return number_shown(value)
    return str(value)


def error_shown(error: BaseException) -> str:
    """The one line a window shows for `error`: an InputError as ``FILE:LINE: KEY: message``
    with the message in the window's language (the place and key as they are), an error that
    carries a `Text` (a MessageError of the core, the stage editor's SaveError) translated,
    anything else as `str()` gives it."""
    if isinstance(error, InputError):
        return text_shown(error.whole())
    text = getattr(error, "text", None)  # a MessageError (FormatError, SessionError...), SaveError
    if isinstance(text, Text):
        return text_shown(text)
    return str(error)


def sentence(text: str) -> str:
    """`text` with its first letter a capital (the rest as it is: ``PC1`` stays ``PC1``)."""
    return text[:1].upper() + text[1:]


def detail_shown(detail: str, text: Text | None) -> str:
    """A detail present/ gives in English with its message (`text`, None when it is a path or
    a name) in the window's language."""
    return detail if text is None else text_shown(text)
