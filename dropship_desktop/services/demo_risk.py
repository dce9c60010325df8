"""Demo data for the fraud checks: buyers who are what each risk rule looks for.

Called once by :func:`~dropship_desktop.services.demo.generate_demo` after the ordinary orders
are written: adds a few dozen recent orders from risky buyers (an invalid phone, a parcel
locker for expensive goods, one phone under many names, repeated 仅退款, a complaint, a dispute
about to expire, a blacklisted buyer…), records their history, then scores every order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..domain.timeutil import now_epoch
from ..store.db import atomic, connection
from . import risk
from .base import audit

__all__ = ["RISKY_ORDERS", "add_risky_buyers", "demo_buyer", "split_demo_orders"]

#: Orders of the risky demo buyers (part of the orders a demo is asked for).
RISKY_ORDERS = 30
#: Below this many demo orders there are no risky buyers (the data stays ordinary).
_RISKY_FROM = 200


def split_demo_orders(orders: int) -> tuple[int, int]:
    """(ordinary orders, risky buyers' orders) of a demo of *orders* orders."""
    risky = RISKY_ORDERS if orders >= _RISKY_FROM else 0
    return orders - risky, risky


_ROOM = re.compile(r"\d+栋\d+室$")


def demo_buyer(
    name_draw: int,
    phone_draw: int,
    address_draw: int,
    names: Sequence[str],
    addresses: Sequence[str],
) -> tuple[str, str, str]:
    """A demo buyer's (name, phone, address): one person, so the same phone keeps its name.

    The draws are the demo generator's (unchanged, so the rest of the demo stays the same); the
    buyer is the (name, phone) pair, its phone and flat number derived from it.
    """
    buyer = name_draw * 20_000 + phone_draw
    phone = f"1{'38'[buyer % 2]}{(buyer * 7919 + 12_345) % 1_000_000_000:09d}"
    street = _ROOM.sub("", addresses[address_draw])
    flat = f"{buyer % 29 + 1}栋{buyer // 29 % 30 + 1}0{buyer % 4 + 1}室"
    return names[name_draw], phone, street + flat


_HANGZHOU = "浙江省杭州市西湖区文三路"
_SHENZHEN = "广东省深圳市南山区科技园南路"


def add_risky_buyers(now_s: int | None = None, seed: int = 1, *, enabled: bool = True) -> int:
    """Add the risky demo buyers' orders and history (unless not *enabled*); score every order.

    Returns the orders added.
    """
    conn = connection()
    now_s = now_s if now_s is not None else now_epoch()
    if not enabled:
        risk.rescore_all()
        return 0
    products = conn.execute(
        "SELECT id, title, sku, sale_price_fen FROM product ORDER BY id"
    ).fetchall()
    shops = [r[0] for r in conn.execute("SELECT id FROM shop ORDER BY id")]
    if not products or not shops:
        return 0
    next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sales_order").fetchone()[0])
    made: dict[str, list[int]] = {}
    order_rows: list[tuple[object, ...]] = []
    line_rows: list[tuple[object, ...]] = []

    def order(
        tag: str,
        name: str,
        phone: str,
        address: str,
        *,
        hours_ago: float,
        status: str = "paid",
        quantity: int = 1,
        product: int = 0,
        price: int | None = None,
        payment: str = "支付宝",
        message: str = "",
        shop: int | None = None,
        member: str = "",
    ) -> None:
        nonlocal next_id
        pid, title, sku, sale_price = products[product % len(products)]
        unit = price if price is not None else sale_price
        created = now_s - int(hours_ago * 3600)
        paid = None if status == "wait_pay" else created + 60
        oid = next_id
        next_id += 1
        order_rows.append(
            (oid, shop if shop is not None else shops[oid % len(shops)],
             f"88{seed:02d}{oid:014d}", status, name, phone, address, payment, unit * quantity,
             quantity, title, unit * quantity, created, paid,
             paid + 48 * 3600 if paid and status == "paid" else None,
             8 if status == "paid" else 0, message, created, member)
        )  # fmt: skip
        line_rows.append((oid, pid, title, sku, quantity, unit))
        made.setdefault(tag, []).append(oid)

    # A buyer's own details.
    order("phone", "刘洋", "1380013800", f"{_HANGZHOU}18号3栋201室", hours_ago=5)
    order("address", "孙丽", "13700137001", "广东省深圳市", hours_ago=7)
    order("locker", "赵磊", "13600136002", f"{_HANGZHOU}100号丰巢快递柜", hours_ago=3,
          product=4, price=68_800)  # fmt: skip
    order("name", "客户", "13500135003", f"{_SHENZHEN}8号2栋1201室", hours_ago=9)
    order("name", "1号买家", "13500135004", f"{_SHENZHEN}9号2栋1202室", hours_ago=11)
    # One phone under four names within three days (fake orders, 刷单).
    for i, name in enumerate(("陈静", "周杰", "吴敏", "郑爽")):
        order("phone_names", name, "13912340000", f"{_HANGZHOU}{20 + i}号{i + 1}栋101室",
              hours_ago=60 - 15 * i)  # fmt: skip
    # One name at one address with three phones.
    for i in range(3):
        order("buyer_phones", "黄晓明", f"1581234000{i}", f"{_SHENZHEN}66号7栋702室",
              hours_ago=100 - 30 * i)  # fmt: skip
    # Four orders to one address within ten hours.
    for i in range(4):
        order("burst", "林芳", "18612345678", "江苏省南京市鼓楼区中山路1号3栋1单元502室",
              hours_ago=20 - 3 * i, product=i)  # fmt: skip
    # Risky payment methods and messages.
    order("payment", "何军", "13312345001", f"{_HANGZHOU}31号1栋101室", hours_ago=4,
          payment="货到付款")  # fmt: skip
    order("payment", "马超", "13312345002", f"{_HANGZHOU}32号1栋101室", hours_ago=6,
          payment="先用后付")  # fmt: skip
    order("remark", "高远", "13312345003", f"{_HANGZHOU}33号1栋101室", hours_ago=2,
          message="发货前加我微信，返现5元")  # fmt: skip
    order("remark", "罗兰", "13312345004", f"{_HANGZHOU}34号1栋101室", hours_ago=8,
          message="地址写错了，请改地址发到上海市浦东新区")  # fmt: skip
    # Far above the shop's norm for the product.
    order("quantity", "梁宇", "13312345005", f"{_SHENZHEN}12号3栋303室", hours_ago=12,
          quantity=40, product=1, shop=shops[0])  # fmt: skip
    # A serial refunder: three earlier orders refunded (仅退款), in two shops, and a new one.
    refunder = ("宋佳", "13812340001", "四川省成都市武侯区人民南路4段1号2栋301室")
    for i in range(3):
        order("refunder_old", *refunder, hours_ago=24 * (40 - 10 * i), status="refunded",
              shop=shops[i % len(shops)])  # fmt: skip
    order("refunder", *refunder, hours_ago=1)
    # A professional complainer (职业打假): an earlier complaint, and a new order.
    complainer = ("韩冰", "13812340002", "北京市朝阳区建国路88号5栋1001室")
    order("complainer_old", *complainer, hours_ago=24 * 50, status="completed")
    order("complainer", *complainer, hours_ago=10, product=3)
    # A dispute whose answer is due in six hours.
    order("dispute", "唐宁", "13812340003", f"{_SHENZHEN}20号1栋808室", hours_ago=24 * 6,
          status="refunding")  # fmt: skip
    # A buyer the seller blacklisted, ordering again.
    blacklisted = ("冯刚", "13812340004", "上海市浦东新区张江路100号2栋1101室")
    order("blacklisted_old", *blacklisted, hours_ago=24 * 30, status="refunded")
    order("blacklisted", *blacklisted, hours_ago=14)

    with atomic():
        conn.executemany(
            "INSERT INTO sales_order (id, shop_id, shop_order_no, status, buyer_name, buyer_phone,"
            " ship_address, payment_method, sale_fen, quantity, product_summary, profit_fen,"
            " created_at, paid_at, ship_by, flags, buyer_message, updated_at, buyer_member)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            order_rows,
        )
        conn.executemany(
            "INSERT INTO sales_order_line (sales_order_id, product_id, title, sku, quantity,"
            " unit_price_fen) VALUES (?, ?, ?, ?, ?, ?)",
            line_rows,
        )
    risk.rescore_all()
    with atomic():  # refunds already in the demo are the buyers' history
        refunded = [
            r[0] for r in conn.execute(
                "SELECT id FROM sales_order WHERE status IN ('refunding', 'refunded')"
            )
        ]  # fmt: skip
        risk.record_refund_statuses(conn, refunded)
    for oid in made["refunder_old"]:
        risk.record_buyer_event(oid, "refund_only", source="demo")
    risk.record_buyer_event(made["complainer_old"][0], "complaint", source="demo")
    risk.record_buyer_event(
        made["dispute"][0], "dispute", source="demo", due_at=now_epoch() + 6 * 3600, is_open=True
    )
    risk.add_to_blacklist(made["blacklisted_old"][0], ["phone"], "仅退款后拒不退货")
    assert len(order_rows) == RISKY_ORDERS, len(order_rows)
    risk.mark_checked(made["payment"][1])  # the seller knows this one: 先用后付 is fine here
    with atomic():
        audit("database", None, "demo_risk", after={"orders": len(order_rows)})
    return len(order_rows)
