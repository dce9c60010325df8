"""After-sales cases feed the fraud checks' buyer history (#17 → #18)."""

from __future__ import annotations

from pathlib import Path

from dropship_desktop.services import after_sales as asv
from dropship_desktop.services.order_import import import_orders_file
from dropship_desktop.store.db import db

from .test_order_import_files import TAOBAO_HEADERS, write_csv
from .test_risk import _id, _risk, _row


def _import(tmp_path: Path, number: int, shop: str, created: str) -> int:
    path = write_csv(tmp_path / f"{number}.csv", TAOBAO_HEADERS, [_row(number, created=created)])
    import_orders_file(path, shop_name=shop)
    return _id(number)


def _refund_only(order_id: int) -> int:
    changes = asv.open_case(order_id, asv.CaseInput(kind="refund_only", requested_fen=5900))
    case_id = int(changes.created_id or 0)
    asv.move_buyer(case_id, "agreed")
    asv.move_buyer(case_id, "refunded")
    return case_id


def _events(order_id: int) -> list[tuple[object, ...]]:
    return list(
        db.execute_sql(
            "SELECT kind, source, open, due_at IS NOT NULL FROM risk_event WHERE order_id = ?",
            (order_id,),
        )
    )


def test_refund_only_cases_in_two_shops_flag_the_buyers_later_order(
    fresh_db: Path, tmp_path: Path
) -> None:
    first = _import(tmp_path, 1, "甲店", "2024-03-05 10:00:00")
    second = _import(tmp_path, 2, "乙店", "2024-03-08 10:00:00")

    opened = asv.open_case(first, asv.CaseInput(kind="refund_only", requested_fen=5900))
    case_id = int(opened.created_id or 0)
    # Recorded with the case, open while the buyer waits for an answer (with its deadline).
    assert _events(first) == [("refund_only", f"case{case_id}", 1, 1)]
    asv.move_buyer(case_id, "agreed")
    asv.move_buyer(case_id, "refunded")
    assert _events(first) == [("refund_only", f"case{case_id}", 0, 0)]

    # One refund is not a pattern yet.
    _import(tmp_path, 3, "丙店", "2024-03-10 10:00:00")
    assert "history_refunds" not in _risk(3)[1]

    _refund_only(second)
    later = _import(tmp_path, 4, "丙店", "2024-03-20 10:00:00")
    assert later not in (first, second)
    level, rules = _risk(4)
    assert "history_refunds" in rules
    # The earlier order of the same buyer is rescored when the second case is recorded.
    assert "history_refunds" in _risk(3)[1]
    assert level >= 1


def test_cases_that_give_no_money_back_are_not_buyer_history(
    fresh_db: Path, tmp_path: Path
) -> None:
    order = _import(tmp_path, 1, "甲店", "2024-03-05 10:00:00")
    asv.open_case(order, asv.CaseInput(kind="exchange"))
    asv.open_case(order, asv.CaseInput(kind="support"))
    assert _events(order) == []
