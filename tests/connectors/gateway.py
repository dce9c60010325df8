"""A local HTTP server that plays the 1688 gateway (reference/1688-open-platform.md).

A real ``ThreadingHTTPServer`` on 127.0.0.1: it checks every API request's signature (its own
HMAC-SHA1 implementation, not the app's) and timestamp, the access token and its expiry, serves
the documented answer shapes with paging, applies the platform's rules (cancel only unpaid
orders, not within 10 s; ``outOrderId`` idempotent) and injects faults on request: an error code,
an HTTP status, a rate limit, an expired token, or a connection dropped without an answer (before
or after the request was carried out).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

CHINA = timezone(timedelta(hours=8))
APP_KEY = "7654321"
APP_SECRET = "SENTINEL-SECRET-x9Q2"
ACCESS_TOKEN = "SENTINEL-ACCESS-7f3c"
REFRESH_TOKEN = "SENTINEL-REFRESH-5d1e"
AUTH_CODE = "SENTINEL-CODE-a1b2"


def wire(moment: datetime) -> str:
    local = moment.astimezone(CHINA)
    return local.strftime("%Y%m%d%H%M%S") + f"{local.microsecond // 1000:03d}+0800"


def unwire(text: str) -> datetime:
    return datetime.strptime(text[:14], "%Y%m%d%H%M%S").replace(tzinfo=CHINA).astimezone(UTC)


@dataclass
class Fault:
    """What to do instead of answering normally, for one matching request."""

    api: str
    kind: str  # "code" | "http" | "refuse" | "drop_before" | "drop_after" | "rate" | "expired"
    value: str = ""
    times: int = 1
    #: Matching requests to let through first (e.g. fail page 2, not page 1).
    skip: int = 0


@dataclass
class GatewayState:
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    logistics: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    products: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    reasons: list[dict[str, Any]] = field(default_factory=list)
    placed: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, float] = field(default_factory=dict)  # access token → expiry (epoch)
    refresh_tokens: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    faults: list[Fault] = field(default_factory=list)
    #: Every request: (api name, params without signature/token).
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    #: Every raw body received (the sentinel test looks for secrets in what is sent).
    bodies: list[str] = field(default_factory=list)
    bad_signatures: int = 0
    #: (api name, access token) of every accepted request: which account made it.
    tokens_used: list[tuple[str, str]] = field(default_factory=list)
    #: Answer the order list without ``totalRecord`` (the reference says to tolerate it).
    omit_total: bool = False
    #: Echo ``outOrderId`` in a placed order's ``baseInfo`` (the reference does not list it).
    echo_out_order_id: bool = True
    #: Answer ``alibaba.product.get`` in a shape the app's parser does not know.
    unknown_product_shape: bool = False


class FakeGateway:
    def __init__(self) -> None:
        self.state = GatewayState()
        self.lock = threading.Lock()
        self._ids = itertools.count(3_300_000_000_000_000_001)
        self._refund_ids = itertools.count(1)
        self.state.tokens[ACCESS_TOKEN] = time.time() + 10 * 3600
        self.state.refresh_tokens.add(REFRESH_TOKEN)
        self.state.codes.add(AUTH_CODE)
        self.state.reasons = [
            {"id": 20001, "name": "不想要了", "needVoucher": False, "tip": ""},
            {"id": 20002, "name": "缺货", "needVoucher": False, "tip": ""},
            {"id": 20003, "name": "未按约定时间发货", "needVoucher": True, "tip": "请上传截图"},
        ]
        handler = type("Handler", (_Handler,), {"gateway": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- set-up ------------------------------------------------------------------------------

    def add_order(
        self,
        order_id: str,
        status: str = "waitbuyerpay",
        *,
        created: datetime,
        modified: datetime | None = None,
        paid: datetime | None = None,
        total_yuan: float = 25.0,
        shipping_yuan: float = 5.0,
        lines: list[dict[str, Any]] | None = None,
        receiver: tuple[str, str, str] = ("张三", "13800138000", "浙江省 杭州市 西湖区"),
        out_order_id: str = "",
        feedback: str = "",
    ) -> dict[str, Any]:
        items = lines or [
            {
                "name": "纯棉T恤 白色 L",
                "productID": 600000000001,
                "skuID": 5000001,
                "specId": "spec-white-l",
                "quantity": 2,
                "price": 10.0,
                "itemAmount": 20.0,
                "subItemIDString": f"{order_id}01",
                "skuInfos": [{"name": "颜色", "value": "白色"}, {"name": "尺码", "value": "L"}],
            }
        ]
        base: dict[str, Any] = {
            "id": int(order_id),
            "idOfStr": order_id,
            "status": status,
            "createTime": wire(created),
            "modifyTime": wire(modified or created),
            "totalAmount": total_yuan,
            "shippingFee": shipping_yuan,
            "sellerID": "b2b-seller-1",
            "sellerLoginId": "义乌好货工厂",
            "buyerID": "b2b-buyer-1",
            "receiverInfo": {
                "toFullName": receiver[0],
                "toMobile": receiver[1],
                "toArea": receiver[2],
                "toDivisionCode": "330106",
            },
        }
        if paid is not None:
            base["payTime"] = wire(paid)
        if out_order_id:
            base["outOrderId"] = out_order_id
        if feedback:
            base["buyerFeedback"] = feedback
        order = {"baseInfo": base, "productItems": items}
        with self.lock:
            self.state.orders[order_id] = order
        return order

    def touch(self, order_id: str, status: str, when: datetime) -> None:
        with self.lock:
            base = self.state.orders[order_id]["baseInfo"]
            base["status"] = status
            base["modifyTime"] = wire(when)

    def add_parcel(self, order_id: str, bill: str, company: str = "中通快递") -> None:
        with self.lock:
            self.state.logistics.setdefault(order_id, []).append(
                {
                    "logisticsId": f"LP{bill}",
                    "logisticsBillNo": bill,
                    "logisticsCompanyName": company,
                    "status": "TRANSPORT",
                    "orderEntryIds": f"{order_id}01",
                }
            )

    def add_product(
        self, offer_id: str, *, price: float, stock: int, status: str = "published"
    ) -> None:
        with self.lock:
            self.state.products[offer_id] = {
                "productID": int(offer_id),
                "status": status,
                "skuInfos": [
                    {
                        "specId": "spec-1",
                        "skuId": 1,
                        "price": price,
                        "consignPrice": price,
                        "amountOnSale": stock,
                    }
                ],
                "saleInfo": {"priceRanges": [{"startQuantity": 1, "price": price}]},
                "minOrderQuantity": 1,
            }

    def add_refund(self, order_id: str, status: str, amount_fen: int = 1500) -> str:
        """An application made earlier (e.g. a finished ``refundsuccess`` one)."""
        with self.lock:
            refund_id = f"TQ{next(self._refund_ids):016d}"
            self.state.refunds[refund_id] = {
                "refundId": refund_id,
                "orderId": order_id,
                "status": status,
                "applyPayment": amount_fen,
                "disputeRequest": "refund",
            }
            self.state.orders[order_id]["baseInfo"]["refundStatus"] = status
        return refund_id

    def fail(self, api: str, kind: str, value: str = "", times: int = 1, skip: int = 0) -> None:
        with self.lock:
            self.state.faults.append(Fault(api, kind, value, times, skip))

    def calls_of(self, api: str) -> list[dict[str, str]]:
        with self.lock:
            return [p for a, p in self.state.calls if a == api]

    def expire_token(self) -> None:
        with self.lock:
            for token in self.state.tokens:
                self.state.tokens[token] = time.time() - 1

    # -- internals ---------------------------------------------------------------------------

    def take_fault(self, api: str) -> Fault | None:
        with self.lock:
            for fault in self.state.faults:
                if fault.api in (api, "*"):
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    fault.times -= 1
                    if fault.times <= 0:
                        self.state.faults.remove(fault)
                    return fault
        return None


def _sign(path: str, params: dict[str, str], secret: str) -> str:
    message = path + "".join(sorted(k + v for k, v in params.items() if k != "_aop_signature"))
    return hmac.new(secret.encode(), message.encode(), hashlib.sha1).hexdigest().upper()


class _Drop(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    gateway: FakeGateway
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(2)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        params = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        gw = self.gateway
        with gw.lock:
            gw.state.bodies.append(raw)
        path = self.path.lstrip("/")
        if path.startswith("openapi/http/1/system.oauth2/getToken/"):
            self._token(path.rsplit("/", 1)[-1], params)
            return
        if not path.startswith("openapi/param2/"):
            self._send(404, {"error_code": "404", "error_message": "no such path"})
            return
        url_path = path[len("openapi/") :]
        parts = url_path.split("/")
        api, app_key = parts[3], parts[4]
        if app_key != APP_KEY:
            self._send(400, {"error_code": "gw.AppKeyInvalid", "error_message": "appkey"})
            return
        if _sign(url_path, params, APP_SECRET) != params.get("_aop_signature"):
            with gw.lock:
                gw.state.bad_signatures += 1
            self._send(400, {"error_code": "gw.SignatureInvalid", "error_message": "bad sign"})
            return
        stamp = int(params.get("_aop_timestamp") or 0)
        if abs(stamp / 1000 - time.time()) > 600:
            self._send(400, {"error_code": "gw.TimestampInvalid", "error_message": "time"})
            return
        token = params.get("access_token", "")
        with gw.lock:
            expiry = gw.state.tokens.get(token)
        if expiry is None:
            self._send(401, {"error_code": "gw.IllegalAccessToken", "error_message": "token"})
            return
        if expiry < time.time():
            self._send(401, {"error_code": "gw.AccessTokenExpired", "error_message": "expired"})
            return
        visible = {k: v for k, v in params.items() if k not in ("_aop_signature", "access_token")}
        with gw.lock:
            gw.state.calls.append((api, visible))
            gw.state.tokens_used.append((api, token))
        fault = gw.take_fault(api)
        if fault is not None:
            if fault.kind == "http":
                self._send(int(fault.value), {"error_code": fault.value, "error_message": "x"})
                return
            if fault.kind == "refuse":  # a gateway-level refusal, e.g. gw.ApiAccessDenied
                self._send(403, {"error_code": fault.value, "error_message": "denied"})
                return
            if fault.kind == "rate":
                self._send(429, {"error_code": "gw.QpsOverLimit", "error_message": "slow down"})
                return
            if fault.kind == "expired":
                self._send(401, {"error_code": "gw.AccessTokenExpired", "error_message": "exp"})
                return
            if fault.kind == "drop_before":
                self._drop()
                return
            if fault.kind == "code":
                self._send(
                    200, {"success": "false", "errorCode": fault.value, "errorMessage": "故障"}
                )
                return
        try:
            body = self._api(api, params)
        except _Drop:
            self._drop()
            return
        if fault is not None and fault.kind == "drop_after":
            self._drop()  # carried out, answer lost
            return
        self._send(200, body)

    # -- OAuth ---------------------------------------------------------------------------------

    def _token(self, app_key: str, params: dict[str, str]) -> None:
        gw = self.gateway
        fault = gw.take_fault("getToken")
        if fault is not None and fault.kind == "rate":
            self._send(429, {"error_code": "gw.QpsOverLimit", "error_message": "slow down"})
            return
        if fault is not None and fault.kind == "http":
            self._send(int(fault.value), {"error_code": fault.value, "error_message": "proxy"})
            return
        if app_key != APP_KEY or params.get("client_secret") != APP_SECRET:
            self._send(401, {"error": "invalid_client", "error_description": "client"})
            return
        grant = params.get("grant_type")
        with gw.lock:
            if grant == "authorization_code":
                if params.get("code") not in gw.state.codes:
                    self._send(400, {"error": "invalid_grant", "error_description": "code"})
                    return
                gw.state.codes.discard(params["code"])
                gw.state.calls.append(("getToken:code", {}))
            elif grant == "refresh_token":
                if params.get("refresh_token") not in gw.state.refresh_tokens:
                    self._send(400, {"error": "invalid_grant", "error_description": "refresh"})
                    return
                gw.state.calls.append(("getToken:refresh", {}))
            else:
                self._send(400, {"error": "unsupported_grant_type"})
                return
            access = f"{ACCESS_TOKEN}-{len(gw.state.tokens)}"
            gw.state.tokens[access] = time.time() + 36000
        answer = {
            "access_token": access,
            "expires_in": "36000",
            "memberId": "b2b-buyer-1",
            "aliId": "123456",
            "resource_owner": "好卖家",
        }
        if grant == "authorization_code":
            answer["refresh_token"] = REFRESH_TOKEN
            answer["refresh_token_timeout"] = wire(datetime.now(UTC) + timedelta(days=180))
        self._send(200, answer)

    # -- APIs ----------------------------------------------------------------------------------

    def _api(self, api: str, p: dict[str, str]) -> dict[str, Any]:
        gw = self.gateway
        with gw.lock:
            handler = getattr(self, "_api_" + api.replace(".", "_"), None)
            if handler is None:
                return {"success": "false", "errorCode": "API_NOT_EXIST", "errorMessage": api}
            return handler(gw.state, p)

    def _api_alibaba_trade_getBuyerOrderList(self, s: GatewayState, p: dict[str, str]) -> dict:
        def within(value: str, start: str | None, end: str | None) -> bool:
            moment = unwire(value)
            return (not start or moment >= unwire(start)) and (not end or moment <= unwire(end))

        found = [
            o
            for o in s.orders.values()
            if within(o["baseInfo"]["modifyTime"], p.get("modifyStartTime"), p.get("modifyEndTime"))
            and within(
                o["baseInfo"]["createTime"], p.get("createStartTime"), p.get("createEndTime")
            )
            and (not p.get("orderStatus") or o["baseInfo"]["status"] == p["orderStatus"])
        ]
        found.sort(key=lambda o: o["baseInfo"]["createTime"], reverse=True)
        page, size = int(p.get("page", 1)), min(int(p.get("pageSize", 20)), 50)
        chunk = found[(page - 1) * size : page * size]
        if s.omit_total:
            return {"result": [_brief(o) for o in chunk]}
        return {"result": [_brief(o) for o in chunk], "totalRecord": len(found)}

    def _api_alibaba_trade_get_buyerView(self, s: GatewayState, p: dict[str, str]) -> dict:
        order = s.orders.get(p.get("orderId", ""))
        if order is None:
            return {
                "success": "false",
                "errorCode": "ORDER_NOT_EXIST",
                "errorMessage": "订单不存在",
            }
        return {"success": "true", "result": order}

    def _api_alibaba_trade_getLogisticsInfos_buyerView(self, s: GatewayState, p: dict) -> dict:
        parcels = s.logistics.get(p.get("orderId", ""))
        if not parcels:
            return {"success": "false", "errorCode": "500_2", "errorMessage": "未发货"}
        return {"success": "true", "result": parcels}

    def _api_alibaba_trade_cancel(self, s: GatewayState, p: dict[str, str]) -> dict:
        order = s.orders.get(p.get("tradeID", ""))
        if order is None:
            return {"success": False, "errorCode": "ORDER_NOT_EXIST", "errorMessage": "订单不存在"}
        base = order["baseInfo"]
        if p.get("cancelReason") not in ("buyerCancel", "sellerGoodsLack", "other"):
            return {"success": False, "errorCode": "PARAM_ERROR", "errorMessage": "cancelReason"}
        if base["status"] != "waitbuyerpay":
            return {"success": False, "errorCode": "ORDER_STATUS_ERROR", "errorMessage": "状态"}
        if datetime.now(UTC) - unwire(base["createTime"]) < timedelta(seconds=10):
            return {"success": False, "errorCode": "CLOSE_ORDER_TOO_FAST", "errorMessage": "太快"}
        base["status"] = "cancel"
        base["closeReason"] = p["cancelReason"]
        base["closeRemark"] = p.get("remark", "")
        base["modifyTime"] = wire(datetime.now(UTC))
        return {"success": True}

    def _api_alibaba_trade_getRefundReasonList(self, s: GatewayState, p: dict) -> dict:
        if p.get("orderId") not in s.orders:
            return {"success": "false", "errorCode": "ORDER_NOT_EXIST", "errorMessage": "x"}
        json.loads(p["orderEntryIds"])  # sent as JSON text
        return {"result": {"success": True, "result": {"reasons": s.reasons}}}

    def _api_alibaba_trade_createRefund(self, s: GatewayState, p: dict[str, str]) -> dict:
        order = s.orders.get(p.get("orderId", ""))
        if order is None:
            return {"result": {"success": False, "code": "ORDER_NOT_EXIST", "message": "x"}}
        base = order["baseInfo"]
        if base["status"] not in ("waitsellersend", "waitbuyerreceive", "confirm_goods", "success"):
            return {"result": {"success": False, "code": "ORDER_STATUS_ERROR", "message": "状态"}}
        if base.get("refundStatus") in ("waitselleragree", "waitbuyersend", "waitsellerreceive"):
            return {"result": {"success": False, "code": "REFUND_EXISTS", "message": "已有退款"}}
        if not 2 <= len(p.get("description", "")) <= 150:
            return {"result": {"success": False, "code": "PARAM_ERROR", "message": "说明"}}
        refund_id = f"TQ{next(self.gateway._refund_ids):016d}"
        s.refunds[refund_id] = {
            "refundId": refund_id,
            "orderId": p["orderId"],
            "status": "waitselleragree",
            "applyPayment": int(p["applyPayment"]),
            "disputeRequest": p.get("disputeRequest"),
        }
        base["refundStatus"] = "waitselleragree"
        return {"result": {"success": True, "result": {"refundId": refund_id}}}

    def _api_alibaba_trade_cancelRefund(self, s: GatewayState, p: dict[str, str]) -> dict:
        refund = s.refunds.get(p.get("refundId", ""))
        if refund is None or refund["status"] in ("refundsuccess", "refundclose"):
            return {"success": False, "errorCode": "REFUND_STATUS_ERROR", "errorMessage": "x"}
        refund["status"] = "refundclose"
        s.orders[refund["orderId"]]["baseInfo"]["refundStatus"] = "refundclose"
        return {"success": True}

    def _api_alibaba_trade_refund_buyer_queryOrderRefundList(
        self, s: GatewayState, p: dict
    ) -> dict:
        found = [r for r in s.refunds.values() if r["orderId"] == p.get("orderId")]
        return {"result": {"success": True, "result": {"opOrderRefundModels": found}}}

    def _api_alibaba_createOrder_preview(self, s: GatewayState, p: dict[str, str]) -> dict:
        cargo = json.loads(p["cargoParamList"])
        total = 0
        for c in cargo:
            product = s.products.get(str(c["offerId"]))
            if product is None:
                return {"success": False, "errorCode": "OFFER_NOT_EXIST", "errorMsg": "商品不存在"}
            sku = product["skuInfos"][0]
            if sku["amountOnSale"] < c["quantity"]:
                return {"success": False, "errorCode": "STOCK_NOT_ENOUGH", "errorMsg": "库存不足"}
            total += round(sku["price"] * 100) * c["quantity"]
        return {
            "success": True,
            "orderPreviewResuslt": [
                {"sumPayment": total + 500, "sumCarriage": 500, "sumPaymentNoCarriage": total}
            ],
        }

    def _api_alibaba_trade_fastCreateOrder(self, s: GatewayState, p: dict[str, str]) -> dict:
        out = p.get("outOrderId", "")
        existing = s.placed.get(out) if out else None
        if existing is None:
            preview = self._api_alibaba_createOrder_preview(s, p)
            if not preview["success"]:
                return {"success": False, "code": preview["errorCode"], "message": "失败"}
            goods = preview["orderPreviewResuslt"][0]["sumPaymentNoCarriage"]
            existing = str(next(self.gateway._ids))
            if out:
                s.placed[out] = existing
            now = datetime.now(UTC)
            address = json.loads(p["addressParam"])
            cargo = json.loads(p["cargoParamList"])
            base = {
                "id": int(existing),
                "idOfStr": existing,
                "status": "waitbuyerpay",
                "createTime": wire(now),
                "modifyTime": wire(now),
                "totalAmount": (goods + 500) / 100,
                "shippingFee": 5.0,
                "buyerFeedback": p.get("message", ""),
                "receiverInfo": {"toFullName": address["fullName"], "toMobile": address["mobile"]},
            }
            if s.echo_out_order_id:
                base["outOrderId"] = out
            s.orders[existing] = {
                "baseInfo": base,
                "productItems": [
                    {
                        "name": "商品",
                        "productID": c["offerId"],
                        "specId": c.get("specId"),
                        "quantity": c["quantity"],
                        "price": goods / 100 / c["quantity"],
                        "subItemIDString": f"{existing}01",
                    }
                    for c in cargo
                ],
            }
        total = round(s.orders[existing]["baseInfo"]["totalAmount"] * 100)
        return {
            "success": True,
            "result": {"orderId": existing, "totalSuccessAmount": total, "postFee": 500},
        }

    def _api_alibaba_alipay_url_get(self, s: GatewayState, p: dict[str, str]) -> dict:
        ids = json.loads(p["orderIdList"])
        return {"success": True, "payUrl": f"https://pay.1688.example/pay?ids={len(ids)}"}

    def _api_alibaba_product_get(self, s: GatewayState, p: dict[str, str]) -> dict:
        product = s.products.get(p.get("productID", ""))
        if product is None:
            return {"success": False, "errorCode": "PRODUCT_NOT_EXIST", "errorMessage": "x"}
        if s.unknown_product_shape:
            return {"success": True, "data": {"offerModel": product}}
        return {"success": True, "productInfo": product}


def _brief(order: dict[str, Any]) -> dict[str, Any]:
    """The list's entry: base information and the lines (the list has no logistics)."""
    return {"baseInfo": dict(order["baseInfo"]), "productItems": order["productItems"]}


def iter_text(gw: FakeGateway) -> Iterator[str]:
    yield from gw.state.bodies
