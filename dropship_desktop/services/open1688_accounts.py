"""Distribution accounts connected to the 1688 Open Platform: connect, authorise, status, remove.

The database keeps only the account (name, member id, connector kind ``open1688``); app key, app
secret and tokens go to the OS keyring (``connectors/alibaba1688/credentials.py``). Functions
that talk to 1688 (:func:`finish_authorisation`) run on the network worker; the others are quick
database or keyring work for the DB worker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from ..context import AppContext
from ..domain.cancel_flow import AccountRef
from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..store.db import execute_sql
from .base import Changes, audit, write_op

__all__ = [
    "KIND",
    "AccountStatus",
    "account_statuses",
    "connect_account",
    "finish_authorisation",
    "remove_connection",
    "resolve_sync_account",
]

KIND = "open1688"
#: The account made for environment credentials when none exists (unattended use).
ENV_ACCOUNT_NAME = "1688 API"


@dataclass(frozen=True)
class AccountStatus:
    """An account as the accounts window lists it (no secret, the app key shortened)."""

    id: int
    name: str
    member_id: str
    connector: str
    #: ``connected``, ``reconnect``, ``authorise`` (code still to paste) or ``none``.
    status: str
    app_key_hint: str = ""
    access_expires_at: float = 0.0
    from_env: bool = False


def _accounts() -> list[AccountRef]:
    rows = execute_sql(
        "SELECT id, name, member_id, connector FROM distribution_account ORDER BY name, id"
    ).fetchall()
    return [AccountRef(int(r[0]), r[1], r[2], r[3]) for r in rows]


def account_statuses() -> list[AccountStatus]:
    """Every distribution account with its 1688 Open Platform state."""
    from ..connectors.alibaba1688.credentials import load_credentials

    out = []
    for account in _accounts():
        creds = load_credentials(account.id, account.name) if account.connector == KIND else None
        if creds is None:
            out.append(
                AccountStatus(
                    account.id, account.name, account.member_id, account.connector, "none"
                )
            )
            continue
        key = creds.app_key
        out.append(
            AccountStatus(
                account.id,
                account.name,
                account.member_id or creds.member_id,
                account.connector,
                creds.status(),
                f"{key[:3]}…{key[-2:]}" if len(key) > 5 else "…",
                creds.access_expires_at,
                creds.from_env,
            )
        )
    return out


@write_op
def _ensure_account(ctx: AppContext, name: str) -> tuple[int, bool]:
    """The id of the account *name*, made (or switched) to the open-platform kind."""
    row = execute_sql(
        "SELECT id, connector FROM distribution_account WHERE name = ?", (name,)
    ).fetchone()
    if row is not None:
        if row[1] != KIND:
            execute_sql(
                "UPDATE distribution_account SET connector = ? WHERE id = ?", (KIND, row[0])
            )
            audit(
                "distribution_account",
                int(row[0]),
                "update",
                before={"connector": row[1]},
                after={"connector": KIND},
            )
        return int(row[0]), False
    from .cancellation import create_account

    changes = create_account(ctx, name, "", KIND)
    return int(changes.created_id or 0), True


def connect_account(
    ctx: AppContext, name: str, app_key: str, app_secret: str, redirect_uri: str = ""
) -> tuple[int, str]:
    """Keep app key and secret for the account *name* (made if new) and give the authorise link.

    Returns:
        ``(account id, authorise URL)``: open the URL, then pass what 1688 shows to
        :func:`finish_authorisation`.

    Raises:
        UserError: Bad key, secret or name; no secure credential store (nothing saved).
    """
    from ..connectors.alibaba1688.credentials import (
        authorize_url,
        load_credentials,
        new_credentials,
        save_credentials,
    )
    from ..secrets import SecretStoreUnavailableError, keyring_available

    existing = execute_sql(
        "SELECT id FROM distribution_account WHERE name = ?", (name.strip(),)
    ).fetchone()
    kept = load_credentials(int(existing[0]), name) if existing else None
    if not app_key.strip() and not app_secret.strip() and kept is not None and not kept.from_env:
        app_key, app_secret = kept.app_key, kept.app_secret  # reconnecting with the saved app
    creds = new_credentials(app_key, app_secret, redirect_uri)
    if not keyring_available():
        raise SecretStoreUnavailableError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "This computer has no secure credential store (such as Windows Credential "
                "Manager), so the app secret and the 1688 authorisation cannot be kept. Nothing "
                "was saved. You can still work with the manual connector.",
            )
        )
    account_id, _made = _ensure_account(ctx, name.strip())
    old = load_credentials(account_id, name)
    if old is not None and old.app_key == creds.app_key and old.app_secret == creds.app_secret:
        # Reconnecting: keep the tokens until the new code replaces them.
        creds = replace(old, redirect_uri=creds.redirect_uri, state=creds.state)
    save_credentials(account_id, creds)
    return account_id, authorize_url(creds)


def finish_authorisation(account_id: int, account_name: str, pasted: str) -> str:
    """Trade the pasted code (or redirect URL) for tokens; the 1688 member id. Network.

    Raises:
        UserError: Nothing usable pasted, the code refused or expired, 1688 unreachable.
    """
    from ..connectors.alibaba1688.client import AccountSession, Gateway
    from ..connectors.alibaba1688.credentials import load_credentials, parse_authorization_code
    from ..connectors.alibaba1688.errors import NotConnectedError

    creds = load_credentials(account_id, account_name)
    if creds is None or creds.from_env:
        raise NotConnectedError(account_name)
    code = parse_authorization_code(pasted, creds.state)
    gateway = Gateway()
    try:
        stored = AccountSession(account_id, account_name, creds, gateway).exchange_code(code)
    finally:
        gateway.close()
    return stored.member_id


@write_op
def record_member_id(account_id: int, member_id: str) -> Changes:
    """Fill in the account's 1688 member id after an authorisation (when it had none)."""
    member = member_id.strip()[:100]
    if member:
        execute_sql(
            "UPDATE distribution_account SET member_id = ? WHERE id = ? AND member_id = ''",
            (member, account_id),
        )
    return Changes.of(
        "distribution_account",
        ids={"distribution_account": [account_id]},
        message=QT_TRANSLATE_NOOP("Messages", "The 1688 account is connected."),
    )


