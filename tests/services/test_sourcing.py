from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dropship_desktop.domain.offer_ranking import ScoreWeights
from dropship_desktop.errors import UserError, ValidationError
from dropship_desktop.services.sourcing import (
    OfferInput,
    ProductInput,
    commit_product_import,
    create_offer,
    create_product,
    delete_offer,
    delete_product,
    export_offers,
    export_suppliers,
    format_tiers,
    load_comparison,
    mark_offer_out_of_stock,
    parse_tiers,
    preferred_offer_for,
    preview_product_import,
    set_preferred_offer,
    update_offer,
    update_product,
)
from dropship_desktop.services.suppliers import SupplierInput, create_supplier
from dropship_desktop.store.db import db
from dropship_desktop.store.sourcing_queries import list_offers
from dropship_desktop.store.tables import AuditEvent, Offer, OfferPriceTier, Product, Supplier


def _supplier(kind: str = "platform", name: str = "义乌晨光") -> int:
    created = create_supplier(SupplierInput(kind=kind, name=name, years_on_1688=3)).created_id
    assert created is not None
    return created


def _product(sku: str = "MUG-1", price: int = 2990) -> int:
    created = create_product(
        ProductInput(title="北欧风陶瓷马克杯 带盖带勺 350ml", sku=sku, sale_price_fen=price)
    ).created_id
    assert created is not None
    return created


def _offer(product_id: int, supplier_id: int, cost: int = 900, **kw: object) -> int:
    created = create_offer(OfferInput(product_id, supplier_id, cost, **kw)).created_id  # type: ignore[arg-type]
    assert created is not None
    return created


def _counts() -> tuple[int, ...]:
    return tuple(
        db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("product", "offer", "offer_price_tier", "supplier", "audit_event")
    )


def test_product_crud_and_unique_sku(fresh_db: Path) -> None:
    pid = _product()
    with pytest.raises(ValidationError) as info:
        create_product(ProductInput(title="另一个", sku="MUG-1"))
    assert set(info.value.field_errors) == {"sku"}
    with pytest.raises(ValidationError) as info:
        create_product(ProductInput(title=" ", sale_price_fen=-1))
    assert set(info.value.field_errors) == {"title", "sale_price_fen"}
    update_product(pid, ProductInput(title="马克杯 350ml 白色", sku="MUG-1", sale_price_fen=3500))
    assert Product.get_by_id(pid).sale_price_fen == 3500
    delete_product(pid)
    assert Product.select().count() == 0


def test_offer_with_tiers_validated_and_replaced(fresh_db: Path) -> None:
    pid, sid = _product(), _supplier()
    with pytest.raises(ValidationError) as info:
        create_offer(OfferInput(pid, sid, 0, price_tiers=((10, 800), (5, 700)), moq=0))
    assert {"unit_cost_fen", "price_tiers", "moq"} <= set(info.value.field_errors)
    assert Offer.select().count() == 0
    oid = _offer(pid, sid, price_tiers=((10, 850), (50, 800)))
    assert OfferPriceTier.select().where(OfferPriceTier.offer == oid).count() == 2
    update_offer(oid, OfferInput(pid, sid, 950, price_tiers=((20, 900),), stock=5))
    offer_row = list_offers(pid)[0]
    assert offer_row[3] == 950 and offer_row[10] == 5 and offer_row[13] == "20:900"
    delete_offer(oid)
    assert OfferPriceTier.select().count() == 0


def test_tier_text_round_trip() -> None:
    assert parse_tiers("10:9.50；50：9") == ((10, 950), (50, 900))
    assert format_tiers(((10, 950), (50, 900))) == "10:9.50;50:9.00"
    with pytest.raises(ValueError, match="quantity:price"):
        parse_tiers("ten:9")
    with pytest.raises(ValueError, match="two decimals"):
        parse_tiers("10:9.505")


def test_preferred_offer_and_out_of_stock_fallback(fresh_db: Path) -> None:
    pid = _product()
    platform, channel = _supplier("platform", "平台A"), _supplier("channel", "渠道B")
    cheap = _offer(pid, channel, 600)
    solid = _offer(pid, platform, 1000, stock=100)
    no_dropship = _offer(pid, platform, 400, dropship_supported=False, moq=10)
    assert preferred_offer_for(pid) in {cheap, solid}
    set_preferred_offer(pid, no_dropship)
    # The preferred offer cannot serve one piece, so the best eligible one is used instead.
    assert preferred_offer_for(pid) != no_dropship
    set_preferred_offer(pid, solid)
    assert preferred_offer_for(pid) == solid
    mark_offer_out_of_stock(solid)
    assert Offer.get_by_id(solid).stock == 0
    assert preferred_offer_for(pid) == cheap
    only_cost = ScoreWeights(cost=1, lead_time=0, trust=0, stability=0, counterfeit_risk=0)
    assert preferred_offer_for(pid, only_cost) == cheap
    with pytest.raises(UserError):
        set_preferred_offer(_product("OTHER"), cheap)


