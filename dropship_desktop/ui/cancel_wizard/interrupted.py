"""Cancellation requests nobody knows the outcome of, and how the seller settles them.

A crash or a lost connection can leave a request recorded or sent without an answer. At start-up
:func:`startup_check` turns those into ``interrupted`` (:func:`find_interrupted`), the main window
shows :class:`InterruptedBanner`, and :class:`InterruptedDialog` lets the seller say what happened
on 1688: done (closed / refund requested), or not done (the request fails and the order can be
cancelled again, from here through the wizard).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...connectors.base import order_url
from ...context import AppContext
from ...domain.cancel_flow import OutcomeKind
from ...domain.enums import CancelAction
from ...errors import UserError
from ...services.base import Changes
from ...services.cancellation import (
    RequestRow,
    find_interrupted,
    list_interrupted,
    resolve_interrupted,
)
from ..formatting import enum_label, format_datetime, format_money, user_error_text
from ..tasks import DbWorker
from ..widgets.column_widths import datetime_width, order_number_width
from ..widgets.tables import read_only_table
from .models import Cell, CellTableModel, Row
from .step_page import open_in_browser, wrap_label
from .texts import Status, known, status_color, status_icon

__all__ = ["InterruptedBanner", "InterruptedDialog", "startup_check"]


def startup_check(ctx: AppContext) -> tuple[Changes | None, list[RequestRow]]:
    """On the worker at start-up: mark what a crash left open as interrupted, list them all.

    Returns:
        The changes when requests were interrupted now (for the views), and every request that
        waits for the seller. A read-only database is only read.
    """
    changes: Changes | None = None
    if not ctx.store.read_only:
        found = find_interrupted(ctx)
        if found.outcomes:
            changes = found
    return changes, list_interrupted(ctx)


class InterruptedBanner(QFrame):
    """A strip above the main window's views while requests wait to be resolved.

    Signals:
        resolve_requested(): The seller pressed "Resolve…".
    """

    resolve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interruptedBanner")
        self.setStyleSheet(
            "QFrame#interruptedBanner { background: #fff4e5; border: 1px solid #f0b35b;"
            " border-radius: 4px; } QFrame#interruptedBanner QLabel { color: #5d3a00; }"
        )
        self.icon = QLabel()
        self.icon.setPixmap(status_icon(Status.INTERRUPTED).pixmap(20, 20))
        self.label = wrap_label()
        self.label.setObjectName("interruptedText")
        self.button = QPushButton(self.tr("&Resolve…"))
        self.button.setObjectName("resolveInterrupted")
        self.button.clicked.connect(self.resolve_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.count = 0
        self.hide()

    def set_count(self, count: int) -> None:
        """Show the banner for *count* interrupted requests (hidden at 0)."""
        self.count = count
        self.label.setText(
            self.tr(
                "%n cancellation request(s) were interrupted (the app stopped or the connection "
                "was lost). Check those orders on 1688 and say what happened.",
                "",
                count,
            )
        )
        self.setVisible(count > 0)


class InterruptedDialog(QDialog):
    """List the interrupted requests; the seller says for each what happened on 1688.

    Args:
        worker: The DB worker.
        parent: Parent widget.
        open_url: Opens a 1688 page (default: the system browser).
        cancel_again: Called with supplier order ids to cancel again (opens the wizard).
    """

    def __init__(
        self,
        worker: DbWorker,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[str], object] | None = None,
        cancel_again: Callable[[list[int]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interruptedDialog")
        self.setWindowTitle(self.tr("Interrupted Cancellations"))
        self.worker = worker
        self._open_url = open_url or open_in_browser
        self._cancel_again = cancel_again
        self._rows: list[RequestRow] = []
        self.model = CellTableModel(
            [
                self.tr("1688 order id"),
                self.tr("Action"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Recorded"),
                self.tr("What is known"),
            ],
            parent=self,
        )
        self.table = read_only_table(self.model)
        self.table.setObjectName("interruptedTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in (
            (0, order_number_width(self.table)),
            (1, 130),
            (2, 80),
            (3, 120),
            (4, datetime_width(self.table)),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.message_edit = QLineEdit()
        self.message_edit.setObjectName("resolveMessage")
        self.message_edit.setPlaceholderText(self.tr("What you saw on 1688 (optional)"))
        self.done_button = QPushButton()
        self.done_button.setObjectName("resolveDone")
        self.done_button.clicked.connect(self.resolve_done)
        self.not_done_button = QPushButton(self.tr("&Not done on 1688"))
        self.not_done_button.setObjectName("resolveNotDone")
        self.not_done_button.clicked.connect(self.resolve_not_done)
        self.again_button = QPushButton(self.tr("Not done: cancel it &again…"))
        self.again_button.setObjectName("resolveAgain")
        self.again_button.clicked.connect(self.resolve_and_cancel_again)
        self.again_button.setVisible(cancel_again is not None)
        self.open_button = QPushButton(self.tr("&Open on 1688"))
        self.open_button.clicked.connect(self.open_selected)
        self.status_label = wrap_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.done_button, self.not_done_button, self.again_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrap_label(
                self.tr(
                    "The app does not know whether these requests reached 1688. Open each order "
                    "on 1688, look whether it was closed (or the refund applied for), then say "
                    "so here. Nothing is marked closed unless you say it was."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_edit)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(900, 460)
        self.reload()

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.worker.submit(list_interrupted, on_result=self._set_rows)

    def _set_rows(self, rows: list[RequestRow]) -> None:
        self._rows = rows
        color = status_color(Status.INTERRUPTED)
        table_rows = []
        for r in rows:
            created = int(r.created_at.timestamp()) if r.created_at else None
            message = known(r.message)
            table_rows.append(
                Row(
                    r.id,
                    (
                        Cell(r.order_id_1688 or "—"),
                        Cell(enum_label(r.action)),
                        Cell(format_money(r.amount_fen), right=True),
                        Cell(r.reason_text),
                        Cell(format_datetime(created)),
                        Cell(message, color, status_icon(Status.INTERRUPTED), message),
                    ),
                )
            )
        self.model.set_rows(table_rows)
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.status_label.setText(self.tr("Nothing left to resolve."))
        self._update()

    def selected(self) -> RequestRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        key = self.model.key(rows[0].row())
        return next((r for r in self._rows if r.id == key), None)

    def _update(self) -> None:
        row = self.selected()
        for button in (self.done_button, self.not_done_button, self.again_button, self.open_button):
            button.setEnabled(row is not None)
        if row is not None and row.action is CancelAction.REFUND_REQUEST:
            self.done_button.setText(self.tr("&Refund was applied for on 1688"))
        else:
            self.done_button.setText(self.tr("&Closed on 1688"))

    # -- answers ---------------------------------------------------------------------------

    @Slot()
    def resolve_done(self) -> None:
        row = self.selected()
        if row is None:
            return
        outcome = (
            OutcomeKind.CLOSED if row.action is CancelAction.CLOSE else OutcomeKind.REFUND_REQUESTED
        )
        self._resolve(row, outcome)

    @Slot()
    def resolve_not_done(self) -> None:
        row = self.selected()
        if row is not None:
            self._resolve(row, OutcomeKind.FAILED)

    @Slot()
    def resolve_and_cancel_again(self) -> None:
        row = self.selected()
        if row is None or self._cancel_again is None:
            return
        again = self._cancel_again
        self._resolve(row, OutcomeKind.FAILED, then=lambda: again([row.supplier_order_id]))

    def _resolve(
        self, row: RequestRow, outcome: OutcomeKind, then: Callable[[], Any] | None = None
    ) -> None:
        self.setEnabled(False)

        def done(_changes: object) -> None:
            self.setEnabled(True)
            self.message_edit.clear()
            self.status_label.setText(
                self.tr("1688 order {} resolved.").format(row.order_id_1688 or row.id)
            )
            self.reload()
            if then is not None:
                then()

        def failed(error: BaseException) -> None:
            self.setEnabled(True)
            self.reload()
            if isinstance(error, UserError):
                self.status_label.setText(user_error_text(error))
            else:
                sys.excepthook(type(error), error, error.__traceback__)  # a bug: dialog and log

        self.worker.submit(
            resolve_interrupted,
            row.id,
            outcome,
            self.message_edit.text(),
            on_result=done,
            on_error=failed,
            owner=self,
        )

    @Slot()
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None and row.order_id_1688 and row.order_id_1688.isdigit():
            self._open_url(order_url(row.order_id_1688))

    def keyPressEvent(self, event: Any) -> None:
        # Enter in the message field must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.message_edit.hasFocus():
            return
        super().keyPressEvent(event)
