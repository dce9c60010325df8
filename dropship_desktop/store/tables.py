"""peewee models mirroring the schema that the migrations create.

The models never create tables (migrations do); they give typed access for services and small
queries. Hot paths (the order list, bulk imports) use ``.tuples()`` or the raw connection.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from .db import db

__all__ = [
    "ALL_TABLES",
    "AfterSalesCase",
    "AfterSalesContact",
    "AfterSalesTemplate",
    "AuditEvent",
    "CancellationRequest",
    "DistributionAccount",
    "Offer",
    "OfferPriceTier",
    "Product",
    "PurchaseAttempt",
    "SalesOrder",
    "SalesOrderLine",
    "ShippingExport",
    "Shop",
    "SkuMapping",
    "Supplier",
    "SupplierOrder",
    "SupplierOrderLine",
]


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Supplier(BaseModel):
    id = AutoField()
    kind = TextField()
    name = TextField()
    member_id = TextField(default="")
    shop_url = TextField(default="")
    location = TextField(default="")
    contact = TextField(default="")
    years_on_1688 = IntegerField(default=0)
    rating = FloatField(null=True)
    on_time_rate = FloatField(null=True)
    incidents = IntegerField(default=0)
    notes = TextField(default="")
    created_at = IntegerField()
    updated_at = IntegerField()


class Product(BaseModel):
    id = AutoField()
    title = TextField()
    sku = TextField(null=True, unique=True)
    sale_price_fen = IntegerField(default=0)
    specs = TextField(default="")
    description = TextField(default="")
    # A plain id, not a ForeignKeyField: product ↔ offer reference each other.
    preferred_offer_id = IntegerField(null=True)
    created_at = IntegerField()
    updated_at = IntegerField()


class Offer(BaseModel):
    id = AutoField()
    product = ForeignKeyField(Product, backref="offers", on_delete="CASCADE")
    supplier = ForeignKeyField(Supplier, backref="offers", on_delete="RESTRICT")
    unit_cost_fen = IntegerField()
    moq = IntegerField(default=1)
    lead_time_days = IntegerField(default=2)
    dropship_supported = BooleanField(default=True)
    dropship_fee_fen = IntegerField(default=0)
    fulfilment = TextField(default="platform")
    shipping_fen = IntegerField(default=0)
    stock = IntegerField(null=True)
    offer_ref = TextField(default="")
    last_checked = TextField(null=True)  # ISO date
    created_at = IntegerField()
    updated_at = IntegerField()


class OfferPriceTier(BaseModel):
    id = AutoField()
    offer = ForeignKeyField(Offer, backref="tiers", on_delete="CASCADE")
    min_qty = IntegerField()
    unit_price_fen = IntegerField()


class Shop(BaseModel):
    id = AutoField()
    platform = TextField()
    name = TextField()
    created_at = IntegerField()
    cancel_warning_bp = IntegerField(default=500)  # 30-day cancellation rate warning line


class DistributionAccount(BaseModel):
    id = AutoField()
    name = TextField(unique=True)
    member_id = TextField(default="")
    connector = TextField(default="manual")
    created_at = IntegerField()


class SalesOrder(BaseModel):
    id = AutoField()
    shop = ForeignKeyField(Shop, backref="orders", on_delete="RESTRICT")
    shop_order_no = TextField()
    status = TextField()
    buyer_name = TextField(default="")
    buyer_phone = TextField(default="")
    ship_address = TextField(default="")
    payment_method = TextField(default="")
    sale_fen = IntegerField(default=0)
    quantity = IntegerField(default=0)
    product_summary = TextField(default="")
    cost_fen = IntegerField(default=0)
    dropship_fee_fen = IntegerField(default=0)
    shipping_fen = IntegerField(default=0)
    profit_fen = IntegerField(default=0)
    supplier_status = TextField(null=True)
    supplier_order_no = TextField(null=True)
    carrier = TextField(default="")
    tracking_no = TextField(default="")
    created_at = IntegerField()
    paid_at = IntegerField(null=True)
    ship_by = IntegerField(null=True)
    flags = IntegerField(default=0)
    remark = TextField(default="")
    buyer_data_removed = BooleanField(default=False)
    updated_at = IntegerField()
    # Receiver fields the platform hid in its export (1 name, 2 phone, 4 address): migration 7.
    buyer_hidden = IntegerField(default=0)
    risk_level = IntegerField(default=0)  # domain.risk.RiskLevel
    risk_rules = TextField(default="")  # the rules that fired: "id" or "id=value", ";"-joined
    risk_checked = TextField(default="")  # the risk_rules the seller marked "checked, fine"
    buyer_member = TextField(default="")  # 买家会员名
    buyer_message = TextField(default="")  # 买家留言 (migration 14); remark is the seller's note


class SalesOrderLine(BaseModel):
    id = AutoField()
    sales_order = ForeignKeyField(SalesOrder, backref="lines", on_delete="CASCADE")
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    title = TextField()
    sku = TextField(default="")
    spec = TextField(default="")
    quantity = IntegerField()
    unit_price_fen = IntegerField()
    platform_item_id = TextField(default="")  # the platform's 商品ID
    platform_sku_id = TextField(default="")  # the platform's SKU ID


class SupplierOrder(BaseModel):
    id = AutoField()
    sales_order = ForeignKeyField(
        SalesOrder, null=True, backref="supplier_orders", on_delete="SET NULL"
    )
    supplier = ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    offer = ForeignKeyField(Offer, null=True, on_delete="SET NULL")
    account = ForeignKeyField(DistributionAccount, null=True, on_delete="SET NULL")
    order_id_1688 = TextField(null=True, unique=True)
    status = TextField()
    refund_status = TextField(null=True)
    product_title = TextField(default="")
    quantity = IntegerField(default=1)
    cost_fen = IntegerField(default=0)
    dropship_fee_fen = IntegerField(default=0)
    shipping_fen = IntegerField(default=0)
    paid_fen = IntegerField(default=0)
    recipient_name = TextField(default="")
    recipient_phone = TextField(default="")
    carrier = TextField(default="")
    tracking_no = TextField(default="")
    created_at = IntegerField()
    paid_at = IntegerField(null=True)
    updated_at = IntegerField()
    downstream_order_no = TextField(default="")  # 下游订单号: the shop order it was placed for
    downstream_channel = TextField(default="")  # 下游渠道: the shop's platform, as 1688 names it
    is_dropship = BooleanField(null=True)  # 是否代发订单 (None: not known)
    batch_no = TextField(default="")  # 下单批次号


class SupplierOrderLine(BaseModel):
    """One goods line of a 1688 order (one row of the 1688 buyer export)."""

    id = AutoField()
    supplier_order = ForeignKeyField(SupplierOrder, backref="lines", on_delete="CASCADE")
    line_no = IntegerField()
    title = TextField(default="")
    spec = TextField(default="")
    offer_id_1688 = TextField(default="")  # Offer ID
    sku_id_1688 = TextField(default="")  # SKU ID
    item_code = TextField(default="")  # 货号
    quantity = IntegerField()
    unit_price_fen = IntegerField(default=0)
    amount_fen = IntegerField(default=0)


class CancellationRequest(BaseModel):
    id = AutoField()
    supplier_order = ForeignKeyField(
        SupplierOrder, backref="cancellation_requests", on_delete="CASCADE"
    )
    batch_id = TextField(default="")
    attempt = IntegerField(default=1)
    action = TextField()
    reason_code = TextField()
    reason_text = TextField(default="")
    remark = TextField(default="")
    state = TextField()
    error_code = TextField(default="")
    platform_response = TextField(default="")
    amount_fen = IntegerField(default=0)  # refund: amount asked back; close: order amount
    vouchers = TextField(default="")  # JSON list of evidence image URLs
    refund_id = TextField(default="")  # the platform's refund application id
    created_at = IntegerField()
    submitted_at = IntegerField(null=True)
    finished_at = IntegerField(null=True)


class AuditEvent(BaseModel):
    id = AutoField()
    at = IntegerField()
    actor = TextField(default="local")
    entity = TextField()
    entity_id = IntegerField(null=True)
    sales_order_id = IntegerField(null=True)
    action = TextField()
    before = TextField(default="")
    after = TextField(default="")


class AfterSalesCase(BaseModel):
    """One after-sales case (售后): the buyer's request and the supplier side (migration 8)."""

    id = AutoField()
    sales_order = ForeignKeyField(SalesOrder, backref="after_sales", on_delete="CASCADE")
    shop = ForeignKeyField(Shop, on_delete="RESTRICT")
    platform = TextField(default="")
    supplier_order = ForeignKeyField(SupplierOrder, null=True, on_delete="SET NULL")
    supplier = ForeignKeyField(Supplier, null=True, on_delete="SET NULL")
    offer = ForeignKeyField(Offer, null=True, on_delete="SET NULL")
    kind = TextField()
    buyer_state = TextField(default="requested")
    supplier_state = TextField(default="none")
    platform_case_no = TextField(default="")  # 售后编号
    platform_status = TextField(default="")  # 售后状态 as the platform wrote it
    reason = TextField(default="")
    defect = BooleanField(default=False)
    requested_fen = IntegerField(default=0)
    refunded_fen = IntegerField(default=0)
    recovered_fen = IntegerField(default=0)
    extra_cost_fen = IntegerField(default=0)
    buyer_tracking_no = TextField(default="")  # the buyer's return parcel
    reship_tracking_no = TextField(default="")  # replacement / re-shipped part / repaired item
    return_address = TextField(default="")  # the supplier's return address
    supplier_tracking_no = TextField(default="")  # the parcel sent back to the supplier
    supplier_refund_id = TextField(default="")  # 1688 refund id (TQ…)
    supplier_dispute = TextField(default="")  # refund / returnRefund
    supplier_goods_status = TextField(default="")
    supplier_pending = TextField(default="")  # "submitted": sent, answer not recorded yet
    supplier_message = TextField(default="")
    note = TextField(default="")
    source = TextField(default="manual")
    opened_at = IntegerField()
    buyer_state_at = IntegerField()
    supplier_state_at = IntegerField(null=True)
    deadline_at = IntegerField(null=True)
    closed_at = IntegerField(null=True)
    queue_rank = IntegerField()
    updated_at = IntegerField()


