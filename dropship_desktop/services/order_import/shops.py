"""Which shop an import's orders go to: the shops of the file's platform, the default, a new shop."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.enums import ShopPlatform
from ...domain.timeutil import now_epoch
from ...errors import UserError
from ...i18n import QT_TRANSLATE_NOOP, label
from ...store.db import connection, execute_sql
from ...tabular.platform_formats import platform_format
from .base import _audit_rows, _json
from .preview import (
    ImportPreview,
)

__all__ = ["default_shop", "file_shop", "shops_for_platforms"]


def shops_for_platforms(platforms: Sequence[str]) -> list[tuple[int, str, str]]:
    """Shops of the given platforms as ``(id, platform, name)``, by name."""
    if not platforms:
        return []
    marks = ",".join("?" * len(platforms))
    cursor = execute_sql(
        f"SELECT id, platform, name FROM shop WHERE platform IN ({marks}) ORDER BY name, id",
        list(platforms),
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in cursor.fetchall()]


def default_shop(preview: ImportPreview, shop_name: str | None = None) -> tuple[int | None, str]:
    """Which shop a shop export's orders go to.

    Args:
        preview: The preview of a shop export.
        shop_name: The shop the user named (``--shop``); created on import if it is new.

    Returns:
        ``(shop_id, name)``: an existing shop, or ``(None, name)`` for a shop to create.

    Raises:
        UserError: No shop was named and the choice is not obvious (the message says to name
            one).
    """
    platforms = preview.platforms()
    shops = shops_for_platforms(platforms)
    if shop_name:
        name = shop_name.strip()
        for shop_id, _platform, existing in shops:
            if existing == name:
                return shop_id, existing
        _refuse_other_platforms_shop(preview, name)
        return None, name
    named = file_shop(preview, shops)
    if named is not None:
        return named
    if len(preview.shop_names) == 1:
        # The file names one shop the app does not have yet: ask rather than guess.
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file's orders belong to the shop {name!r}, which is not here yet. Import "
                "them with --shop {name!r} to create it (or --shop with the name of the shop "
                "they belong to).",
            ),
            name=preview.shop_names[0],
        )
    if len(shops) == 1 and not preview.shop_names:
        return shops[0][0], shops[0][2]
    if len(preview.shop_names) > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file holds orders of several shops ({names}). Export one shop's orders per "
                "file, or say which shop they belong to with --shop NAME.",
            ),
            names=", ".join(preview.shop_names),
        )
    label = _label(preview.format, QT_TRANSLATE_NOOP("Import", "these"))
    if not shops:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "There is no shop for {label} orders yet. Name the shop these orders belong to "
                "with --shop NAME (it will be created).",
            ),
            label=label,
        )
    names = ", ".join(s[2] for s in shops)
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "There are several shops for {label} orders ({names}). Say which shop these orders "
            "belong to with --shop NAME.",
        ),
        label=label,
        names=names,
    )


def _platform_label(platform: str) -> object:
    """The platform's label as a message value (translated where the message is shown)."""
    try:
        return label(ShopPlatform(platform))
    except ValueError:
        return platform


def _refuse_other_platforms_shop(preview: ImportPreview, name: str) -> None:
    """Refuse a shop name (``--shop``) that is a shop of another platform than the file's:
    a second shop of the same name would be made, and the seller meant the existing one.

    Raises:
        UserError: A shop of another platform has that name.
    """
    row = execute_sql(
        "SELECT platform FROM shop WHERE name = ? ORDER BY id LIMIT 1", (name,)
    ).fetchone()
    if row is None:
        return
    platform = _platform_label(str(row[0]))
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The shop {name!r} is a {platform} shop, but this file is a {format} export: its "
            "orders cannot go into that shop. Check that you chose the right file, or name this "
            "file's shop with --shop (a new name creates a new shop).",
        ),
        name=name,
        platform=platform,
        format=_label(preview.format, QT_TRANSLATE_NOOP("Import", "different")),
    )


def file_shop(
    preview: ImportPreview, shops: Sequence[tuple[int, str, str]]
) -> tuple[int, str] | None:
    """The seller's shop the file itself names (店铺名称 or a shop column), if exactly one.

    Args:
        preview: The preview of a shop export.
        shops: The shops its orders may go to (:func:`shops_for_platforms`).

    Returns:
        ``(shop_id, name)`` when the file names one shop and exactly one of *shops* has that
        name (compared without surrounding or repeated spaces), else ``None``.
    """
    if len(preview.shop_names) != 1:
        return None
    wanted = " ".join(preview.shop_names[0].split())
    found = [(sid, name) for sid, _platform, name in shops if " ".join(name.split()) == wanted]
    return found[0] if len(found) == 1 else None


def _ensure_shop(
    preview: ImportPreview, shop_id: int | None, new_shop: tuple[str, str] | None
) -> int:
    conn = connection()
    platforms = preview.platforms()
    if new_shop is not None:
        platform, name = new_shop[0], new_shop[1].strip()
        if not name:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "Enter a name for the new shop."))
        if platform not in platforms:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "A {platform} shop cannot receive this file's orders."),
                platform=platform,
            )
        row = conn.execute(
            "SELECT id FROM shop WHERE platform = ? AND name = ?", (platform, name)
        ).fetchone()
        if row is not None:
            return int(row[0])
        other = conn.execute(
            "SELECT platform FROM shop WHERE name = ? ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        if other is not None:
            # Two shops of one name would be told apart nowhere (lists, filters, the dashboard).
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A {platform} shop is already named {name!r}. Give the new shop another "
                    "name, for example with the platform in it.",
                ),
                platform=_platform_label(str(other[0])),
                name=name,
            )
        if preview.mapping.is_item_report:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This is an item report (宝贝报表): it adds goods lines to orders already "
                    "imported, so it cannot go into a new shop. Choose the shop whose order "
                    "report (订单报表) you imported.",
                )
            )
        cursor = conn.execute(
            "INSERT INTO shop (platform, name, created_at) VALUES (?, ?, ?)",
            (platform, name, now_epoch()),
        )
        created = int(cursor.lastrowid or 0)
        _audit_rows([("shop", created, None, "create", "", _json({"name": name}))])
        return created
    if shop_id is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Choose the shop these orders belong to."))
    row = conn.execute("SELECT platform FROM shop WHERE id = ?", (shop_id,)).fetchone()
    if row is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The chosen shop no longer exists. Choose another one.")
        )
    if row[0] not in platforms:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The chosen shop is a {platform} shop; this file is a {format} export. Choose a "
                "matching shop.",
            ),
            platform=row[0],
            format=_label(preview.format, QT_TRANSLATE_NOOP("Import", "different")),
        )
    return int(shop_id)


def _label(fmt: str | None, default: str) -> str:
    """The marked name of the layout *fmt*, or *default*."""
    layout = platform_format(fmt)
    return layout.label if layout is not None else default
