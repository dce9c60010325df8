"""The offer comparison: one product's offers side by side, ranked by a transparent score.

Each factor's contribution is its own column, the weights are spin boxes the seller sets (kept
in QSettings under ``sourcing/weights``), and offers that cannot serve a one-piece order stay in
the table, marked.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import SupplierKind
from ...domain.offer_ranking import RankedOffer, ScoreWeights
from ...domain.sourcing import FACTORS
from ...services.sourcing import Comparison
from ..formatting import enum_label, format_money
from ..widgets.filter_bar import FilterProxy
from ..widgets.table_copy import install_copy_shortcut

__all__ = ["WEIGHTS_KEY", "ComparisonModel", "ComparisonPanel", "load_weights", "save_weights"]

log = logging.getLogger(__name__)

WEIGHTS_KEY = "sourcing/weights"
_CTX = "Comparison"
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)

#: Translatable factor names (domain keys → English source text).
FACTOR_TEXT = {
    "cost": QT_TRANSLATE_NOOP("Comparison", "Cost / margin"),
    "lead_time": QT_TRANSLATE_NOOP("Comparison", "Lead time"),
    "trust": QT_TRANSLATE_NOOP("Comparison", "Supplier trust"),
    "stability": QT_TRANSLATE_NOOP("Comparison", "Supply stability"),
    "counterfeit_risk": QT_TRANSLATE_NOOP("Comparison", "Counterfeit safety"),
}
#: Translatable eligibility reasons (domain codes → English source text).
ELIGIBILITY_TEXT = {
    "ok": QT_TRANSLATE_NOOP("Comparison", "Yes"),
    "no_dropship": QT_TRANSLATE_NOOP("Comparison", "No: no one-piece dropship"),
    "moq_without_dropship": QT_TRANSLATE_NOOP("Comparison", "No: MOQ above 1, no dropship"),
    "out_of_stock": QT_TRANSLATE_NOOP("Comparison", "No: out of stock"),
}


def _t(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Comparison", …)`` elsewhere, translated.

    Literals must go through ``QCoreApplication.translate("Comparison", …)`` directly: lupdate
    does not see through this helper.
    """
    return QCoreApplication.translate(_CTX, text)


def load_weights(settings: QSettings | None = None) -> ScoreWeights:
    """The seller's remembered weights, or the defaults when none (or broken ones) are stored."""
    raw = (settings or QSettings()).value(WEIGHTS_KEY, "", type=str)
    if not raw:
        return ScoreWeights()
    try:
        data = json.loads(raw)
        return ScoreWeights.from_dict(data if isinstance(data, dict) else None)
    except (ValueError, TypeError):
        log.warning("ignoring unreadable %s setting", WEIGHTS_KEY)
        return ScoreWeights()


def save_weights(weights: ScoreWeights, settings: QSettings | None = None) -> None:
    """Remember ``weights`` (JSON of :meth:`ScoreWeights.as_dict`)."""
    (settings or QSettings()).setValue(WEIGHTS_KEY, json.dumps(weights.as_dict()))


@dataclass(frozen=True)
class _Column:
    header: str
    display: Callable[[RankedOffer, Any], str]
    sort: Callable[[RankedOffer, Any], Any]
    align: int = _RIGHT


def _margin_text(r: RankedOffer, _o: Any) -> str:
    return "" if r.margin_ratio is None else f"{r.margin_ratio * 100:.1f}%"


def _factor_column(name: str) -> _Column:
    return _Column(
        FACTOR_TEXT[name],
        lambda r, _o: f"{r.contributions[name]:.1f}",
        lambda r, _o: r.contributions[name],
    )