class AfterSalesContact(BaseModel):
    id = AutoField()
    case = ForeignKeyField(AfterSalesCase, backref="contacts", on_delete="CASCADE")
    at = IntegerField()
    channel = TextField()
    direction = TextField()
    note = TextField(default="")
    created_at = IntegerField()


class AfterSalesTemplate(BaseModel):
    id = AutoField()
    name = TextField()
    kind = TextField(default="")
    body = TextField()
    position = IntegerField(default=0)
    updated_at = IntegerField()


class SkuMapping(BaseModel):
    """A shop listing → 1688 offer + spec (migration 9; see services/mapping.py)."""

    id = AutoField()
    shop = ForeignKeyField(Shop, on_delete="CASCADE")
    listing_key = TextField()
    platform_item_id = TextField(default="")
    platform_sku_id = TextField(default="")
    merchant_code = TextField(default="")
    title = TextField(default="")
    spec = TextField(default="")
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    offer = ForeignKeyField(Offer, null=True, on_delete="SET NULL")
    offer_id_1688 = TextField(default="")
    spec_id_1688 = TextField(default="")
    spec_text_1688 = TextField(default="")
    target_key = TextField()
    quantity_factor = IntegerField(default=1)
    priority = IntegerField(default=0)
    state = TextField()
    source = TextField(default="manual")
    learned_from = TextField(default="")
    created_at = IntegerField()
    updated_at = IntegerField()