@write_op
def remove_connection(account_id: int) -> Changes:
    """Forget the account's app key, secret and tokens; the account stays, as a manual one."""
    from ..connectors.alibaba1688.credentials import delete_credentials

    row = execute_sql(
        "SELECT connector FROM distribution_account WHERE id = ?", (account_id,)
    ).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("Open1688", "That account no longer exists."))
    execute_sql("UPDATE distribution_account SET connector = 'manual' WHERE id = ?", (account_id,))
    execute_sql("DELETE FROM app_meta WHERE key = ?", (f"open1688.sync.{account_id}",))
    audit(
        "distribution_account",
        account_id,
        "update",
        before={"connector": row[0]},
        after={"connector": "manual"},
    )
    delete_credentials(account_id)
    return Changes.of(
        "distribution_account",
        ids={"distribution_account": [account_id]},
        message=QT_TRANSLATE_NOOP(
            "Messages", "The 1688 connection was removed; the account now uses the manual way."
        ),
    )


def resolve_sync_account(ctx: AppContext, name: str | None) -> AccountRef:
    """The open-platform account to sync: the one named, or the only one.

    With credentials in the environment and no open-platform account yet, one named
    ``1688 API`` is made for them.

    Raises:
        UserError: No such account, several to choose from, or not connected.
    """
    from ..connectors.alibaba1688.credentials import (
        ENV_ACCOUNT,
        env_account,
        env_credentials,
        load_credentials,
    )
    from ..connectors.alibaba1688.errors import NotConnectedError, ReconnectNeededError

    accounts = _accounts()
    ours = [a for a in accounts if a.connector == KIND]
    from_env = env_credentials() is not None
    if not name and from_env and os.environ.get(ENV_ACCOUNT, "").strip():
        name = env_account()  # the account the environment's credentials belong to
    if name:
        found = [a for a in accounts if name.strip() in (a.name, str(a.id))]
        if not found and from_env and name.strip() == env_account():
            account_id, _made = _ensure_account(ctx, name.strip())
            found = [AccountRef(account_id, name.strip(), "", KIND)]
        if not found:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Open1688",
                    "There is no distribution account named “{name}”. Accounts: {names}.",
                ),
                name=name,
                names=", ".join(a.name for a in accounts) or "-",
            )
        account = found[0]
        if account.connector != KIND:
            raise NotConnectedError(account.name)
    elif len(ours) == 1:
        account = ours[0]
    elif len(ours) > 1:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "Several accounts use the 1688 Open Platform; choose one with "
                "--account NAME: {names}.",
            ),
            names=", ".join(a.name for a in ours),
        )
    elif env_credentials() is not None:
        account_id, _made = _ensure_account(ctx, ENV_ACCOUNT_NAME)
        account = AccountRef(account_id, ENV_ACCOUNT_NAME, "", KIND)
    else:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Open1688",
                "No account is connected to the 1688 Open Platform. Connect one in the app "
                "(menu 1688 → 1688 accounts) or set DROPSHIP_DESKTOP_1688_APP_KEY, "
                "DROPSHIP_DESKTOP_1688_APP_SECRET and DROPSHIP_DESKTOP_1688_ACCESS_TOKEN.",
            )
        )
    creds = load_credentials(account.id, account.name)
    if creds is None or creds.status() == "authorise":
        raise NotConnectedError(account.name)
    if creds.status() == "reconnect":
        raise ReconnectNeededError(account.name)
    return account