COLUMNS: tuple[_Column, ...] = (
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Rank"), lambda r, _o: str(r.rank), lambda r, _o: r.rank
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Supplier"),
        lambda _r, o: o.supplier_name,
        lambda _r, o: o.supplier_name,
        _LEFT,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Preferred"),
        lambda _r, o: "★" if o.preferred else "",
        lambda _r, o: o.preferred,
        _CENTER,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "One piece"),
        lambda r, _o: ("✓ " if r.eligible else "✗ ") + _t(ELIGIBILITY_TEXT[r.reason_code]),
        lambda r, _o: (not r.eligible, r.reason_code),
        _LEFT,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Score"),
        lambda r, _o: f"{r.total:.1f}",
        lambda r, _o: r.total,
    ),
    *(_factor_column(name) for name in FACTORS),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Landed cost"),
        lambda r, _o: format_money(r.landed_cost_fen),
        lambda r, _o: r.landed_cost_fen,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Profit"),
        lambda r, _o: format_money(r.profit_fen),
        lambda r, _o: r.profit_fen,
    ),
    _Column(QT_TRANSLATE_NOOP("Comparison", "Margin"), _margin_text, lambda r, _o: r.margin_ratio),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Lead days"),
        lambda _r, o: str(o.facts.lead_time_days),
        lambda _r, o: o.facts.lead_time_days,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "MOQ"),
        lambda _r, o: str(o.facts.moq),
        lambda _r, o: o.facts.moq,
    ),
    _Column(
        QT_TRANSLATE_NOOP("Comparison", "Kind"),
        lambda _r, o: enum_label(SupplierKind(o.facts.supplier.kind)),
        lambda _r, o: str(o.facts.supplier.kind),
        _LEFT,
    ),
)
ONE_PIECE_COLUMN = 3
SCORE_COLUMN = 4
FIRST_FACTOR_COLUMN = 5
_FACTOR_END = FIRST_FACTOR_COLUMN + len(FACTORS)


@dataclass(frozen=True)
class _Offer:
    facts: Any
    supplier_name: str
    preferred: bool


class ComparisonModel(QAbstractTableModel):
    """Ranked offers of one product; ``Qt.UserRole`` holds sortable raw values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ranked: list[RankedOffer] = []
        self._offers: dict[int, _Offer] = {}
        self._weights = ScoreWeights()

    def set_ranking(
        self, ranked: list[RankedOffer], comparison: Comparison | None, weights: ScoreWeights
    ) -> None:
        """Show ``ranked`` (from ``comparison``'s offers) computed with ``weights``."""
        self.beginResetModel()
        self._ranked = list(ranked)
        self._weights = weights
        preferred = comparison.preferred_offer_id if comparison else None
        self._offers = {
            o.facts.offer_id: _Offer(o.facts, o.supplier_name, o.facts.offer_id == preferred)
            for o in (comparison.offers if comparison else [])
        }
        self.endResetModel()

    def ranked_ids(self) -> list[int]:
        """Offer ids in rank order."""
        return [r.offer_id for r in self._ranked]

    def ranked(self, row: int) -> RankedOffer | None:
        return self._ranked[row] if 0 <= row < len(self._ranked) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ranked)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = _t(COLUMNS[section].header)
            if FIRST_FACTOR_COLUMN <= section < _FACTOR_END:
                name = FACTORS[section - FIRST_FACTOR_COLUMN]
                share = getattr(self._weights, name) / self._weights.total() * 100
                text += f" ({share:.0f})"
            return text
        if role == Qt.ItemDataRole.ToolTipRole and FIRST_FACTOR_COLUMN <= section < _FACTOR_END:
            return QCoreApplication.translate(
                "Comparison",
                "Points this factor adds to the score; the most it can add is in brackets.",
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ranked) and 0 <= col < len(COLUMNS)):
            return None
        ranked = self._ranked[row]
        offer = self._offers.get(ranked.offer_id)
        if offer is None:
            return None
        column = COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(ranked, offer)
        if role == Qt.ItemDataRole.UserRole:
            value = column.sort(ranked, offer)
            return str(value) if isinstance(value, tuple) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and not ranked.eligible:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.ToolTipRole:
            if FIRST_FACTOR_COLUMN <= col < _FACTOR_END:
                name = FACTORS[col - FIRST_FACTOR_COLUMN]
                return QCoreApplication.translate(
                    "Comparison",
                    "Factor score {score:.2f} of 1 × weight {weight:g} → {points:.1f} points",
                ).format(
                    score=ranked.factor_scores[name],
                    weight=getattr(self._weights, name),
                    points=ranked.contributions[name],
                )
            if col == ONE_PIECE_COLUMN and not ranked.eligible:
                return QCoreApplication.translate(
                    "Comparison",
                    "Cannot serve a one-piece dropship order; kept in the list, ranked last.",
                )
        return None