def test_comparison_ranks_and_reacts_to_weights(fresh_db: Path) -> None:
    pid = _product()
    platform, channel = _supplier("platform", "平台A"), _supplier("channel", "渠道B")
    cheap = _offer(pid, channel, 600, lead_time_days=1)
    solid = _offer(pid, platform, 1000, stock=100, last_checked="2026-10-30")
    comparison = load_comparison(pid)
    assert comparison.sale_price_fen == 2990
    by_cost = comparison.rank(ScoreWeights(1, 0, 0, 0, 0))
    by_trust = comparison.rank(ScoreWeights(0, 0, 1, 0, 0))
    assert by_cost[0].offer_id == cheap
    assert by_trust[0].offer_id == solid


def test_delete_offer_used_by_supplier_order_is_refused(demo_db: Path) -> None:
    offer_id = db.execute_sql(
        "SELECT offer_id FROM supplier_order WHERE offer_id IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    before = _counts()
    with pytest.raises(UserError, match="cannot be deleted"):
        delete_offer(offer_id)
    product_id = Offer.get_by_id(offer_id).product_id
    with pytest.raises(UserError, match="cannot be deleted"):
        delete_product(product_id)
    assert _counts() == before


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HEADER = ["商家编码", "商品标题", "售价", "供应商", "供应商类型", "单价", "阶梯价", "一件代发"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
def test_import_csv_encodings_all_or_nothing(fresh_db: Path, tmp_path: Path, encoding: str) -> None:
    _supplier("platform", "义乌晨光")
    path = _write_csv(
        tmp_path / "in.csv",
        [
            HEADER,
            ["CUP-1", "保温杯 不锈钢 500ml 黑色", "39.90", "义乌晨光", "", "15.5", "10:14", "是"],
            ["CUP-1", "", "", "深圳渠道", "渠道商", "12", "", "否"],
            ["BAG-2", "帆布袋 大号 米色 40x35cm", "25", "", "", "", "", ""],
        ],
        encoding,
    )
    preview = preview_product_import(path)
    assert preview.ok, [r.errors for r in preview.rows]
    assert [r.row_number for r in preview.rows] == [2, 3, 4]
    assert "new supplier" in preview.rows[1].action
    commit_product_import(preview)
    assert Product.select().count() == 2
    assert Supplier.select().count() == 2
    offers = {o.unit_cost_fen: o for o in Offer.select()}
    assert offers[1550].dropship_supported and not offers[1200].dropship_supported
    # Importing the same file again updates, never duplicates.
    commit_product_import(preview_product_import(path))
    assert Offer.select().count() == 2


def test_rejected_import_leaves_database_unchanged(fresh_db: Path, tmp_path: Path) -> None:
    _supplier("platform", "义乌晨光")
    path = _write_csv(
        tmp_path / "bad.csv",
        [
            HEADER,
            ["CUP-1", "保温杯 不锈钢 500ml", "39.90", "义乌晨光", "", "15.555", "", ""],
            ["CUP-2", "保温杯 大号", "abc", "没有这个供应商", "", "10", "10:9;5:8", "maybe"],
            ["", "no sku", "1", "", "", "", "", ""],
        ],
    )
    before = _counts()
    preview = preview_product_import(path)
    assert not preview.ok and preview.error_count == 3
    assert "unit_cost" in preview.rows[0].errors
    assert {"sale_price", "supplier", "tiers", "dropship"} <= set(preview.rows[1].errors)
    assert "sku" in preview.rows[2].errors
    with pytest.raises(UserError, match="nothing was imported"):
        commit_product_import(preview)
    assert _counts() == before


def test_import_reports_odd_digits_as_a_cell_error(fresh_db: Path, tmp_path: Path) -> None:
    _supplier("platform", "义乌晨光")
    header = [*HEADER, "起批量", "库存"]
    path = _write_csv(
        tmp_path / "odd.csv",
        [header, ["CUP-1", "保温杯", "39.90", "义乌晨光", "", "15", "", "是", "²", "１２"]],
    )
    preview = preview_product_import(path)  # a digit int() refuses must not crash the preview
    row = preview.rows[0]
    assert set(row.errors) == {"moq"}
    assert row.offer is not None and row.offer.stock == 12  # full-width digits are numbers


def test_import_fails_midway_rolls_back(fresh_db: Path, tmp_path: Path) -> None:
    sid = _supplier("platform", "义乌晨光")
    path = _write_csv(
        tmp_path / "in.csv",
        [
            HEADER,
            ["CUP-1", "保温杯 不锈钢 500ml", "39.90", "", "", "", "", ""],
            ["CUP-2", "保温杯 大号 1L", "49.90", "义乌晨光", "", "10", "", ""],
        ],
    )
    preview = preview_product_import(path)
    assert preview.ok
    Supplier.delete().where(Supplier.id == sid).execute()  # changed since the preview
    before = _counts()
    with pytest.raises(UserError, match="Row 3"):
        commit_product_import(preview)
    assert _counts() == before


def test_import_without_sku_column_is_refused(fresh_db: Path, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "x.csv", [["name", "price"], ["a", "1"]])
    with pytest.raises(UserError, match="SKU"):
        preview_product_import(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_export_round_trip_and_no_formulas(
    demo_db: Path, tmp_path: Path, suffix: str, lang: str
) -> None:
    Supplier.update(notes='=HYPERLINK("http://x")').execute()
    assert export_suppliers(tmp_path / f"s{suffix}", lang) == Supplier.select().count()
    offers_path = tmp_path / f"o{suffix}"
    export_offers(offers_path, lang)
    if suffix == ".csv":
        raw = (tmp_path / f"s{suffix}").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert "'=HYPERLINK" in raw.decode("utf-8-sig")
    else:
        sheet = load_workbook(tmp_path / f"s{suffix}").active
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
    before = _counts()[:4]
    offers_before = db.execute_sql(
        "SELECT product_id, supplier_id, unit_cost_fen, moq, stock, dropship_supported FROM offer"
        " ORDER BY id"
    ).fetchall()
    preview = preview_product_import(offers_path)
    assert preview.ok, [(r.row_number, r.errors) for r in preview.rows if r.errors][:3]
    commit_product_import(preview)
    assert _counts()[:4] == before
    assert (
        db.execute_sql(
            "SELECT product_id, supplier_id, unit_cost_fen, moq, stock, dropship_supported"
            " FROM offer ORDER BY id"
        ).fetchall()
        == offers_before
    )


def test_export_refuses_unknown_suffix(fresh_db: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx or \.csv"):
        export_suppliers(tmp_path / "x.txt")


def _events() -> list[tuple[str, str]]:
    rows = db.execute_sql("SELECT entity, action FROM audit_event ORDER BY id").fetchall()
    return [tuple(row) for row in rows]


def test_unchanged_saves_write_no_audit_event(fresh_db: Path) -> None:
    pid, sid = _product(), _supplier()
    product = ProductInput(
        title="北欧风陶瓷马克杯 带盖带勺 350ml", sku="MUG-1", sale_price_fen=2990
    )
    offer = OfferInput(pid, sid, 900, price_tiers=((10, 850), (50, 800)), stock=7)
    oid = create_offer(offer).created_id
    assert oid is not None
    events = _events()
    # An old stamp shows whether the rows were rewritten (now_epoch has whole seconds).
    db.execute_sql("UPDATE product SET updated_at = 1")
    db.execute_sql("UPDATE offer SET updated_at = 1")
    changes = update_product(pid, replace(product, title=f" {product.title} "))
    assert changes.tables == {"product"} and changes.ids == {"product": {pid}}
    changes = update_offer(oid, offer)
    assert changes.ids == {"offer": {oid}, "product": {pid}}
    assert _events() == events
    assert (Product.get_by_id(pid).updated_at, Offer.get_by_id(oid).updated_at) == (1, 1)


def test_tier_only_edit_is_audited(fresh_db: Path) -> None:
    pid, sid = _product(), _supplier()
    offer = OfferInput(pid, sid, 900, price_tiers=((10, 850),))
    oid = create_offer(offer).created_id
    assert oid is not None
    update_offer(oid, replace(offer, price_tiers=((10, 850), (50, 800))))
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.entity, event.action) == ("offer", "update")
    assert json.loads(event.before) == {"price_tiers": [[10, 850]]}
    assert json.loads(event.after) == {"price_tiers": [[10, 850], [50, 800]]}
    assert list_offers(pid)[0][13] == "10:850;50:800"


def test_an_offer_is_not_moved_to_another_product(fresh_db: Path) -> None:
    pid, other, sid = _product(), _product("OTHER"), _supplier()
    oid = _offer(pid, sid, price_tiers=((10, 850),))
    set_preferred_offer(pid, oid)
    before = _counts()
    with pytest.raises(UserError, match="cannot be moved to another product"):
        update_offer(oid, OfferInput(other, sid, 700))
    assert _counts() == before
    assert Offer.get_by_id(oid).product_id == pid and Offer.get_by_id(oid).unit_cost_fen == 900
    assert Product.get_by_id(pid).preferred_offer_id == oid
