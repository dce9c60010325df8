"""Messages of the non-Qt layers reach the UI translated, and new code keeps marking them.

(a) A real service error, a field problem and a status-bar message go through the UI helpers
    with a tiny in-test translation installed and come out in Chinese with their values.
(b) An AST scan of ``dropship_desktop/``: every user-facing error is raised with a template
    marked by ``QT_TRANSLATE_NOOP`` (or a variable holding one), never an f-string or a bare
    literal, and no Changes message is an unmarked literal.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dropship_desktop"

_DELETE_TEMPLATE = (
    "“{name}” cannot be deleted: {offers} offer(s) and {orders} supplier order(s) use it. "
    "Delete or move its offers first; suppliers with orders are kept for the order history."
)
_DELETE_ZH = "“{name}”无法删除：有 {offers} 个货源报价和 {orders} 个采购单在用它。"
_SKU_TEMPLATE = "Another product already uses the SKU “{sku}”."
_SKU_ZH = "已有其他商品使用商家编码“{sku}”。"
_ROW_TEMPLATE = "Row {row}: {problem} Nothing was imported."
_ROW_ZH = "第 {row} 行：{problem} 未导入任何内容。"
_PRODUCT_SAVED = "Product saved."
_PRODUCT_SAVED_ZH = "商品已保存。"
_IMPORTED_TEMPLATE = (
    "Import finished: {products_created} new products, {offers_created} new offers, "
    "{offers_updated} offers updated."
)
_IMPORTED_ZH = "导入完成：新增 {products_created} 个商品、{offers_created} 个货源，更新 {offers_updated} 个货源。"


def _release_tool() -> object:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return i18n


def _write_ts(path: Path, entries: dict[str, list[tuple[str, str]]]) -> None:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
    ]
    for context, messages in entries.items():
        parts.append(f"<context><name>{escape(context)}</name>")
        for source, translation in messages:
            parts.append(
                f"<message><source>{escape(source)}</source>"
                f"<translation>{escape(translation)}</translation></message>"
            )
        parts.append("</context>")
    parts.append("</TS>\n")
    path.write_text("".join(parts), encoding="utf-8")


@pytest.fixture
def zh_translator(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    """A translator with a handful of the marked templates, compiled with tools/i18n.release."""
    ts = tmp_path / "mini_zh_CN.ts"
    qm = tmp_path / "mini_zh_CN.qm"
    _write_ts(
        ts,
        {
            "Errors": [
                (_DELETE_TEMPLATE, _DELETE_ZH),
                (_SKU_TEMPLATE, _SKU_ZH),
                (_ROW_TEMPLATE, _ROW_ZH),
            ],
            "Messages": [(_PRODUCT_SAVED, _PRODUCT_SAVED_ZH), (_IMPORTED_TEMPLATE, _IMPORTED_ZH)],
        },
    )
    _release_tool().release(ts, qm)  # type: ignore[attr-defined]
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


# --- (a) the mechanism, end to end -----------------------------------------------------------


def test_service_error_is_shown_translated_with_its_values(
    fresh_db: Path, zh_translator: QTranslator
) -> None:
    from dropship_desktop.errors import UserError
    from dropship_desktop.services.sourcing import (
        OfferInput,
        ProductInput,
        create_offer,
        create_product,
    )
    from dropship_desktop.services.suppliers import SupplierInput, create_supplier, delete_supplier
    from dropship_desktop.ui.formatting import user_error_text

    supplier_id = create_supplier(SupplierInput(kind="platform", name="义乌晨光")).created_id
    product_id = create_product(ProductInput(title="保温杯 350ml", sku="CUP-1")).created_id
    assert supplier_id is not None and product_id is not None
    create_offer(OfferInput(product_id, supplier_id, 900))

    with pytest.raises(UserError) as caught:
        delete_supplier(supplier_id)
    error = caught.value
    # The CLI and the logs keep the English text…
    assert "cannot be deleted: 1 offer(s) and 0 supplier order(s)" in str(error)
    # …the UI shows the translation with the same values.
    assert user_error_text(error) == "“义乌晨光”无法删除：有 1 个货源报价和 0 个采购单在用它。"


def test_field_problems_and_nested_messages_translate(
    fresh_db: Path, zh_translator: QTranslator
) -> None:
    from dropship_desktop.errors import UserError, ValidationError
    from dropship_desktop.i18n import QT_TRANSLATE_NOOP
    from dropship_desktop.services.sourcing import ProductInput, create_product
    from dropship_desktop.ui.formatting import translated, user_error_text

    create_product(ProductInput(title="保温杯 350ml", sku="CUP-1"))
    with pytest.raises(ValidationError) as caught:
        create_product(ProductInput(title="另一个杯子", sku="CUP-1"))
    problem = caught.value.field_errors["sku"]
    assert problem == "Another product already uses the SKU “CUP-1”."
    assert translated(problem) == "已有其他商品使用商家编码“CUP-1”。"

    # A message holding another message (an import row's problem) is translated as a whole.
    nested = UserError(
        QT_TRANSLATE_NOOP("Errors", _ROW_TEMPLATE), row=3, problem=caught.value.field_errors["sku"]
    )
    assert (
        str(nested) == "Row 3: Another product already uses the SKU “CUP-1”. Nothing was imported."
    )
    assert user_error_text(nested) == "第 3 行：已有其他商品使用商家编码“CUP-1”。 未导入任何内容。"


def test_status_bar_messages_translate(zh_translator: QTranslator) -> None:
    from dropship_desktop.i18n import QT_TRANSLATE_NOOP
    from dropship_desktop.services.base import Changes
    from dropship_desktop.ui.formatting import changes_text

    saved = Changes.of("product", message=QT_TRANSLATE_NOOP("Messages", _PRODUCT_SAVED))
    assert changes_text(saved) == _PRODUCT_SAVED_ZH
    counts = {"products_created": 2, "offers_created": 3, "offers_updated": 1}
    imported = Changes.of(
        "product",
        message=QT_TRANSLATE_NOOP("Messages", _IMPORTED_TEMPLATE),
        message_params=counts,
    )
    assert (
        imported.message_text == "Import finished: 2 new products, 3 new offers, 1 offers updated."
    )
    assert changes_text(imported) == "导入完成：新增 2 个商品、3 个货源，更新 1 个货源。"
    # Merged changes keep the message that wins together with its values.
    assert changes_text(Changes.of("offer") | imported) == changes_text(imported)


def test_tabular_errors_carry_templates() -> None:
    from dropship_desktop.tabular import TableError, read_table

    with pytest.raises(TableError) as caught:
        read_table(b"   ", filename="empty.csv")
    error = caught.value
    assert error.template == "The file is empty. Export the orders again and choose that file."
    assert error.context == "Errors"
    assert str(error) == error.template


# --- (b) new code cannot regress ---------------------------------------------------------------

#: The CLI speaks English only (its errors never reach the UI).
_ENGLISH_ONLY = {
    PACKAGE / "cli" / name for name in ("demo.py", "orders.py", "safety.py", "sourcing.py")
}
#: Error types whose message the UI shows; subclasses are found below.
_ROOT_ERRORS = {
    "UserError",
    "ValidationError",
    "MarkedError",
    "TableError",
    "CellError",
    "MoneyError",
}


#: Values that carry a message to the seller: (position, keyword) of the message argument.
_MESSAGE_ARGS: dict[str, tuple[int, str]] = {
    "Problem": (1, "message"),
    "SignInResult": (1, "message"),
    "Advice": (1, "message"),
    "OrderPlan": (5, "message"),
}


def _sources() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


def _user_error_names(sources: list[tuple[Path, ast.Module]]) -> set[str]:
    names = set(_ROOT_ERRORS)
    grew = True
    while grew:
        grew = False
        for _path, tree in sources:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {
                        b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                        for b in node.bases
                    }
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _unmarked(node: ast.expr) -> bool:
    """Whether *node* is English text written in place: a non-empty literal, an f-string, or
    text glued together with ``+`` / ``%``."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _unmarked(node.left) or _unmarked(node.right)
    if isinstance(node, ast.IfExp):
        return _unmarked(node.body) or _unmarked(node.orelse)
    return False


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{owner}.{func.attr}"
    return ""


