"""File > Print card..., File > Export card PDF... and File > Export time table PDF...: the
navigator's card and the driver's time table of the open stage, in the window's language.

The card is `present.card` laid out by ui/card_pdf.py, the pages `mmtimer card` writes. Export
asks for the file and the page (the file type chooses A5 or A4); Print opens the system's print
dialog on an A5 page (the navigator may choose another). The time table is each average trial's
ideal time every 100 m on A5 pages (ui/timetable_pdf.py, as `mmtimer table -o OUT.pdf` writes
it). The questions can be replaced (tests give their answers). QtPrintSupport is imported only
when Print is chosen; without it (a build that leaves it out) Print says so and Export still
works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from mmtimer.core.rules import RuleSet
from mmtimer.core.stage import AverageTrial, Stage
from mmtimer.present.formats import display_path

if TYPE_CHECKING:  # the card, its PDF and pages load when a card is asked for, not at start
    from PySide6.QtPrintSupport import QPrinter

    from mmtimer.present.card import Card
    from mmtimer.ui.pdfpages import PageName

PdfAsker = Callable[[QWidget, str], "tuple[Path, PageName] | None"]
PrinterAsker = Callable[[QWidget], "QPrinter | None"]
TableAsker = Callable[[QWidget, str], "Path | None"]
StageGetter = Callable[[], "tuple[Stage, RuleSet, Path | None] | None"]
KEY_CARD_FOLDER = "card/folder"


def card_filename(stage_path: Path | None, stage: Stage, kind: str = "card") -> str:
    stem = stage_path.name.removesuffix(".toml").removesuffix(".stage") if stage_path else "stage"
    return f"{stem or stage.name}.{kind}.pdf"


def ask_table_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write the time table (A5 pages); None if the navigator cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CardActions", "Export the driver's time table"),
        suggested,
        QCoreApplication.translate("CardActions", "PDF, A5 pages (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_name(f"{path.name}.pdf")


def ask_pdf_path(parent: QWidget, suggested: str) -> tuple[Path, PageName] | None:
    """Where to write the card, and on which page; None if the navigator cancels."""
    filters: dict[str, PageName] = {
        QCoreApplication.translate("CardActions", "PDF, A5 pages (*.pdf)"): "A5",
        QCoreApplication.translate("CardActions", "PDF, A4 pages (*.pdf)"): "A4",
    }
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CardActions", "Export the navigator's card"),
        suggested,
        ";;".join(filters),
        next(iter(filters)),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_name(f"{path.name}.pdf")
    return path, filters.get(selected, "A5")


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system's print dialog on an A5 page; None if cancelled. ImportError without
    QtPrintSupport."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 (only to print)

    from mmtimer.ui.pdfpages import page_layout  # noqa: PLC0415

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout("A5"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("CardActions", "Print the navigator's card"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


class CardActions(QObject):
    """The two actions and what they do, for a window whose stage `current()` gives."""

    def __init__(
        self,
        window: QWidget,
        current: StageGetter,
        notify: Callable[[str], None],
        settings: Any = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.current = current
        self.notify = notify
        self.settings = settings
        self.ask_pdf_path: PdfAsker = ask_pdf_path
        self.ask_printer: PrinterAsker = ask_printer
        self.ask_table_path: TableAsker = ask_table_path
        self.print_action = QAction(window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.export_action = QAction(window)
        self.table_action = QAction(window)
        self.print_action.triggered.connect(self.print_card)
        self.export_action.triggered.connect(self.export_pdf)
        self.table_action.triggered.connect(self.export_table)
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' texts in the current language (the window calls it at each change)."""
        self.print_action.setText(self.tr("&Print card…"))
        self.export_action.setText(self.tr("Export card P&DF…"))
        self.table_action.setText(self.tr("Export time &table PDF…"))

    def add_to(self, menu: QMenu, before: QAction) -> None:
        menu.insertAction(before, self.print_action)
        menu.insertAction(before, self.export_action)
        menu.insertAction(before, self.table_action)

    def card(self) -> tuple[Card, Stage, Path | None] | None:
        got = self.current()
        if got is None:
            self.notify(self.tr("Open a stage first (File > Open): the card is the stage's"))
            return None
        from mmtimer.present.card import stage_card  # noqa: PLC0415

        stage, rules, path = got
        return stage_card(stage, rules), stage, path

    def export_pdf(self) -> bool:
        made = self.card()
        if made is None:
            return False
        _, stage, stage_path = made
        folder = self._folder(stage_path)
        chosen = self.ask_pdf_path(self.window, str(folder / card_filename(stage_path, stage)))
        if chosen is None:
            return False
        return self.write_pdf(*chosen)

    def write_pdf(self, path: Path, page: PageName = "A5") -> bool:
        """Write the open stage's card at `path` on `page`."""
        from mmtimer.ui.card_pdf import write_card_pdf  # noqa: PLC0415

        made = self.card()
        if made is None:
            return False
        card = made[0]
        pages = self._written(
            path, lambda: write_card_pdf(path, card, page), self.tr("Cannot write the card")
        )
        if pages is None:
            return False
        self.notify(
            self.tr("Card written to {0} ({1}, {2})").format(
                display_path(path), self._pages(pages), page
            )
        )
        return True

    def _written(self, path: Path, write: Callable[[], int], cannot: str) -> int | None:
        """`write()`'s number of pages, its folder kept for the next export; None, said in a
        box titled `cannot`, if the file cannot be written."""
        try:
            pages = write()
        except OSError as error:
            QMessageBox.warning(self.window, cannot, f"{path}: {error.strerror or error}")
            return None
        if self.settings is not None:
            self.settings.setValue(KEY_CARD_FOLDER, str(path.parent))
        return pages

    def print_card(self) -> bool:
        made = self.card()
        if made is None:
            return False
        try:
            printer = self.ask_printer(self.window)
        except ImportError:
            self.notify(self.tr("Printing is not available here: use Export card PDF"))
            return False
        if printer is None:
            return False
        from mmtimer.ui.card_pdf import print_card  # noqa: PLC0415

        try:
            pages = print_card(printer, made[0])
        except OSError as error:
            self.notify(self.tr("Cannot print the card: {0}").format(error))
            return False
        self.notify(self.tr("Card sent to the printer ({0})").format(self._pages(pages)))
        return True

    def export_table(self) -> bool:
        """Ask where, then write the open stage's time table (its average trials, a row every
        100 m); False if there is none to write or the navigator cancels."""
        got = self.current()
        if got is None:
            self.notify(self.tr("Open a stage first (File > Open): the time table is the stage's"))
            return False
        stage, _, stage_path = got
        if not any(isinstance(s, AverageTrial) for s in stage.sections):
            self.notify(
                self.tr("This stage has no average-speed trial: the time table is for those")
            )
            return False
        folder = self._folder(stage_path)
        chosen = self.ask_table_path(
            self.window, str(folder / card_filename(stage_path, stage, "table"))
        )
        if chosen is None:
            return False
        return self.write_table(chosen)

    def write_table(self, path: Path) -> bool:
        """Write the open stage's time table at `path` (A5 pages, a row every 100 m)."""
        from mmtimer.core.timetable import DEFAULT_STEP_M, time_table  # noqa: PLC0415
        from mmtimer.ui.timetable_pdf import write_table_pdf  # noqa: PLC0415

        got = self.current()
        if got is None:
            return False
        stage, rules, _ = got
        averages = [s for s in stage.sections if isinstance(s, AverageTrial)]
        tables = [(section, time_table(section, DEFAULT_STEP_M)) for section in averages]
        pages = self._written(
            path,
            lambda: write_table_pdf(path, stage, rules, tables, DEFAULT_STEP_M),
            self.tr("Cannot write the time table"),
        )
        if pages is None:
            return False
        self.notify(
            self.tr("Time table written to {0} ({1}, A5)").format(
                display_path(path), self._pages(pages)
            )
        )
        return True

    def _pages(self, count: int) -> str:
        return self.tr("1 page") if count == 1 else self.tr("{0} pages").format(count)

    def _folder(self, stage_path: Path | None) -> Path:
        remembered = self.settings.value(KEY_CARD_FOLDER) if self.settings is not None else None
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        return Path.home()