class PurchaseAttempt(BaseModel):
    """One 1688 purchase for a shop order, recorded before it is sent (services/purchasing.py)."""

    id = AutoField()
    sales_order = ForeignKeyField(SalesOrder, on_delete="CASCADE")
    out_order_id = TextField(unique=True)
    channel = TextField()
    connector = TextField(default="manual")
    account = ForeignKeyField(DistributionAccount, null=True, on_delete="SET NULL")
    state = TextField()
    order_again = BooleanField(default=False)
    cargo = TextField(default="[]")
    goods_fen = IntegerField(default=0)
    dropship_fee_fen = IntegerField(default=0)
    shipping_fen = IntegerField(default=0)
    order_ids_1688 = TextField(default="")
    error_code = TextField(default="")
    message = TextField(default="")
    created_at = IntegerField()
    sent_at = IntegerField(null=True)
    finished_at = IntegerField(null=True)
    updated_at = IntegerField()


class ShippingExport(BaseModel):
    """A shop order written to a batch-ship file, with what was sent (services/shipping.py)."""

    id = AutoField()
    sales_order = ForeignKeyField(SalesOrder, on_delete="CASCADE")
    supplier_order = ForeignKeyField(SupplierOrder, null=True, on_delete="SET NULL")
    platform = TextField()
    carrier = TextField()
    carrier_1688 = TextField(default="")
    tracking_no = TextField()
    file_name = TextField(default="")
    exported_at = IntegerField()


ALL_TABLES: tuple[type[BaseModel], ...] = (
    Supplier,
    Product,
    Offer,
    OfferPriceTier,
    Shop,
    DistributionAccount,
    SalesOrder,
    SalesOrderLine,
    SupplierOrder,
    SupplierOrderLine,
    CancellationRequest,
    AuditEvent,
    AfterSalesCase,
    AfterSalesContact,
    AfterSalesTemplate,
    SkuMapping,
    PurchaseAttempt,
    ShippingExport,
)
