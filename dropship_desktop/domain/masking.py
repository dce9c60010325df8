"""Masking of buyer personal data (PIPL: minimum necessary). Shown in full only on a recorded reveal."""

from __future__ import annotations

import re

__all__ = ["mask_address", "mask_name", "mask_phone"]

_DIGITS = re.compile(r"\d")
# Province, prefecture and county levels, each short (so a street named "…工业区" is not kept).
_ADDRESS_RE = re.compile(
    r"^(.{2,7}?(?:省|自治区|特别行政区)|北京市|上海市|天津市|重庆市)?"
    r"(.{2,10}?(?:自治州|地区|市|州|盟))?"
    r"(.{1,8}?(?:区|县|旗|市))?"
)


def mask_name(name: str) -> str:
    """Keep the first character: 张伟 → 张*, 欧阳娜娜 → 欧***, Li Lei → L*****."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_phone(phone: str) -> str:
    """Mobile numbers keep the first three and the last four digits: 138****5678.

    Shorter numbers (landlines, virtual numbers with an extension) keep only the last four.
    """
    phone = (phone or "").strip()
    digits = "".join(_DIGITS.findall(phone))
    if not digits:
        return ""
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def mask_address(address: str) -> str:
    """Keep province, city and district; cut the rest.

    广东省深圳市南山区科技园南路 88 号 → 广东省深圳市南山区****
    """
    address = (address or "").strip()
    if not address:
        return ""
    match = _ADDRESS_RE.match(address)
    kept = "".join(g for g in match.groups() if g) if match else ""
    if not kept:
        # No recognisable unit: keep a short prefix only.
        kept = address[: min(6, len(address) // 2)]
    return kept + "****" if len(kept) < len(address) else kept


#: A number written with spaces or dashes in it (138-1234-5678, 1234 5678 90).
_NUMBER_RUN = re.compile(r"\d(?:[\d \-]*\d)?")
#: The id after a chat app's name (微信 zhang_san88, vx: abc123, QQ号 12345678).
_CHAT_ID = re.compile(
    r"((?:微信|威信|薇信|v信|vx|wx|wechat|qq|扣扣)\s*(?:号)?\s*[:：]?\s*)([a-z0-9][a-z0-9_\-]{3,})",
    re.IGNORECASE,
)


def _star(text: str) -> str:
    return "".join("*" if c.isalnum() else c for c in text)


def mask_message(message: str) -> str:
    """A buyer's message with what could reach the buyer off-platform starred: numbers of 5+
    digits (also written with spaces or dashes: a phone, a QQ number) and the id after a chat
    app's name (a WeChat id)."""
    if not message:
        return ""
    masked = _CHAT_ID.sub(lambda m: m.group(1) + _star(m.group(2)), message)
    return _NUMBER_RUN.sub(
        lambda m: _star(m.group()) if sum(c.isdigit() for c in m.group()) >= 5 else m.group(),
        masked,
    )
