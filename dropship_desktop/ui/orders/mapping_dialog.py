"""The column mapping dialog of an order import (for layouts no platform format matches), and the mappings saved per header row."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.order_import import (
    header_signature,
)
from ...tabular.orders_formats import CANONICAL_FIELDS, FIELD_KINDS, ColumnMapping

__all__ = ["MAPPINGS_KEY", "MappingDialog", "save_mapping", "saved_mapping"]

#: QSettings key of the column mappings saved per header row.
MAPPINGS_KEY = "import/orders/mappings"

log = logging.getLogger(__name__)


def _field_label(name: str) -> str:
    """The canonical field's label (marked in ``tabular.orders_formats``) in the UI language."""
    label = CANONICAL_FIELDS.get(name)
    if label is None:
        return name
    return QCoreApplication.translate("MappingDialog", label)


def saved_mapping(headers: list[str]) -> tuple[ColumnMapping, str] | None:
    """The mapping the user saved for files with these headers, with its kind, if any."""
    raw = QSettings().value(MAPPINGS_KEY, "", type=str)
    try:
        data = json.loads(raw) if raw else {}
        entry = data.get(header_signature(headers))
        if not entry:
            return None
        kind = entry.get("kind", "shop")
        return ColumnMapping.from_dict(entry["mapping"]), "1688" if kind == "1688" else "shop"
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("ignoring an unreadable saved column mapping")
        return None


def save_mapping(headers: list[str], mapping: ColumnMapping, kind: str) -> None:
    """Remember *mapping* for files with these headers."""
    settings = QSettings()
    raw = settings.value(MAPPINGS_KEY, "", type=str)
    try:
        data = json.loads(raw) if raw else {}
        if not isinstance(data, dict):
            data = {}
    except ValueError:
        data = {}
    data[header_signature(headers)] = {"kind": kind, "mapping": mapping.to_dict()}
    settings.setValue(MAPPINGS_KEY, json.dumps(data, ensure_ascii=False))


class MappingDialog(QDialog):
    """Choose which column of the file feeds each field, and whether to remember the choice."""

    def __init__(
        self,
        headers: list[str],
        mapping: ColumnMapping,
        kind: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MappingDialog")
        self.setWindowTitle(self.tr("Map columns"))
        self.headers = list(headers)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("mappingKind")
        self.kind_combo.addItem(self.tr("Shop orders (sales)"), "shop")
        self.kind_combo.addItem(self.tr("1688 purchase orders (supplier side)"), "1688")
        self.kind_combo.setCurrentIndex(1 if kind == "1688" else 0)
        intro = QLabel(
            self.tr(
                "Choose the file's column for each field. The order number is required; for "
                "shop orders the order status too."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("The file holds:"), self.kind_combo)
        self.combos: dict[str, QComboBox] = {}
        for name in CANONICAL_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.addItem(self.tr("(not in the file)"), "")
            for header in self.headers:
                combo.addItem(header, header)
            chosen = mapping.fields.get(name, "")
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._validate)
            self.combos[name] = combo
            form.addRow(_field_label(name), combo)
        self._form = form
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.remember = QCheckBox(self.tr("Remember this mapping for files with these columns"))
        self.remember.setObjectName("rememberMapping")
        self.remember.setChecked(True)
        self.problem = QLabel()
        self.problem.setObjectName("mappingProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind_combo.currentIndexChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.remember)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        # Wide enough for the labels and the combos side by side (no sideways scrolling), within
        # the screen.
        margins = layout.contentsMargins()
        wanted = (
            inner.sizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + margins.left()
            + margins.right()
        )
        screen = self.screen()
        room = screen.availableGeometry().width() if screen is not None else wanted
        self.resize(min(max(520, wanted), room), 640)
        self._validate()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def mapping(self) -> ColumnMapping:
        fields = {name: str(c.currentData()) for name, c in self.combos.items() if c.currentData()}
        return ColumnMapping(fields=fields, format=None)

    def _show_kind_fields(self) -> None:
        """Only the fields the chosen kind of export has (a 1688 export has no shop name...)."""
        kind = self.kind()
        for name, combo in self.combos.items():
            wanted = FIELD_KINDS.get(name, kind) == kind
            self._form.setRowVisible(combo, wanted)
            if not wanted:
                combo.setCurrentIndex(0)

    @Slot()
    def _validate(self) -> None:
        self._show_kind_fields()
        fields = self.mapping().fields
        missing = [n for n in ("order_no", "status_text") if n not in fields]
        if self.kind() == "1688" and "status_text" in missing:
            missing.remove("status_text")
        used = [h for h in fields.values()]
        duplicate = len(used) != len(set(used)) and not (
            fields.get("created_at") and fields.get("created_at") == fields.get("paid_at")
        )
        if missing:
            names = ", ".join(_field_label(n) for n in missing)
            self.problem.setText(self.tr("Choose a column for: {}").format(names))
        elif duplicate:
            self.problem.setText(self.tr("One column is chosen for two fields."))
        else:
            self.problem.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not missing and not duplicate)
