"""Deterministic, realistic demo data, bulk-inserted (1,000,000 orders in well under 2 minutes).

Rows are built as tuples and written with the raw connection's ``executemany`` inside peewee
transactions of one chunk each; the full-text index is rebuilt once at the end instead of being
maintained row by row by its triggers.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..domain.enums import OrderStatus1688, RefundStatus, SalesStatus
from ..domain.orders import DEFAULT_SHIP_WITHIN_HOURS, OrderFlag, is_mismatch, product_summary
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.bulk_orders import FTS_BULK_SQL
from ..store.db import atomic, connection
from ..store.meta import ensure_demo_target, mark_demo
from ..store.number_index import SuspendedNumberIndex
from .base import Changes, audit
from .demo_after_sales import generate_after_sales_demo
from .demo_dashboard import add_dashboard_demo
from .demo_fulfilment import add_fulfilment_demo
from .demo_platform_exports import add_platform_export_demo
from .demo_risk import add_risky_buyers, demo_buyer, split_demo_orders

__all__ = ["DemoSummary", "generate_demo"]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞婷雪琳晨宇浩然子涵欣怡梓轩雨桐"
    "佳怡思远文博一诺诗琪志强建国海燕晓东春梅秋菊冬生"
)
PROVINCES: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (
        "广东省",
        (
            ("广州市", ("天河区", "越秀区", "番禺区", "白云区")),
            ("深圳市", ("南山区", "福田区", "宝安区", "龙岗区")),
            ("东莞市", ("南城街道", "虎门镇")),
        ),
    ),
    (
        "浙江省",
        (
            ("杭州市", ("西湖区", "余杭区", "滨江区", "萧山区")),
            ("宁波市", ("鄞州区", "海曙区")),
            ("金华市", ("义乌市", "婺城区")),
        ),
    ),
    (
        "江苏省",
        (("南京市", ("玄武区", "鼓楼区", "江宁区")), ("苏州市", ("姑苏区", "吴中区", "昆山市"))),
    ),
    ("北京市", (("北京市", ("朝阳区", "海淀区", "丰台区", "东城区")),)),
    ("上海市", (("上海市", ("浦东新区", "徐汇区", "闵行区", "静安区")),)),
    ("四川省", (("成都市", ("武侯区", "锦江区", "高新区", "双流区")), ("绵阳市", ("涪城区",)))),
    ("湖北省", (("武汉市", ("洪山区", "江汉区", "武昌区")), ("宜昌市", ("西陵区",)))),
    ("山东省", (("济南市", ("历下区", "槐荫区")), ("青岛市", ("市南区", "黄岛区")))),
    ("河南省", (("郑州市", ("金水区", "二七区", "中原区")), ("洛阳市", ("洛龙区",)))),
    ("福建省", (("厦门市", ("思明区", "湖里区")), ("福州市", ("鼓楼区", "仓山区")))),
    ("湖南省", (("长沙市", ("岳麓区", "天心区", "雨花区")),)),
    ("陕西省", (("西安市", ("雁塔区", "碑林区", "未央区")),)),
    ("重庆市", (("重庆市", ("渝中区", "江北区", "沙坪坝区")),)),
    ("内蒙古自治区", (("呼和浩特市", ("新城区", "赛罕区")), ("鄂尔多斯市", ("准格尔旗",)))),
    ("云南省", (("昆明市", ("五华区", "盘龙区")), ("大理白族自治州", ("大理市", "洱源县")))),
)
STREETS = (
    "建设路",
    "人民路",
    "解放路",
    "中山路",
    "科技园南路",
    "文化路",
    "和平街",
    "幸福里",
    "长江路",
    "滨江大道",
    "学府路",
    "工业大道",
    "新华街",
    "光明路",
    "花园路",
)
COMPOUNDS = ("阳光花园", "万科城", "碧桂园", "金地小区", "世纪新城", "翠苑", "锦绣家园", "创业大厦")
CARRIERS = ("中通快递", "圆通速递", "韵达快递", "申通快递", "顺丰速运", "极兔速递", "邮政快递包裹")
PAYMENTS = ("支付宝", "微信支付", "花呗", "银行卡", "多多支付")
SHOPS = (
    ("taobao", "小美家居淘宝店"),
    ("tmall", "优品生活旗舰店"),
    ("pdd", "拼拼好物百货"),
    ("douyin", "抖店·潮流小铺"),
    ("kuaishou", "快手好货铺"),
)
# (kind, name, member id, location, years on 1688, rating, on-time rate, incidents)
SUPPLIERS = (
    ("platform", "义乌市晨光日用品有限公司", "b2b-2201093847", "浙江 金华", 9, 4.8, 0.97, 0),
    ("platform", "广州白云区美妆源头工厂", "b2b-2208871234", "广东 广州", 6, 4.6, 0.94, 1),
    ("platform", "深圳市华强数码配件厂", "b2b-2213358890", "广东 深圳", 11, 4.9, 0.98, 0),
    ("platform", "汕头澄海玩具制造有限公司", "b2b-2219012233", "广东 汕头", 4, 4.3, 0.90, 2),
    ("platform", "杭州四季青服饰批发", "b2b-2220456789", "浙江 杭州", 7, 4.7, 0.95, 0),
    ("platform", "临沂日化用品总汇", "b2b-2230987612", "山东 临沂", 3, 4.1, 0.86, 3),
    ("channel", "阿强数码渠道（微信）", "", "广东 深圳", 0, 3.9, 0.82, 2),
    ("channel", "义乌小商品分销群", "", "浙江 金华", 0, 3.6, 0.78, 4),
    ("channel", "莆田鞋服代发", "", "福建 莆田", 0, 3.2, 0.75, 6),
    ("channel", "白沟箱包一件代发", "", "河北 保定", 0, 4.0, 0.88, 1),
)
# (title, sku, sale price fen, specs, description, category cost fen)
PRODUCTS = (
    (
        "北欧风陶瓷马克杯 带盖带勺 350ml",
        "MUG-350",
        2990,
        "颜色：白/灰/粉；容量：350ml",
        "材质：高温陶瓷，釉下彩不掉色。尺寸：口径8cm，高9.5cm。可微波炉加热，可洗碗机清洗。",
        950,
    ),
    (
        "加厚珊瑚绒毛毯 办公室午睡盖毯",
        "BLK-150",
        5900,
        "尺寸：100x150cm/150x200cm",
        "材质：珊瑚绒，克重280g。颜色多选，机洗不掉毛。",
        2100,
    ),
    (
        "无线蓝牙耳机 半入耳 超长续航",
        "BT-EAR-01",
        8900,
        "颜色：白/黑",
        "蓝牙5.3，续航30小时，Type-C 充电。",
        3200,
    ),
    ("手机支架 桌面懒人 可折叠", "PH-STD", 1590, "", "可折叠。", 380),
    (
        "儿童益智积木 100粒 收纳桶装",
        "TOY-BLK100",
        3990,
        "规格：100粒/200粒",
        "材质：ABS 环保塑料，圆角设计，适合3岁以上。尺寸：单粒约3cm。",
        1350,
    ),
    (
        "女士真丝睡衣套装 春秋款",
        "PJ-SILK",
        12800,
        "尺码：S/M/L/XL；颜色：香槟/藏青",
        "材质：仿真丝（聚酯纤维），亲肤顺滑。尺码表见详情图。",
        4800,
    ),
    (
        "厨房置物架 落地多层 免打孔",
        "RACK-3L",
        6900,
        "规格：三层/四层",
        "材质：碳钢喷塑，承重 30kg。尺寸：60x35x90cm。",
        2600,
    ),
    (
        "洗脸巾 一次性 纯棉 抽取式",
        "TOWEL-80",
        1990,
        "规格：80抽/3包",
        "材质：100%棉，珍珠纹，干湿两用。",
        650,
    ),
    ("USB 充电小风扇 静音 手持", "FAN-USB", 2590, "颜色：白/粉/绿", "", 800),
    (
        "运动休闲鞋 男 透气网面",
        "SHOE-M01",
        15900,
        "尺码：39-44",
        "鞋面：飞织网布；鞋底：EVA。尺码偏小，建议拍大一码。",
        5900,
    ),
    (
        "大容量双肩包 学生 防泼水",
        "BAG-BP02",
        7900,
        "颜色：黑/灰/藏青",
        "材质：牛津布防泼水。尺寸：30x15x45cm，可放15.6寸笔记本。",
        2900,
    ),
    (
        "保温杯 316不锈钢 500ml",
        "CUP-316",
        4900,
        "容量：500ml；颜色：5色",
        "材质：316不锈钢内胆，保温12小时。",
        1700,
    ),
)
PLATFORM_STATUSES_UNKNOWN = ("waitlogisticstakein", "waitbuyersign")


@dataclass(frozen=True)
class DemoSummary:
    orders: int
    lines: int
    supplier_orders: int
    unmatched_supplier_orders: int
    seconds: float


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    # Most Chinese names have a one-character given name (two characters in all, e.g. 张伟).
    given_len = 1 if rng.random() < 0.45 else 2
    return surname + "".join(rng.choice(GIVEN) for _ in range(given_len))


def _address(rng: random.Random) -> str:
    province, cities = rng.choice(PROVINCES)
    city, districts = rng.choice(cities)
    district = rng.choice(districts)
    prefix = province + (city if city != province else "") + district
    return (
        f"{prefix}{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.choice(COMPOUNDS)}"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 30)}0{rng.randint(1, 4)}室"
    )


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def generate_demo(
    orders: int = 3000,
    *,
    seed: int = 1,
    now: datetime | None = None,
    chunk: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo shops, suppliers, products, offers and *orders* orders.

    Args:
        orders: How many sales orders to create.
        seed: Same seed (and same day) → same data.
        now: The "current" time the data is relative to (UTC); defaults to the start of today so
            the data is the same all day.
        chunk: Orders per transaction.
        progress: Called with (done, total) after each chunk.

    Raises:
        UserError: The database already holds orders (demo data never mixes with real data).
    """
    import time

    started = time.perf_counter()
    if orders < 0:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The number of demo orders cannot be negative.")
        )
    ensure_demo_target()  # demo data never mixes with real data (nor with itself)
    orders, risky = split_demo_orders(orders)  # fraud checks: some are risky buyers' orders
    if now is None:
        now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    now_s = int(now.timestamp())
    rng = random.Random(seed)
    conn = connection()

    with atomic():
        mark_demo(conn)
        conn.executemany(
            "INSERT INTO shop (id, platform, name, created_at) VALUES (?, ?, ?, ?)",
            [(i + 1, p, n, now_s - 400 * 86400) for i, (p, n) in enumerate(SHOPS)],
        )
        conn.executemany(
            "INSERT INTO supplier (id, kind, name, member_id, shop_url, location, contact,"
            " years_on_1688, rating, on_time_rate, incidents, notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i + 1,
                    kind,
                    name,
                    member,
                    f"https://shop{rng.randint(10**8, 10**9)}.1688.com"
                    if kind == "platform"
                    else "",
                    loc,
                    f"{_name(rng)} {_phone(rng)}",
                    years,
                    rating,
                    on_time,
                    incidents,
                    "",
                    now_s - 380 * 86400,
                    now_s - 380 * 86400,
                )
                for i, (kind, name, member, loc, years, rating, on_time, incidents) in enumerate(
                    SUPPLIERS
                )
            ],
        )
        offer_rows: list[tuple[object, ...]] = []
        tier_rows: list[tuple[object, ...]] = []
        product_offers: dict[int, list[tuple[int, int, int, int, int]]] = {}
        offer_id = 0
        for p_index, base_cost in enumerate(p[5] for p in PRODUCTS):
            product_id = p_index + 1
            suppliers = rng.sample(range(1, len(SUPPLIERS) + 1), rng.randint(2, 4))
            product_offers[product_id] = []
            for supplier_id in suppliers:
                offer_id += 1
                channel = SUPPLIERS[supplier_id - 1][0] == "channel"
                cost = int(
                    base_cost * (rng.uniform(0.78, 0.95) if channel else rng.uniform(0.95, 1.2))
                )
                dropship = rng.random() > 0.12
                fee = 0 if not dropship else rng.choice((0, 100, 150, 200, 300))
                shipping = rng.choice((0, 300, 400, 500, 600))
                moq = 1 if dropship else rng.choice((2, 5, 10))
                stock = (
                    rng.choice((None, 0, 50, 200, 1000, 5000))
                    if channel
                    else rng.choice((200, 1000, 5000, 20000))
                )
                offer_rows.append(
                    (
                        offer_id,
                        product_id,
                        supplier_id,
                        cost,
                        moq,
                        rng.randint(1, 2) if channel else rng.randint(1, 4),
                        int(dropship),
                        fee,
                        rng.choice(("platform", "third_party")) if channel else "platform",
                        shipping,
                        stock,
                        f"https://detail.1688.com/offer/{rng.randint(10**11, 10**12)}.html"
                        if not channel
                        else "",
                        (now - timedelta(days=rng.randint(0, 40))).date().isoformat(),
                        now_s,
                        now_s,
                    )
                )
                for min_qty, factor in ((10, 0.95), (50, 0.9), (200, 0.85)):
                    if rng.random() < 0.7:
                        tier_rows.append((offer_id, min_qty, int(cost * factor)))
                product_offers[product_id].append((offer_id, supplier_id, cost, fee, shipping))
        conn.executemany(
            "INSERT INTO product (id, title, sku, sale_price_fen, specs, description,"
            " preferred_offer_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
            [
                (i + 1, title, sku, price, specs, desc, now_s - 300 * 86400, now_s)
                for i, (title, sku, price, specs, desc, _cost) in enumerate(PRODUCTS)
            ],
        )
        conn.executemany(
            "INSERT INTO offer (id, product_id, supplier_id, unit_cost_fen, moq, lead_time_days,"
            " dropship_supported, dropship_fee_fen, fulfilment, shipping_fen, stock, offer_ref,"
            " last_checked, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            offer_rows,
        )
        conn.executemany(
            "INSERT INTO offer_price_tier (offer_id, min_qty, unit_price_fen) VALUES (?, ?, ?)",
            tier_rows,
        )
        conn.execute(
            "INSERT INTO distribution_account (id, name, member_id, connector, created_at)"
            " VALUES (1, '主账号', 'demo_buyer_2024', 'manual', ?)",
            (now_s,),
        )
        audit("database", None, "demo_generated", after={"orders": orders, "seed": seed})

    # Pools make per-order generation cheap: choices from lists instead of string building.
    names = [_name(rng) for _ in range(5000)]
    phones = [_phone(rng) for _ in range(20000)]
    addresses = [_address(rng) for _ in range(8000)]
    product_count = len(PRODUCTS)

    # Status by age: old orders are settled, recent ones are in flight.
    settled = (
        (SalesStatus.COMPLETED, 0.86),
        (SalesStatus.CANCELLED, 0.07),
        (SalesStatus.REFUNDED, 0.05),
        (SalesStatus.REFUNDING, 0.02),
    )
    recent = (
        (SalesStatus.WAIT_PAY, 0.08),
        (SalesStatus.PAID, 0.30),
        (SalesStatus.SHIPPED, 0.42),
        (SalesStatus.COMPLETED, 0.08),
        (SalesStatus.CANCELLED, 0.06),
        (SalesStatus.REFUNDING, 0.04),
        (SalesStatus.REFUNDED, 0.02),
    )
    settled_s, settled_w = zip(*settled, strict=True)
    recent_s, recent_w = zip(*recent, strict=True)

    span = 365 * 86400
    order_no_base = 3_000_000_000_000_000_000 + seed * 10_000_000_000
    so_no_base = 1_930_000_000_000_000_000 + seed * 10_000_000_000
    counters = {"lines": 0, "supplier": 0, "unmatched": 0}
    next_supplier_order_id = 1
    next_line_id = 1
    done = 0

    order_sql = (
        "INSERT INTO sales_order (id, shop_id, shop_order_no, status, buyer_name, buyer_phone,"
        " ship_address, payment_method, sale_fen, quantity, product_summary, cost_fen,"
        " dropship_fee_fen, shipping_fen, profit_fen, supplier_status, supplier_order_no,"
        " carrier, tracking_no, created_at, paid_at, ship_by, flags, remark,"
        " buyer_data_removed, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?)"
    )
    line_sql = (
        "INSERT INTO sales_order_line (id, sales_order_id, product_id, title, sku, spec,"
        " quantity, unit_price_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    supplier_sql = (
        "INSERT INTO supplier_order (id, sales_order_id, supplier_id, offer_id, account_id,"
        " order_id_1688, status, refund_status, product_title, quantity, cost_fen,"
        " dropship_fee_fen, shipping_fen, paid_fen, recipient_name, recipient_phone, carrier,"
        " tracking_no, created_at, paid_at, updated_at)"
        " VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    # The insert trigger would index row by row; each chunk instead drops it, inserts, indexes
    # its rows in one statement and restores it, all in the chunk's own transaction, so a demo
    # killed half-way never leaves a database whose new orders are not indexed.
    trigger_sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sales_order_fts_ai'"
    ).fetchone()
    first_id = 1
    while done < orders:
        n = min(chunk, orders - done)
        order_rows: list[tuple[object, ...]] = []
        line_rows: list[tuple[object, ...]] = []
        so_rows: list[tuple[object, ...]] = []
        rand = rng.random
        for k in range(n):
            oid = first_id + done + k
            # Orders spread over the last year, denser recently.
            age = int(span * (rand() ** 1.6))
            created = now_s - age - rng.randint(0, 3600)
            if age < 5 * 86400:
                status = rng.choices(recent_s, recent_w)[0]
            else:
                status = rng.choices(settled_s, settled_w)[0]
            shop_id = rng.randint(1, len(SHOPS))
            p1 = rng.randint(1, product_count)
            items = [p1]
            if rand() < 0.12:
                items.append(rng.randint(1, product_count))
            qty_total = 0
            sale = 0
            cost = 0
            fee = 0
            ship = 0
            titles = []
            so_parts = []
            for pid in items:
                title, sku, price, specs, _desc, _c = PRODUCTS[pid - 1]
                qty = 1 if rand() < 0.8 else rng.randint(2, 3)
                offer = rng.choice(product_offers[pid])
                qty_total += qty
                sale += price * qty
                cost += offer[2] * qty
                fee += offer[3]
                ship += offer[4]
                titles.append(title)
                line_rows.append(
                    (next_line_id, oid, pid, title, sku, specs.split("；")[0], qty, price)
                )
                next_line_id += 1
                so_parts.append((offer, qty, title))
            summary = product_summary(titles)
            paid = None if status is SalesStatus.WAIT_PAY else created + rng.randint(5, 1800)
            ship_by = (paid + DEFAULT_SHIP_WITHIN_HOURS * 3600) if paid else None
            # One buyer is one name, phone and address (the same draws as before, combined).
            buyer, phone, address = demo_buyer(
                int(rand() * 5000), int(rand() * 20000), int(rand() * 8000), names, addresses
            )
            carrier = tracking = ""
            if status in (SalesStatus.SHIPPED, SalesStatus.COMPLETED) or (
                status in (SalesStatus.REFUNDED, SalesStatus.REFUNDING) and rand() < 0.4
            ):
                carrier = rng.choice(CARRIERS)
                tracking = (
                    f"{rng.choice(('ZT', 'YT', 'SF', 'JT', '75'))}{rng.randint(10**11, 10**12)}"
                )
            # The supplier side follows the sales side, with the real world's slips.
            sup_status: str | None
            refund: str | None = None
            if status is SalesStatus.WAIT_PAY:
                sup_status = None
            elif status is SalesStatus.PAID:
                r = rand()
                if r < 0.15:
                    sup_status = None  # not yet ordered from the supplier
                elif r < 0.3:
                    sup_status = OrderStatus1688.WAIT_BUYER_PAY.value
                else:
                    sup_status = OrderStatus1688.WAIT_SELLER_SEND.value
            elif status is SalesStatus.SHIPPED:
                sup_status = OrderStatus1688.WAIT_BUYER_RECEIVE.value
            elif status is SalesStatus.COMPLETED:
                sup_status = (
                    OrderStatus1688.SUCCESS.value
                    if rand() < 0.9
                    else OrderStatus1688.CONFIRM_GOODS.value
                )
                if rand() < 0.0005:
                    sup_status = rng.choice(PLATFORM_STATUSES_UNKNOWN)
            elif status is SalesStatus.CANCELLED:
                r = rand()
                if r < 0.5:
                    sup_status = None
                elif r < 0.97:
                    sup_status = OrderStatus1688.CANCEL.value
                else:
                    sup_status = OrderStatus1688.WAIT_SELLER_SEND.value  # forgot to cancel
            elif status is SalesStatus.REFUNDING:
                sup_status = OrderStatus1688.WAIT_SELLER_SEND.value
                refund = RefundStatus.WAIT_SELLER_AGREE.value
            else:  # refunded
                sup_status = (
                    OrderStatus1688.CANCEL.value
                    if rand() < 0.7
                    else OrderStatus1688.TERMINATED.value
                )
                refund = RefundStatus.REFUND_SUCCESS.value
            flags = 0
            first_so_no = None
            if sup_status is not None:
                for offer, qty, title in so_parts:
                    so_id = next_supplier_order_id
                    next_supplier_order_id += 1
                    so_no = str(so_no_base + so_id * 7)
                    if first_so_no is None:
                        first_so_no = so_no
                    so_created = (paid or created) + rng.randint(60, 7200)
                    so_paid = (
                        None
                        if sup_status == OrderStatus1688.WAIT_BUYER_PAY.value
                        else so_created + rng.randint(30, 600)
                    )
                    amount = offer[2] * qty + offer[3] + offer[4]
                    so_rows.append(
                        (
                            so_id,
                            oid,
                            offer[1],
                            offer[0],
                            so_no,
                            sup_status,
                            refund,
                            title,
                            qty,
                            offer[2] * qty,
                            offer[3],
                            offer[4],
                            amount if so_paid else 0,
                            buyer,
                            phone,
                            carrier,
                            tracking,
                            so_created,
                            so_paid,
                            so_created,
                        )
                    )
                counters["supplier"] += len(so_parts)
            elif status in (SalesStatus.PAID,):
                flags |= OrderFlag.NO_SUPPLIER_ORDER
            if refund == RefundStatus.WAIT_SELLER_AGREE.value:
                flags |= OrderFlag.REFUND_PENDING
            if is_mismatch(status.value, sup_status):
                flags |= OrderFlag.MISMATCH
            if status in (SalesStatus.CANCELLED, SalesStatus.REFUNDED):
                profit = 0 if sup_status in (None, "cancel", "terminated") else -(cost + fee + ship)
                cost_show = cost if sup_status else 0
            else:
                profit = sale - cost - fee - ship
                cost_show = cost
            order_rows.append(
                (
                    oid,
                    shop_id,
                    str(order_no_base + oid * 13 + shop_id),
                    status.value,
                    buyer,
                    phone,
                    address,
                    rng.choice(PAYMENTS) if paid else "",
                    sale,
                    qty_total,
                    summary,
                    cost_show,
                    fee if sup_status else 0,
                    ship if sup_status else 0,
                    profit,
                    sup_status,
                    first_so_no,
                    carrier,
                    tracking,
                    created,
                    paid,
                    ship_by,
                    int(flags),
                    created,
                )
            )
            counters["lines"] += len(items)
        with atomic():
            if trigger_sql is not None:
                conn.execute("DROP TRIGGER sales_order_fts_ai")
            numbers = SuspendedNumberIndex(conn)
            conn.executemany(order_sql, order_rows)
            conn.executemany(line_sql, line_rows)
            conn.executemany(supplier_sql, so_rows)
            numbers.index_range(first_id + done, first_id + done + n - 1)
            numbers.restore()
            if trigger_sql is not None:
                conn.execute(FTS_BULK_SQL, (first_id + done,))
                conn.execute(trigger_sql[0])
        done += n
        if progress is not None:
            progress(done, orders)

    # A few 1688 orders the seller placed that match no shop order (awaiting a match).
    with atomic():
        unmatched = []
        for _ in range(max(1, orders // 2000) if orders else 0):
            offer = rng.choice(product_offers[rng.randint(1, product_count)])
            so_id = next_supplier_order_id
            next_supplier_order_id += 1
            created = now_s - rng.randint(3600, 5 * 86400)
            unmatched.append(
                (
                    so_id,
                    None,
                    offer[1],
                    offer[0],
                    str(so_no_base + so_id * 7),
                    OrderStatus1688.WAIT_SELLER_SEND.value,
                    None,
                    "",
                    1,
                    offer[2],
                    offer[3],
                    offer[4],
                    offer[2] + offer[3] + offer[4],
                    names[int(rng.random() * 5000)],
                    phones[int(rng.random() * 20000)],
                    "",
                    "",
                    created,
                    created + 120,
                    created,
                )
            )
        conn.executemany(supplier_sql, unmatched)
        counters["unmatched"] = len(unmatched)
    add_platform_export_demo(seed)  # 1688 goods lines, 下游订单号 links, hidden receivers
    generate_after_sales_demo(now_s, seed)
    add_fulfilment_demo(seed, now_s)  # mappings, purchases in progress, tracking to send
    add_dashboard_demo(seed, now_s)  # warning lines, tracking to send, cancellation history
    add_risky_buyers(now_s, seed, enabled=risky > 0)  # risky buyers; every order scored
    return DemoSummary(
        orders=orders + risky,
        lines=counters["lines"],
        supplier_orders=counters["supplier"] + counters["unmatched"],
        unmatched_supplier_orders=counters["unmatched"],
        seconds=time.perf_counter() - started,
    )


def demo_changes() -> Changes:
    return Changes.of(
        "shop",
        "supplier",
        "product",
        "offer",
        "sales_order",
        "supplier_order",
        "sku_mapping",
        "purchase_attempt",
        "shipping_export",
        message=QT_TRANSLATE_NOOP("Messages", "Demo data created."),
    )
