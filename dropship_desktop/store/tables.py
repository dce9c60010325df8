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
    "AuditEvent",
    "CancellationRequest",
    "DistributionAccount",
    "Offer",
    "OfferPriceTier",
    "Product",
    "SalesOrder",
    "SalesOrderLine",
    "Shop",
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
    risk_level = IntegerField(default=0)  # domain.risk.RiskLevel
    risk_rules = TextField(default="")  # the rules that fired: "id" or "id=value", ";"-joined
    risk_checked = TextField(default="")  # the risk_rules the seller marked "checked, fine"
    buyer_member = TextField(default="")  # 买家会员名


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
)
