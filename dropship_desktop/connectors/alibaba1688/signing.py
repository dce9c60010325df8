"""The 1688 gateway's request signature and wire formats (reference: "Gateway and signing").

``_aop_signature = upper(hex(HMAC-SHA1(appSecret, urlPath + sorted(key + value…))))`` where
``urlPath`` is ``param2/1/{namespace}/{apiName}/{appKey}`` (no leading slash) and every parameter
sent except the signature itself takes part (``access_token`` and ``_aop_timestamp`` included);
object and array values are signed as the JSON text exactly as sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "CHINA",
    "api_path",
    "encode_params",
    "format_wire_time",
    "parse_wire_time",
    "sign",
    "signed_params",
]

#: 1688's wire times are China Standard Time.
CHINA = timezone(timedelta(hours=8))


def api_path(namespace: str, api_name: str, app_key: str, version: int = 1) -> str:
    """``param2/{version}/{namespace}/{apiName}/{appKey}`` (the signed URL path)."""
    return f"param2/{version}/{namespace}/{api_name}/{app_key}"


def encode_value(value: Any) -> str:
    """A parameter value as sent: text as is, booleans lower case, objects/arrays as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def encode_params(params: Mapping[str, Any]) -> dict[str, str]:
    """Every parameter as the text sent on the wire (``None`` values are left out)."""
    return {k: encode_value(v) for k, v in params.items() if v is not None}


def sign(url_path: str, params: Mapping[str, str], app_secret: str) -> str:
    """The ``_aop_signature`` of a request whose (encoded) parameters are *params*."""
    pieces = sorted(k + v for k, v in params.items() if k != "_aop_signature")
    message = url_path + "".join(pieces)
    digest = hmac.new(app_secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha1)
    return digest.hexdigest().upper()


def signed_params(
    url_path: str, params: Mapping[str, Any], app_secret: str, *, timestamp_ms: int
) -> dict[str, str]:
    """*params* encoded, with ``_aop_timestamp`` and ``_aop_signature`` added."""
    encoded = encode_params(params)
    encoded["_aop_timestamp"] = str(timestamp_ms)
    encoded["_aop_signature"] = sign(url_path, encoded, app_secret)
    return encoded


def format_wire_time(moment: datetime) -> str:
    """``yyyyMMddHHmmssSSS+0800`` for an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("a wire time needs an aware datetime")
    local = moment.astimezone(CHINA)
    return local.strftime("%Y%m%d%H%M%S") + f"{local.microsecond // 1000:03d}+0800"


def parse_wire_time(text: object) -> datetime | None:
    """An aware UTC datetime from ``yyyyMMddHHmmssSSS+0800`` (or without millis); ``None`` if
    empty or not a time (1688 sends values not listed anywhere: never fail on them)."""
    if not isinstance(text, str):
        return None
    raw = text.strip()
    if not raw:
        return None
    offset = CHINA
    if len(raw) > 5 and raw[-5] in "+-" and raw[-4:].isdigit():
        sign_ = 1 if raw[-5] == "+" else -1
        offset = timezone(sign_ * timedelta(hours=int(raw[-4:-2]), minutes=int(raw[-2:])))
        raw = raw[:-5]
    try:
        if len(raw) == 17:
            parsed = datetime.strptime(raw[:14], "%Y%m%d%H%M%S").replace(
                microsecond=int(raw[14:]) * 1000
            )
        elif len(raw) == 14:
            parsed = datetime.strptime(raw, "%Y%m%d%H%M%S")
        else:
            return None
    except ValueError:
        return None
    return parsed.replace(tzinfo=offset).astimezone(UTC)
