"""Fraud checks in the order view: the detail pane's risk section, blacklisting a buyer from an
order, the blacklist dialog (import/export to share with a partner), and the warning shown
before money goes out on high-risk orders (cancel wizard; the purchase queue can call
:func:`confirm_high_risk` too)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...domain.risk import RULES, RiskLevel, RiskSettings, decode_hits, explain
from ...domain.timeutil import now_epoch
from ...services import risk as risk_service
from ...services.risk import BlacklistEntry, HighRiskOrder
from ..formatting import format_datetime, translated
from ..tasks import without_context

if TYPE_CHECKING:
    from ..tasks import DbWorker

__all__ = [
    "BlacklistDialog",
    "BlacklistOrderDialog",
    "confirm_high_risk",
    "risk_html",
    "risk_level_text",
]


def _tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("Risk", …) elsewhere."""
    return QCoreApplication.translate("Risk", text)


def risk_level_text(level: int) -> str:
    return translated(RiskLevel(level).label)


def risk_html(order: dict[str, object]) -> str:
    """The detail pane's "Fraud checks" section: the level and each rule with its reason."""
    level = int(order.get("risk_level") or 0)  # type: ignore[call-overload]
    rules = str(order.get("risk_rules") or "")
    checked = bool(rules) and rules == str(order.get("risk_checked") or "")
    title = "<h3>" + html.escape(QCoreApplication.translate("Risk", "Fraud checks")) + "</h3>"
    if not rules:
        return (
            title
            + "<p><i>"
            + html.escape(QCoreApplication.translate("Risk", "No warning."))
            + "</i></p>"
        )
    color = "#c81e1e" if level >= RiskLevel.HIGH else "#c86e00"
    head = f"<p><b style='color:{color}'>{html.escape(risk_level_text(level))}</b>"
    if checked:
        head += (
            " · <i>"
            + html.escape(QCoreApplication.translate("Risk", "checked by you: fine"))
            + "</i>"
        )
    head += "</p>"
    now = now_epoch()
    settings = RiskSettings.from_json(order.get("risk_settings"))  # type: ignore[arg-type]
    items = "".join(
        f"<li><b>{html.escape(translated(RULES[h.rule].title))}</b> — {html.escape(translated(explain(h, settings, now=now)))}</li>"
        for h in decode_hits(rules)
    )
    return f"{title}{head}<ul style='margin-left:-20px'>{items}</ul>"


