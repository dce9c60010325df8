"""Masking of buyer personal data (PIPL: minimum necessary). Shown in full only on a recorded reveal."""

from __future__ import annotations

import re

__all__ = ["mask_address", "mask_name", "mask_phone"]

_DIGITS = re.compile(r"\d")
# Address units down to the district/county level; anything after the first of these is cut.
_DISTRICT_UNITS = ("区", "县", "旗")
_CITY_UNITS = ("市", "州", "盟")


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
    if len(digits) >= 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def mask_address(address: str) -> str:
    """Cut the address after the district (区/县/旗), or after the city when there is no district.

    广东省深圳市南山区科技园南路 88 号 → 广东省深圳市南山区****
    """
    address = (address or "").strip()
    if not address:
        return ""
    for units in (_DISTRICT_UNITS, _CITY_UNITS):
        positions = [address.find(u) for u in units if address.find(u) > 0]
        if positions:
            cut = min(positions) + 1
            if cut < len(address):
                return address[:cut] + "****"
            return address
    # No recognisable unit: keep a short prefix only.
    return address[: min(6, len(address) // 2)] + "****"
