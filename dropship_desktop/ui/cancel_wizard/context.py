"""What a cancel-wizard page may ask of the wizard: the small context every page gets.

Pages hold a :class:`WizardContext` (``page.cw``) instead of the wizard class, so no page imports
the wizard or another page; the wizard (:class:`~.wizard.CancelWizard`) is one implementation, a
test may pass another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ...connectors.base import Connector
    from ...domain.cancel_flow import AccountRef, CancelFlow
    from ..tasks import DbWorker

__all__ = ["WizardContext"]


class WizardContext(Protocol):
    """The wizard as its pages see it."""

    #: Steps 1–5's state and rules.
    flow: CancelFlow
    #: Runs reads and writes off the UI thread.
    worker: DbWorker
    #: The chosen account's connector, once step 1 made one.
    connector: Connector | None
    #: Shop id → name, for the consequences.
    shop_names: dict[int, str]

    def connector_for(self, account: AccountRef) -> Connector:
        """A new connector for *account*'s kind (raises ``UserError`` for an unknown kind)."""
        ...

    def run_connector(
        self, fn: Callable[..., Any], *args: Any, with_db: bool = False, **kwargs: Any
    ) -> None:
        """Run a job that calls the connector off the UI thread (the network worker for a
        networked connector, with ``run_db`` when *with_db*; else the DB worker)."""
        ...

    def show_error(self, error: BaseException) -> None:
        """Show the error of a read or write a page started."""
        ...

    def focus_next(self) -> None:
        """Move the focus to the Next button."""
        ...

    def focus_finish(self) -> None:
        """Move the focus to the Finish button."""
        ...

    def submission_started(self) -> None:
        """Step 6 started recording: Back and the other steps are closed from now on."""
        ...

    def submission_done(self) -> None:
        """Step 6 has an outcome for every order."""
        ...
