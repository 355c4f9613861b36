"""The stage's own terms in the stage editor (ui/stageeditor.py), in a row above its table.

Its name, its rule set (a built-in one, a ``.rules.toml`` file beside the stage, or Other file…
to pick one anywhere: the stage names it by its path from the stage's folder), its maximum
lateness for time controls (the loader's word on it shown beside the field as it is typed) and
whether GPS is allowed. Each change is an undoable edit of the editor's draft (`SetTerms`); after
every edit and its undo the editor calls `show_draft`, so the fields show the draft again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit

from mmtimer.present.stageeditor import SetTerms, rules_reference
from mmtimer.ui.errors import text_shown

if TYPE_CHECKING:
    from mmtimer.ui.stageeditor import StageEditor

OTHER_RULES = "other-rules-file"
"""The rule-set list's last item: Other file... (a file dialog)."""


class StageTerms(QObject):
    """The terms' fields of `editor`'s stage and the row (`row`, a layout) that holds them;
    `refused` is the colour of the loader's word on a value it refuses."""

    def __init__(self, editor: StageEditor, refused: QColor) -> None:
        super().__init__(editor)
        self._editor = editor
        draft = editor.draft
        self.name_edit = QLineEdit(draft.name)
        self.name_edit.setPlaceholderText(self.tr("the road book's name for the day"))
        self.rules_box = QComboBox()
        self.rules_box.setEditable(True)
        self.rules_box.setToolTip(
            self.tr(
                "A built-in rule set, a .rules.toml file beside the stage, or Other file… "
                "to pick one anywhere (the stage names it by its path from the stage's folder)"
            )
        )
        self.max_late_edit = QLineEdit(draft.max_late)
        self.max_late_edit.setPlaceholderText(self.tr("none"))
        self.max_late_edit.setMaximumWidth(70)
        self.max_late_edit.setToolTip(
            self.tr(
                "The most any time control of the stage may be late, in whole minutes "
                "(the stage's max_late_min; a control's own Max late wins)"
            )
        )
        self.max_late_problem = QLabel()
        self.max_late_problem.setStyleSheet(f"color: {refused.name()};")
        self.max_late_problem.setWordWrap(True)
        self.max_late_problem.hide()
        self.gps_box = QCheckBox(self.tr("GPS allowed"))
        self.gps_box.setToolTip(self.tr("Off: the event bans GPS (the stage's gps = false)"))
        self.row = QHBoxLayout()
        for text, widget, stretch in (
            (self.tr("&Name"), self.name_edit, 3),
            (self.tr("&Rules"), self.rules_box, 2),
            (self.tr("Max la&te (min)"), self.max_late_edit, 0),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            self.row.addWidget(label)
            self.row.addWidget(widget, stretch)
        self.row.addWidget(self.max_late_problem, 1)
        self.row.addWidget(self.gps_box)

    def connect_signals(self) -> None:
        """The fields' wiring (the editor calls it with its own)."""
        self.name_edit.editingFinished.connect(self._on_name)
        self.rules_box.activated.connect(self._on_rules_item)
        rules_line = self.rules_box.lineEdit()
        if rules_line is not None:
            rules_line.editingFinished.connect(self._on_rules)
        self.gps_box.toggled.connect(self._on_gps)
        self.max_late_edit.editingFinished.connect(self._on_max_late)
        self.max_late_edit.textEdited.connect(self._show_max_late)

    def fill_rules(self) -> None:
        draft = self._editor.draft
        self.rules_box.blockSignals(True)
        self.rules_box.clear()
        self.rules_box.addItems(draft.rules_choices())
        self.rules_box.insertSeparator(self.rules_box.count())
        self.rules_box.addItem(self.tr("Other file…"), OTHER_RULES)
        self.rules_box.setCurrentText(draft.rules)
        self.rules_box.blockSignals(False)

    def show_draft(self) -> None:
        """After every edit (and its undo): the fields show the draft's terms."""
        draft = self._editor.draft
        if self.name_edit.text() != draft.name:
            self.name_edit.setText(draft.name)
        if self.rules_box.currentText() != draft.rules:
            self.fill_rules()
        if self.max_late_edit.text() != draft.max_late:
            self.max_late_edit.setText(draft.max_late)
        self._show_max_late(draft.max_late)
        if self.gps_box.isChecked() != draft.gps_allowed:
            self.gps_box.blockSignals(True)
            self.gps_box.setChecked(draft.gps_allowed)
            self.gps_box.blockSignals(False)

    def take_typed(self) -> None:
        """A name or a maximum lateness still being typed counts (before saving or closing)."""
        self._on_name()
        self._on_max_late()

    def _on_name(self) -> None:
        editor = self._editor
        if self.name_edit.text() != editor.draft.name:
            editor.model.push(SetTerms(name=self.name_edit.text()), self.tr("Name the stage"))

    def _on_rules_item(self, index: int) -> None:
        if self.rules_box.itemData(index) == OTHER_RULES:
            self.choose_rules_file()
        else:
            self._on_rules()

    def ask_rules_file(self, start: Path | None) -> Path | None:
        """The editor's default `ask_rules`: a file dialog for a ``.rules.toml`` file."""
        name, _ = QFileDialog.getOpenFileName(
            self._editor,
            self.tr("A rule set for the stage"),
            str(start or ""),
            self.tr("Rule sets (*.rules.toml);;All files (*)"),
        )
        return Path(name) if name else None

    def choose_rules_file(self) -> None:
        """Other file…: a rule-set file from anywhere (`editor.ask_rules`); the stage names it
        by its path from the stage's folder (an absolute path until a new stage is first saved)."""
        editor = self._editor
        draft = editor.draft
        start = draft.base_dir
        current = Path(draft.rules)
        if not current.is_absolute() and start is not None:
            current = start / current
        if current.suffix == ".toml" and current.parent.is_dir():
            start = current.parent
        chosen = editor.ask_rules(editor, start)
        self.fill_rules()  # the box shows the stage's rule set again, not "Other file…"
        if chosen is None:
            return
        reference = rules_reference(chosen, draft.base_dir)
        if reference != draft.rules:
            editor.model.push(SetTerms(rules=reference), self.tr("Rule set {0}").format(reference))

    def _on_rules(self) -> None:
        editor = self._editor
        text = self.rules_box.currentText().strip()
        if text == self.tr("Other file…"):
            self.fill_rules()
            return
        if text and text != editor.draft.rules:
            editor.model.push(SetTerms(rules=text), self.tr("Rule set {0}").format(text))

    def _on_max_late(self) -> None:
        editor = self._editor
        text = self.max_late_edit.text().strip()
        if text != editor.draft.max_late.strip():
            editor.model.push(SetTerms(max_late=text), self.tr("Max late {0}").format(text or "-"))

    def _show_max_late(self, text: str) -> None:
        """The loader's word on the stage's maximum lateness while it is typed."""
        from mmtimer.core.errors import InputError  # noqa: PLC0415
        from mmtimer.core.legs import parse_max_late_min  # noqa: PLC0415
        from mmtimer.core.tomlfile import Reader  # noqa: PLC0415

        message = ""
        value = text.strip()
        if value:
            try:
                parse_max_late_min(
                    int(value) if value.isdigit() else value, ("max_late_min",), Reader("stage")
                )
            except InputError as error:
                message = text_shown(error.text)
        self.max_late_problem.setText(message)
        self.max_late_problem.setVisible(bool(message))

    def max_late_message(self) -> str | None:
        """What the label beside the stage's Max late says (None: nothing refused)."""
        return self.max_late_problem.text() if self.max_late_problem.isVisible() else None

    def _on_gps(self, allowed: bool) -> None:
        editor = self._editor
        if allowed != editor.draft.gps_allowed:
            editor.model.push(SetTerms(gps_allowed=allowed), self.tr("GPS allowed"))
