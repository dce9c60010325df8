"""Shared plumbing of the services: the transaction wrapper, change reports, audit events."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import peewee

from ..domain.timeutil import now_epoch
from ..i18n import fill
from ..store.db import atomic, deferred_checkpoint, user_error_for
from ..store.tables import AuditEvent

__all__ = ["Changes", "audit", "audit_changes", "bulk_write_op", "write_op"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Changes:
    """What a use case changed: the tables touched and, where useful, the row ids.

    Attributes:
        tables: Names of the tables written (e.g. ``{"supplier"}``); views refresh on these.
        ids: Per table, the ids created, updated or deleted.
        created_id: The id of the main row a create use case made, if any.
        message: A short English summary for the status bar, marked with
            ``QT_TRANSLATE_NOOP("Messages", …)``; the UI translates it and fills in
            ``message_params``.
        message_params: Values for the ``{field}`` placeholders of ``message``.
    """

    tables: frozenset[str] = frozenset()
    ids: dict[str, frozenset[int]] = field(default_factory=dict)
    created_id: int | None = None
    message: str = ""
    message_params: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        *tables: str,
        ids: dict[str, Iterable[int]] | None = None,
        created_id: int | None = None,
        message: str = "",
        message_params: dict[str, object] | None = None,
    ) -> Changes:
        return cls(
            tables=frozenset(tables),
            ids={k: frozenset(v) for k, v in (ids or {}).items()},
            created_id=created_id,
            message=message,
            message_params=dict(message_params or {}),
        )

    @property
    def message_text(self) -> str:
        """The English message with its values filled in (for the CLI and logs)."""
        return fill(self.message, self.message_params)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __or__(self, other: Changes) -> Changes:
        ids = dict(self.ids)
        for key, value in other.ids.items():
            ids[key] = ids.get(key, frozenset()) | value
        return Changes(
            tables=self.tables | other.tables,
            ids=ids,
            created_id=self.created_id if self.created_id is not None else other.created_id,
            message=other.message or self.message,
            message_params=other.message_params if other.message else self.message_params,
        )


def write_op(fn: Callable[P, R]) -> Callable[P, R]:
    """Run a use case in one IMMEDIATE transaction (nested calls join the outer one).

    A full disk, a read-only or locked database and disk I/O errors roll the transaction back and
    surface as a plain :class:`~dropship_desktop.errors.UserError`.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with atomic():
                return fn(*args, **kwargs)
        except (sqlite3.OperationalError, peewee.OperationalError) as exc:
            # On a full disk or an I/O error SQLite may roll back by itself; peewee's own
            # ROLLBACK then fails ("no transaction is active") with the real cause as context.
            translated = None
            cause: BaseException | None = exc
            while cause is not None and translated is None:
                translated = user_error_for(cause)
                cause = cause.__context__
            if translated is None:
                raise
            raise translated from exc

    return wrapper


def bulk_write_op(fn: Callable[P, R]) -> Callable[P, R]:
    """:func:`write_op` for big writes (imports): the commit leaves copying the WAL into the
    database file to a background thread (:func:`~dropship_desktop.store.db.deferred_checkpoint`).
    """
    in_transaction = write_op(fn)

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with deferred_checkpoint():
            return in_transaction(*args, **kwargs)

    return wrapper


def audit(
    entity: str,
    entity_id: int | None,
    action: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    sales_order_id: int | None = None,
    at: int | None = None,
) -> None:
    """Record one audit event inside the caller's transaction.

    Buyer personal data must never be passed in ``before``/``after``: the audit log records *that*
    data was revealed or removed, never the values.
    """
    AuditEvent.insert(
        at=at if at is not None else now_epoch(),
        entity=entity,
        entity_id=entity_id,
        sales_order_id=sales_order_id,
        action=action,
        before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
        after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
    ).execute()


def audit_changes(
    entity: str, entity_id: int, before: object, values: Mapping[str, Any]
) -> dict[str, Any]:
    """Record an ``update`` audit event for the fields of ``values`` that differ from ``before``.

    Saving a form unchanged must leave no trace in the audit log, so no event is written when
    nothing differs; callers use the empty result to skip the write as well.

    Args:
        entity: The audited entity (``"supplier"``, ``"product"``, …).
        entity_id: Its id.
        before: The stored state: a mapping with the keys of ``values``, or an object (a model
            row) with those attributes.
        values: The new field values.

    Returns:
        The changed fields with their new values; empty when nothing changed.
    """
    old = before if isinstance(before, Mapping) else {key: getattr(before, key) for key in values}
    changed = {key: value for key, value in values.items() if old[key] != value}
    if changed:
        audit(
            entity,
            entity_id,
            "update",
            before={key: old[key] for key in changed},
            after=changed,
        )
    return changed
