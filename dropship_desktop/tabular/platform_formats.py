"""The platform-format registry: one declaration per order-export layout the import reads.

Each :class:`PlatformFormat` says everything the app knows about one layout: its key (the CLI's
``--format``), its labels (the preview's name, the import dialog's entry), whether it holds shop
orders or 1688 purchases (which decides its status words, see
:func:`~.orders_formats.map_status_text`), the shop platforms whose shops can receive its orders,
the headers that recognise it (every *required* group must have a member present; the score is
how many *signature* headers are present — distinctive ones only, 订单状态 appears everywhere),
and the candidate source headers of each canonical field, best first (compared after
:func:`~.orders_formats.normalise_header`).

Adding a platform format is one declaration here, added to :data:`REGISTRY`: detection, column
mapping, the dialog's format list, the CLI's ``--format`` choices and the shop platforms all read
it. (A new shop platform also needs its :class:`~..domain.enums.ShopPlatform` member.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ..domain.enums import ShopPlatform
from ..i18n import QT_TRANSLATE_NOOP

__all__ = [
    "REGISTRY",
    "OrderKind",
    "PlatformFormat",
    "choice_keys",
    "choice_text",
    "platform_format",
]

#: ``"shop"``: a shop platform's sold orders; ``"1688"``: 1688 purchase orders.
OrderKind = Literal["shop", "1688"]


@dataclass(frozen=True)
class PlatformFormat:
    """One order-export layout.

    Attributes:
        key: The short name (``--format``, saved mappings, :attr:`ImportPreview.format`).
        label: What the import calls the layout (marked, context ``Import``).
        choice: The import dialog's entry for it (marked, context ``ImportDialog``); ``None``:
            recognised only, never offered as a choice (nor as ``--format``).
        kind: Shop orders or 1688 purchases (their status words and how they are written).
        platforms: The shop platforms whose shops can receive its orders (none for 1688 and for
            this app's own export, whose rows name their shop).
        required: Header groups that must each have a member present for it to be recognised.
        signature: Distinctive headers; the recognised layout is the one with most present.
        candidates: Canonical field -> source headers, best first.
    """

    key: str
    label: str
    choice: str | None
    kind: OrderKind
    platforms: tuple[str, ...]
    required: tuple[tuple[str, ...], ...]
    signature: tuple[str, ...]
    candidates: Mapping[str, tuple[str, ...]]


# Taobao and Tmall share one layout: the order list and the order detail exports.
#: What a shop export may say of the buyer and of how an order closed (the fraud rules read it).
_BUYER_AND_CLOSING: dict[str, tuple[str, ...]] = {
    "buyer_message": ("买家留言", "买家备注", "留言"),
    "buyer_member": ("买家会员名", "买家昵称", "用户昵称", "买家账号"),
    "payment_method": ("支付方式", "付款方式", "支付类型"),
    "close_reason": ("订单关闭原因", "关闭原因", "取消原因"),
    "refund_fen": ("退款金额",),
}

_TAOBAO = PlatformFormat(
    key="taobao",
    label=QT_TRANSLATE_NOOP("Import", "Taobao / Tmall"),
    choice=QT_TRANSLATE_NOOP("ImportDialog", "Taobao / Tmall (已卖出的宝贝)"),
    kind="shop",
    platforms=(ShopPlatform.TAOBAO.value, ShopPlatform.TMALL.value),
    required=(
        ("订单编号", "主订单编号"),
        ("买家会员名", "宝贝标题", "买家实际支付金额", "购买数量"),
    ),
    signature=(
        "买家会员名",
        "宝贝标题",
        "买家实际支付金额",
        "买家应付货款",
        "宝贝总数量",
        "联系手机",
        "订单付款时间",
        "物流单号",
        "商家编码",
        "标题",
        "购买数量",
        "买家支付宝账号",
    ),
    candidates={
        "order_no": ("订单编号", "主订单编号"),
        "sub_order_no": ("子订单编号",),
        "shop_name": ("店铺名称",),
        "buyer_name": ("收货人姓名", "收货人"),
        "buyer_phone": ("联系手机", "联系电话"),
        "address": ("收货地址", "详细地址"),
        "changed_address": ("修改后的收货地址",),
        "product_title": ("宝贝标题", "标题", "商品标题"),
        "sku": ("商家编码", "外部系统编号"),
        # 修改后的sku is the attributes the buyer changed to (颜色分类:黑色…), not a seller code.
        "spec": ("商品属性", "销售属性", "修改后的sku"),
        "quantity": ("宝贝总数量", "购买数量", "数量"),
        "unit_price_fen": ("价格", "单价"),
        "amount_fen": ("买家实际支付金额", "实付金额", "买家应付货款", "总金额"),
        "payable_fen": ("买家应付货款", "总金额"),
        "platform_item_id": ("宝贝id", "商品id"),
        "platform_sku_id": ("skuid", "sku id"),
        "shipping_fen": ("买家应付邮费", "邮费"),
        "status_text": ("订单状态",),
        "created_at": ("订单创建时间", "创建时间"),
        "paid_at": ("订单付款时间", "付款时间"),
        "ship_by": ("最晚发货时间", "承诺发货时间"),
        "carrier": ("物流公司",),
        "tracking_no": ("物流单号", "运单号"),
        "remark": ("订单备注", "备注"),
        **_BUYER_AND_CLOSING,
    },
)

_PDD = PlatformFormat(
    key="pdd",
    label=QT_TRANSLATE_NOOP("Import", "Pinduoduo"),
    choice=QT_TRANSLATE_NOOP("ImportDialog", "Pinduoduo"),
    kind="shop",
    platforms=(ShopPlatform.PDD.value,),
    required=(
        ("订单号",),
        ("用户实付金额", "商家实收金额", "订单成交时间", "拼单成功时间", "商品"),
    ),
    signature=(
        "商品",
        "用户实付金额",
        "商家实收金额",
        "商品数量",
        "订单成交时间",
        "拼单成功时间",
        "快递单号",
        "样式id",
        "商品规格",
        "手机",
        "收货人",
    ),
    candidates={
        "order_no": ("订单号", "订单编号"),
        "shop_name": ("店铺名称", "店铺"),
        "buyer_name": ("收货人", "收货人姓名"),
        "buyer_phone": ("手机", "收货人手机号", "联系电话"),
        "province": ("省",),
        "city": ("市",),
        "district": ("区",),
        "street": (),
        "address": ("详细地址", "街道", "收货地址"),
        "product_title": ("商品", "商品名称"),
        "sku": (
            "商家编码-sku维度",
            "sku编码",
            "商家编码-规格维度",
            "商家编码-商品维度",
            "商家编码",
        ),
        "spec": ("商品规格", "规格"),
        "platform_item_id": ("商品id",),
        "platform_sku_id": ("样式id", "skuid", "sku id"),
        "quantity": ("商品数量", "数量"),
        "unit_price_fen": ("商品单价",),
        "amount_fen": ("用户实付金额", "商家实收金额", "实付金额"),
        "payable_fen": ("商品总价",),
        "shipping_fen": ("邮费", "运费"),
        "status_text": ("订单状态",),
        "created_at": ("订单成交时间", "拼单成功时间", "订单创建时间", "下单时间"),
        "paid_at": ("支付时间", "付款时间", "订单成交时间"),
        "ship_by": ("承诺发货时间", "最晚发货时间"),
        "carrier": ("快递公司", "物流公司"),
        "tracking_no": ("快递单号", "运单号"),
        "remark": ("商家备注", "备注"),
        **_BUYER_AND_CLOSING,
    },
)

_DOUYIN = PlatformFormat(
    key="douyin",
    label=QT_TRANSLATE_NOOP("Import", "Douyin shop"),
    choice=QT_TRANSLATE_NOOP("ImportDialog", "Douyin shop"),
    kind="shop",
    platforms=(ShopPlatform.DOUYIN.value,),
    required=(("主订单编号",), ("子订单编号", "选购商品")),
    signature=(
        "子订单编号",
        "选购商品",
        "订单应付金额",
        "收件人",
        "收件人手机号",
        "订单提交时间",
        "支付完成时间",
        "快递信息",
    ),
    candidates={
        "order_no": ("主订单编号", "订单编号", "订单号"),
        "sub_order_no": ("子订单编号",),
        "shop_name": ("店铺名称", "店铺"),
        "buyer_name": ("收件人", "收货人"),
        "buyer_phone": ("收件人手机号", "收件人电话", "收货人手机号", "手机号"),
        "province": ("省",),
        "city": ("市",),
        "district": ("区",),
        "street": ("街道",),
        "address": ("详细地址", "收件人地址", "收货地址"),
        "product_title": ("选购商品", "商品名称"),
        "sku": ("商家编码", "sku编码"),
        "spec": ("商品规格", "规格"),
        "platform_item_id": ("商品id",),
        "platform_sku_id": ("skuid", "sku id"),
        "quantity": ("商品数量", "数量"),
        "unit_price_fen": ("商品单价", "单价"),
        "amount_fen": ("订单应付金额", "实付款", "实付金额", "支付金额"),
        "payable_fen": ("订单应付金额",),
        "shipping_fen": ("运费",),
        "status_text": ("订单状态",),
        "created_at": ("订单提交时间", "下单时间", "订单创建时间"),
        "paid_at": ("支付完成时间", "支付时间"),
        "ship_by": ("承诺发货时间", "最晚发货时间"),
        "carrier": ("快递公司", "物流公司"),
        "tracking_no": ("快递单号", "运单号", "快递信息"),
        "remark": ("商家备注", "备注"),
        **_BUYER_AND_CLOSING,
    },
)

# Kuaishou: no confirmed header list (see docs/DESIGN.md); detected by its own words first, then
# the usual ones of a shop export that no other layout combines this way.
_KUAISHOU = PlatformFormat(
    key="kuaishou",
    label=QT_TRANSLATE_NOOP("Import", "Kuaishou shop"),
    choice=QT_TRANSLATE_NOOP("ImportDialog", "Kuaishou shop (快手小店)"),
    kind="shop",
    platforms=(ShopPlatform.KUAISHOU.value,),
    required=(
        ("订单号", "订单编号", "订单id"),
        ("快手号", "买家快手号", "快手昵称", "达人id", "达人昵称", "快手订单号"),
    ),
    signature=(
        "快手号",
        "买家快手号",
        "快手昵称",
        "达人id",
        "达人昵称",
        "快手订单号",
        "收货人电话",
        "订单实付款",
        "商品名称",
    ),
    candidates={
        "order_no": ("订单号", "订单编号", "订单id"),
        "shop_name": ("店铺名称", "店铺", "商家名称"),
        "buyer_name": ("收货人姓名", "收货人", "收件人"),
        "buyer_phone": ("收货人电话", "收货人手机号", "收货人手机", "收件人手机号", "联系电话"),
        "province": ("省", "省份"),
        "city": ("市", "城市"),
        "district": ("区", "区县"),
        "street": ("街道",),
        "address": ("收货地址", "详细地址", "收件人地址", "地址"),
        "product_title": ("商品名称", "商品标题", "商品"),
        "sku": ("商家编码", "sku编码", "商品编码"),
        "spec": ("商品规格", "规格", "sku规格"),
        "platform_item_id": ("商品id",),
        "platform_sku_id": ("skuid", "sku id"),
        "quantity": ("商品数量", "成交数量", "购买数量", "数量"),
        "unit_price_fen": ("商品单价", "单价", "商品价格"),
        "amount_fen": ("实付款", "订单实付款", "实付金额", "买家实付", "订单实付金额"),
        "payable_fen": ("订单应付金额", "应付金额", "订单金额", "订单总金额"),
        "shipping_fen": ("运费", "邮费"),
        "status_text": ("订单状态",),
        "created_at": ("订单创建时间", "下单时间", "创建时间"),
        "paid_at": ("支付时间", "付款时间", "订单支付时间"),
        "ship_by": ("承诺发货时间", "最晚发货时间"),
        "carrier": ("快递公司", "物流公司"),
        "tracking_no": ("快递单号", "运单号", "物流单号"),
        "remark": ("商家备注", "卖家备注", "备注"),
        **_BUYER_AND_CLOSING,
    },
)

_ALIBABA_1688 = PlatformFormat(
    key="1688",
    label=QT_TRANSLATE_NOOP("Import", "1688 purchase orders"),
    choice=QT_TRANSLATE_NOOP("ImportDialog", "1688 purchase orders"),
    kind="1688",
    platforms=(),
    required=(("订单编号",), ("货品标题", "卖家公司名", "供应商", "货品总价")),
    signature=(
        "货品标题",
        "卖家公司名",
        "货品总价",
        "实付款",
        "运单号",
        "卖家会员名",
        "单价",
        "运费",
        "offer id",
        "下游订单号",
        "是否代发订单",
    ),
    candidates={
        "order_no": ("订单编号", "订单号"),
        "supplier_name": ("卖家公司名", "供应商", "卖家会员名", "供应商名称"),
        "buyer_name": ("收货人姓名", "收货人"),
        "buyer_phone": ("联系手机", "联系电话"),
        "address": ("收货地址",),
        "product_title": ("货品标题", "商品名称"),
        "item_code": ("货号", "单品货号"),
        "spec": ("规格", "sku规格", "型号"),
        "offer_id": ("offer id", "offerid", "商品id"),
        "sku_id_1688": ("sku id", "skuid"),
        "downstream_order_no": ("下游订单号",),
        "downstream_channel": ("下游渠道",),
        "is_dropship": ("是否代发订单", "是否代发"),
        "batch_no": ("下单批次号",),
        "quantity": ("数量", "购买数量"),
        "unit_price_fen": ("单价",),
        "amount_fen": ("实付款", "实付金额"),
        "shipping_fen": ("运费",),
        "status_text": ("订单状态", "交易状态"),
        "created_at": ("订单创建时间", "创建时间", "下单时间"),
        "paid_at": ("订单付款时间", "付款时间"),
        "carrier": ("物流公司",),
        "tracking_no": ("运单号", "物流单号"),
        "remark": ("买家留言", "备注"),
    },
)

# This app's order export (services/order_export.py), Chinese or English headers: it reads back.
_OURS = PlatformFormat(
    key="ours",
    label=QT_TRANSLATE_NOOP("Import", "This app's own order export"),
    choice=None,
    kind="shop",
    platforms=(),
    required=(("订单编号", "shop order no."), ("最晚发货时间", "ship by"), ("货源成本", "cost")),
    signature=(
        "最晚发货时间",
        "货源成本",
        "代发费",
        "利润",
        "1688订单号",
        "ship by",
        "dropship fee",
    ),
    candidates={
        "order_no": ("订单编号", "shop order no."),
        "shop_name": ("店铺", "shop"),
        "buyer_name": ("收货人", "recipient"),
        "buyer_phone": ("联系电话", "phone"),
        "address": ("收货地址", "address"),
        "product_title": ("商品", "products"),
        "quantity": ("数量", "quantity"),
        "amount_fen": ("销售金额", "sale amount"),
        "shipping_fen": ("运费", "shipping"),
        "status_text": ("订单状态", "status"),
        "created_at": ("下单时间", "created"),
        "paid_at": ("付款时间", "paid"),
        "carrier": ("物流公司", "carrier"),
        "tracking_no": ("物流单号", "tracking no."),
        "remark": ("备注", "remark"),
        "buyer_message": ("买家留言", "buyer message"),
    },
)

#: Every layout, in the order the dialog lists them and the column mapping tries them.
REGISTRY: dict[str, PlatformFormat] = {
    f.key: f for f in (_TAOBAO, _PDD, _DOUYIN, _KUAISHOU, _ALIBABA_1688, _OURS)
}


def platform_format(key: str | None) -> PlatformFormat | None:
    """The layout called *key*, or ``None`` (no key, or an unknown one)."""
    return REGISTRY.get(key) if key else None


def choice_keys() -> list[str]:
    """The keys a seller may choose (the dialog's entries, ``--format`` values)."""
    return [f.key for f in REGISTRY.values() if f.choice is not None]


def choice_text() -> str:
    """The choosable keys as one phrase, e.g. ``"taobao, pdd, douyin, kuaishou or 1688"``."""
    keys = choice_keys()
    return f"{', '.join(keys[:-1])} or {keys[-1]}"