def confirm_high_risk(parent: QWidget, orders: Sequence[HighRiskOrder], action: str) -> bool:
    """Warn about high-risk orders before money goes out; True to go on anyway.

    Args:
        orders: From :func:`~dropship_desktop.services.risk.high_risk_orders`.
        action: What is about to happen, in the UI language (e.g. "cancel these orders").
    """
    if not orders:
        return True
    lines = [
        "{} — {}".format(o.shop_order_no, ", ".join(translated(RULES[r].title) for r in o.rules))
        for o in orders[:10]
    ]
    if len(orders) > 10:
        lines.append(
            QCoreApplication.translate("Risk", "… and {count} more").format(count=len(orders) - 10)
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Risk", "High-risk orders"))
    box.setText(
        QCoreApplication.translate(
            "Risk", "{count} of these orders are high risk. Check them before you {action}."
        ).format(count=len(orders), action=action)
    )
    box.setInformativeText("\n".join(lines))
    go = box.addButton(
        QCoreApplication.translate("Risk", "Continue anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    stop = box.addButton(
        QCoreApplication.translate("Risk", "Stop and check"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(stop)
    box.setObjectName("highRiskWarning")
    box.exec()
    return box.clickedButton() is go


class BlacklistOrderDialog(QDialog):
    """Blacklist the buyer of one order: by which details, and why."""

    KINDS: tuple[tuple[str, str], ...] = (
        ("phone", QT_TRANSLATE_NOOP("Risk", "Phone number")),
        ("name_phone", QT_TRANSLATE_NOOP("Risk", "Name and phone")),
        ("address", QT_TRANSLATE_NOOP("Risk", "Address")),
        ("member", QT_TRANSLATE_NOOP("Risk", "Member name")),
    )

    def __init__(self, order: dict[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blacklistOrderDialog")
        self.setMinimumWidth(440)
        self.setWindowTitle(QCoreApplication.translate("Risk", "Add the buyer to the blacklist"))
        intro = QLabel(
            QCoreApplication.translate(
                "Risk",
                "Orders of this buyer (in every shop, now and later) will be flagged high risk. "
                "Only a hash and a masked hint are kept.",
            )
        )
        intro.setWordWrap(True)
        hints = {
            "phone": str(order.get("buyer_phone") or ""),
            "name_phone": "{} {}".format(
                order.get("buyer_name") or "", order.get("buyer_phone") or ""
            ).strip(),
            "address": str(order.get("ship_address") or ""),
            "member": str(order.get("buyer_member") or ""),
        }
        self.boxes: dict[str, QCheckBox] = {}
        form = QFormLayout()
        for kind, label in self.KINDS:
            box = QCheckBox(f"{_tr(label)}  {hints[kind]}".strip())
            box.setObjectName(f"blacklist_{kind}")
            box.setEnabled(bool(hints[kind].strip()))
            box.setChecked(kind == "phone" and box.isEnabled())
            self.boxes[kind] = box
            form.addRow(box)
        self.reason = QLineEdit()
        self.reason.setObjectName("blacklistReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            QCoreApplication.translate("Risk", "e.g. 仅退款 twice, fake address")
        )
        form.addRow(QCoreApplication.translate("Risk", "Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("Risk", "Add to blacklist"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for box in self.boxes.values():
            box.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update()

    @Slot()
    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.kinds()))

    def kinds(self) -> list[str]:
        return [k for k, box in self.boxes.items() if box.isChecked()]


_KIND_LABELS: dict[str, str] = dict(BlacklistOrderDialog.KINDS)


class BlacklistDialog(QDialog):
    """The blacklist: entries (masked hints only), remove, import and export to share."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setObjectName("blacklistDialog")
        self.setWindowTitle(QCoreApplication.translate("Risk", "Blacklist"))
        self.resize(760, 420)
        self.entries: list[BlacklistEntry] = []
        note = QLabel(
            QCoreApplication.translate(
                "Risk",
                "Buyers here are flagged high risk in every shop. The list holds salted hashes "
                "and masked hints, not the phone numbers or addresses. An exported file carries "
                "the salt so that a partner can match it: anyone holding the file can still "
                "test whether a given number is on it, so share it only with sellers you trust.",
            )
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("blacklistTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Risk", "Kind"),
                QCoreApplication.translate("Risk", "Hint"),
                QCoreApplication.translate("Risk", "Added"),
                QCoreApplication.translate("Risk", "List"),
                QCoreApplication.translate("Risk", "Reason"),
            ]
        )
        self.import_button = QPushButton(QCoreApplication.translate("Risk", "&Import…"))
        self.import_button.setObjectName("blacklistImport")
        self.export_button = QPushButton(QCoreApplication.translate("Risk", "&Export…"))
        self.export_button.setObjectName("blacklistExport")
        self.remove_button = QPushButton(QCoreApplication.translate("Risk", "&Remove"))
        self.remove_button.setObjectName("blacklistRemove")
        close = QPushButton(QCoreApplication.translate("Risk", "Close"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(without_context(risk_service.blacklist_entries), on_result=self._show)

    @Slot(object)
    def _show(self, entries: list[BlacklistEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (
                blacklist_kind_label(e.kind),
                e.hint,
                format_datetime(e.added_at),
                QCoreApplication.translate("Risk", "Mine") if e.is_local else e.list_name,
                e.reason,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(entries))

    def _run(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None]) -> None:
        self.worker.submit(
            without_context(fn), *args, on_result=done, on_error=self._failed, owner=self
        )

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        from ..formatting import user_error_text

        QMessageBox.warning(self, self.windowTitle(), user_error_text(error))

    @Slot()
    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        entry = self.entries[rows[0]]
        self._run(risk_service.remove_blacklist_entry, entry.id, done=lambda _c: self.reload())

    @Slot()
    def export_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Risk", "Export the blacklist"),
            "blacklist.xlsx",
            QCoreApplication.translate("Risk", "Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            code = risk_service.new_share_code()
            self._run(
                risk_service.export_blacklist,
                path,
                code,
                done=lambda count: self._exported(count, code),
            )

    def _exported(self, count: int, code: str) -> None:
        # The seller passes the code on by hand: copied to the clipboard, and selectable.
        QGuiApplication.clipboard().setText(code)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.windowTitle(),
            QCoreApplication.translate(
                "Risk",
                "{count} entries exported.\n\nShare code: {code}\n(copied to the clipboard)"
                "\n\nYour partner needs this code to import the file. Send it separately (a "
                "call, another chat), never with the file.",
            ).format(count=count, code=code),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    @Slot()
    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Risk", "Import a blacklist"),
            "",
            QCoreApplication.translate("Risk", "Blacklist files (*.xlsx *.csv)"),
        )
        if not path:
            return
        code, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("Risk", "Import a blacklist"),
            QCoreApplication.translate(
                "Risk", "The share code the sender gave you (empty for an older file):"
            ),
        )
        if ok:
            self._run(risk_service.import_blacklist, path, "", code, done=lambda _c: self.reload())


def blacklist_kind_label(kind: str) -> str:
    return _tr(_KIND_LABELS.get(kind, kind))


def install_risk_actions(view: Any) -> None:
    """Wire the detail pane's fraud-check buttons of an ``OrdersView`` to the services."""
    detail = view.detail

    def checked(order_id: int) -> None:
        view.worker.submit(
            without_context(risk_service.mark_checked), order_id, on_error=_show_error(view)
        )

    def blacklist(order_id: int) -> None:
        shown = detail.detail
        if shown is None or int(shown.order["id"]) != order_id:
            return
        dialog = BlacklistOrderDialog(shown.order, view)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        view.worker.submit(
            without_context(risk_service.add_to_blacklist),
            order_id,
            dialog.kinds(),
            dialog.reason.text(),
            on_error=_show_error(view),
        )

    detail.risk_checked_requested.connect(checked)
    detail.blacklist_requested.connect(blacklist)


def _show_error(parent: QWidget) -> Callable[[BaseException], None]:
    def show(error: BaseException) -> None:
        from ...errors import UserError
        from ..formatting import user_error_text

        if not isinstance(error, UserError):
            raise error
        QMessageBox.warning(
            parent, QCoreApplication.translate("Risk", "Fraud checks"), user_error_text(error)
        )

    return show


def high_risk_lookup(
    ctx: AppContext, sales_order_ids: Sequence[int]
) -> tuple[list[int], list[HighRiskOrder]]:
    """On the worker: the supplier orders of *sales_order_ids* and which of them are high risk
    (for the cancel wizard's warning)."""
    from ...store.order_queries import supplier_order_ids_of

    return supplier_order_ids_of(sales_order_ids), risk_service.high_risk_orders(sales_order_ids)