def test_user_facing_messages_are_marked_for_translation() -> None:
    sources = _sources()
    errors = _user_error_names(sources)
    offenders: list[str] = []
    for path, tree in sources:
        if path in _ENGLISH_ONLY:
            continue
        ui = "ui" in path.relative_to(PACKAGE).parts
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in errors and node.args and _unmarked(node.args[0]):
                offenders.append(f"{where}: {name}(...) with an unmarked message")
            # Changes' status-bar messages (services build them; the UI may too).
            if name.endswith("Changes") or name.endswith("Changes.of") or name == "_changes":
                for keyword in node.keywords:
                    if keyword.arg == "message" and _unmarked(keyword.value):
                        offenders.append(f"{where}: {name}(message=...) not marked")
            # The cancel flow's values that carry a message to the seller take catalogue texts.
            position = _MESSAGE_ARGS.get(name.rsplit(".", 1)[-1])
            if position is not None:
                index, keyword_name = position
                values = [k.value for k in node.keywords if k.arg == keyword_name]
                if len(node.args) > index:
                    values.append(node.args[index])
                if any(_unmarked(v) for v in values):
                    offenders.append(f"{where}: {name}(...) with an unmarked message")
            if (
                ui
                and name.endswith(".tr")
                and node.args
                and isinstance(node.args[0], ast.JoinedStr)
            ):
                offenders.append(f"{where}: tr() of an f-string (lupdate needs a literal)")
    assert offenders == [], "mark these with QT_TRANSLATE_NOOP:\n" + "\n".join(offenders)


def test_the_scan_catches_an_unmarked_message() -> None:
    bad = ast.parse('raise UserError(f"“{name}” cannot be deleted.")\nx = "a" + "b"')
    call = bad.body[0].exc  # type: ignore[attr-defined]
    assert _unmarked(call.args[0])
    good = ast.parse('raise UserError(QT_TRANSLATE_NOOP("Errors", "x {name}"), name=n)')
    assert not _unmarked(good.body[0].exc.args[0])  # type: ignore[attr-defined]