class ComparisonPanel(QWidget):
    """The comparison table with the weight controls.

    Signals:
        weights_changed(object): The seller changed a weight (a :class:`ScoreWeights`).
    """

    weights_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComparisonPanel")
        self.comparison: Comparison | None = None
        self.weights = load_weights()
        self.model = ComparisonModel(self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(
            -1, Qt.SortOrder.AscendingOrder
        )  # rank order until the seller sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setAccessibleName(self.tr("Offer comparison"))
        install_copy_shortcut(self.table)

        self.heading = QLabel()
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.weight_box = QGroupBox(self.tr("Weights"))
        form = QFormLayout(self.weight_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        for name in FACTORS:
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setObjectName(f"weight_{name}")
            spin.setAccessibleName(_t(FACTOR_TEXT[name]))
            form.addRow(_t(FACTOR_TEXT[name]), spin)  # the label gets the spin box as buddy
            self.spins[name] = spin
            spin.valueChanged.connect(self._weights_edited)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the default weights 30/20/20/15/15."))
        self.reset_button.clicked.connect(self.reset_weights)
        form.addRow(self.reset_button)
        self.weight_hint = QLabel()
        self.weight_hint.setObjectName("weightHint")
        self.weight_hint.setWordWrap(True)
        self.weight_hint.setMaximumWidth(230)
        form.addRow(self.weight_hint)
        self._show_weights(self.weights)

        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.weight_box, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self._update_heading()

    def _show_weights(self, weights: ScoreWeights) -> None:
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(round(getattr(weights, name)))
            spin.blockSignals(False)
        self.weight_hint.setText(
            self.tr(
                "Points = weight ÷ total weight × factor score (0–1, 1 = best here) × 100. "
                "Offers that cannot ship one piece are ranked last, not hidden."
            )
        )

    @Slot()
    def _weights_edited(self) -> None:
        values = {name: spin.value() for name, spin in self.spins.items()}
        try:
            weights = ScoreWeights.from_dict(values)
        except ValueError:
            self.weight_hint.setText(self.tr("At least one weight must be above 0."))
            return
        self.set_weights(weights)

    def set_weights(self, weights: ScoreWeights) -> None:
        """Use and remember ``weights``, and re-rank."""
        self.weights = weights
        save_weights(weights)
        self._show_weights(weights)
        self.rerank()
        self.weights_changed.emit(weights)

    @Slot()
    def reset_weights(self) -> None:
        """Back to the default weights."""
        self.set_weights(ScoreWeights())

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show ``comparison`` (``None`` empties the panel)."""
        self.comparison = comparison
        self.rerank()

    def rerank(self) -> None:
        """Rank the offers again with the current weights."""
        ranked = self.comparison.rank(self.weights) if self.comparison else []
        self.model.set_ranking(ranked, self.comparison, self.weights)
        self.table.resizeColumnsToContents()  # a handful of rows: cheap
        self._update_heading()

    def _update_heading(self) -> None:
        c = self.comparison
        if c is None:
            self.heading.setText(self.tr("Select a product to compare its offers."))
        elif not c.offers:
            self.heading.setText(self.tr("“{}” has no offers yet.").format(c.title))
        elif c.sale_price_fen is None:
            self.heading.setText(
                self.tr("Comparing {} offers for “{}”. Set a sale price to see margins.").format(
                    len(c.offers), c.title
                )
            )
        else:
            self.heading.setText(
                self.tr("Comparing {} offers for “{}” at a sale price of {}.").format(
                    len(c.offers), c.title, format_money(c.sale_price_fen)
                )
            )
        climbing = [o.supplier_name for o in c.offers if o.defect_climbing] if c else []
        if climbing:
            self.heading.setText(
                self.heading.text()
                + "\n⚠ "
                + self.tr(
                    "More after-sales cases with faulty goods lately for the offer of: {}. "
                    "Check its quality before ordering more."
                ).format("、".join(climbing))
            )
