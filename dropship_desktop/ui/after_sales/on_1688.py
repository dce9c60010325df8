"""The after-sales view's calls to 1688 for a case's refund application: look it up, withdraw it.

A mixin of :class:`~.view.AfterSalesView` (its texts keep that view's translation context). A
connector that talks over the network is called on a :class:`~..network.NetworkWorker` whose
database steps go back to the DB worker; the others run on the DB worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ...domain.cancel_flow import AccountRef
from ...errors import UserError
from ...services import after_sales_supplier as supplier_svc
from ...services.base import Changes
from ..app_setup import show_user_error
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from .dialogs import connector_for

__all__ = ["Actions1688"]


class Actions1688:
    """Check on 1688 / withdraw the application, for the view's current case."""

    worker: DbWorker
    _network: NetworkWorker | None
    _case: Callable[[], dict[str, Any] | None]
    _changed: Callable[[Changes], None]
    _status: Callable[[str], None]

    def shutdown(self) -> None:
        if self._network is not None:
            self._network.shutdown()  # a call between its steps stays "sent, answer not recorded"
        super().shutdown()  # type: ignore[misc]

    def _connector_of(self, case: dict[str, Any]) -> Any:
        """The connector of the account the case's 1688 order was bought with."""
        kind = str(case.get("connector") or "manual")
        account = None
        if case.get("distribution_account_id") is not None:
            account = AccountRef(
                int(case["distribution_account_id"]),
                str(case.get("account_name") or ""),
                str(case.get("account_member") or ""),
                kind,
            )
        return connector_for(self.worker.ctx.connectors, kind, account)

    def check_on_1688(self) -> None:
        """Look the case's refund application up on 1688 and follow what the supplier did."""
        case = self._case()
        if case is None:
            return
        connector, case_id = self._connector_of(case), int(case["id"])
        self._on_1688(
            connector,
            lambda run_db=None: supplier_svc.check_supplier_refund(
                case_id, connector, run_db=run_db
            ),
        )

    def withdraw_on_1688(self) -> None:
        """Withdraw the case's refund application on 1688, after asking."""
        case = self._case()
        if case is None:
            return
        box = QMessageBox(self)  # type: ignore[call-overload]
        box.setObjectName("withdrawApplication")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("AfterSalesView", "Withdraw the application"))
        box.setText(
            QCoreApplication.translate(
                "AfterSalesView",
                "Withdraw refund application {refund} for 1688 order {order}? The supplier is "
                "no longer asked for this money; you can ask again later.",
            ).format(refund=case["supplier_refund_id"], order=case.get("order_id_1688") or "")
        )
        withdraw = box.addButton(
            QCoreApplication.translate("AfterSalesView", "Withdraw"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not withdraw:
            return
        connector, case_id = self._connector_of(case), int(case["id"])
        self._on_1688(
            connector,
            lambda run_db=None: supplier_svc.withdraw_supplier_request(
                case_id, connector, run_db=run_db
            ),
        )

    def _on_1688(self, connector: Any, call: Callable[..., Changes]) -> None:
        """Run a call to 1688 on the network worker when *connector* goes over the network,
        else on the DB worker."""
        self._status(QCoreApplication.translate("AfterSalesView", "Asking 1688…"))
        if self.worker.ctx.connectors.is_networked(connector):
            if self._network is None:
                self._network = NetworkWorker(self.worker, self)  # type: ignore[arg-type]
            self._network.submit(
                without_context(call),
                run_db=self._network.run_db,
                on_result=self._changed,
                on_error=self._failed_on_1688,
                owner=self,  # type: ignore[arg-type]
            )
        else:
            self.worker.submit(
                without_context(call),
                on_result=self._changed,
                on_error=self._failed_on_1688,
                owner=self,  # type: ignore[arg-type]
            )

    def _failed_on_1688(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error  # a bug: the exception hook reports it
        self._status("")
        show_user_error(self, error)  # type: ignore[arg-type]
