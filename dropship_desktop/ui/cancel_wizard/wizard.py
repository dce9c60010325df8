"""The cancel-order wizard (取消订单向导): six pages over one :class:`CancelFlow`.

Navigation is the flow's: :meth:`CancelWizard.validateCurrentPage` asks the flow whether the step
is complete and moves it on, Back moves it back, and the pages show the flow's problems. Nothing is
written before the seller presses Submit on step 6; from then on Back is gone and Cancel explains
that what was sent cannot be undone.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Slot
from PySide6.QtGui import QFontMetrics, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget, QWizard

from ...connectors import Capability
from ...connectors.base import Connector
from ...domain.cancel_flow import AccountRef, CancelFlow, CancelStep
from ...domain.timeutil import now_utc
from ...errors import UserError
from ...store.order_queries import filter_choices
from ..formatting import user_error_text
from ..network import NetworkWorker
from ..tasks import DbWorker, without_context
from .confirm_page import ConfirmPage
from .order_list_page import OrderListPage
from .reason_page import ReasonPage
from .select_page import SelectPage
from .sign_in_page import SignInPage
from .step_page import StepPage, open_in_browser
from .submit_page import SubmitPage
from .texts import step_title

__all__ = ["CancelWizard", "fitted_size", "open_in_browser", "start_cancel_wizard"]

log = logging.getLogger(__name__)

ConnectorFactory = Callable[[str], Connector]


#: The size the wizard asks for when the screen has room.
PREFERRED_SIZE = QSize(1100, 700)
#: Room left for the window's title bar and border, which the client size does not include.
FRAME_ALLOWANCE = QSize(24, 56)


def fitted_size(available: QRect | None) -> QSize:
    """The wizard's size on a screen whose free area (without the taskbar) is *available*.

    At 1366×768 with a 40 px taskbar (1366×728 free) the whole window, title bar and buttons,
    stays on screen; so does 1920×1080 at 150 % (1280×720 logical, minus the taskbar).
    """
    width, height = PREFERRED_SIZE.width(), PREFERRED_SIZE.height()
    if available is not None:
        width = min(width, available.width() - FRAME_ALLOWANCE.width())
        height = min(height, available.height() - FRAME_ALLOWANCE.height())
    return QSize(max(width, 640), max(height, 480))


class StepList(QWidget):
    """The six steps beside the pages, the current one in bold: where the seller is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 16, 12)
        self.labels: dict[CancelStep, QLabel] = {}
        for step in CancelStep:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(step_title(step))
            layout.addWidget(label)
            self.labels[step] = label
        layout.addStretch(1)
        bold = self.font()
        bold.setBold(True)
        widest = max((f"▶ {s.value}. {s.title_zh}" for s in CancelStep), key=len)
        self.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(widest) + 32)
        self.set_current(CancelStep.SIGN_IN)

    def set_current(self, current: CancelStep) -> None:
        for step, label in self.labels.items():
            text = f"{step.value}. {step.title_zh}"
            if step is current:
                label.setText(f"<b>▶ {text}</b>")
            elif step < current:
                label.setText(f"✓ {text}")
            else:
                label.setText(f"&nbsp;&nbsp;&nbsp;{text}")


class CancelWizard(QWizard):
    """Cancel supplier orders on 1688 in the six steps of the seed.

    Args:
        worker: The DB worker every service call runs on.
        connector_factory: Makes the connector of an account's kind (tests inject a fake);
            default: the registry, with the system browser for the manual connector.
        preselected_supplier_order_ids: Orders to select (started from the order list).
        parent: Parent widget.
        clock: Current aware UTC time, for the flow's rules.
        open_url: How the manual connector opens 1688 pages (default: the system browser).
    """

    def __init__(
        self,
        worker: DbWorker,
        connector_factory: ConnectorFactory | None = None,
        preselected_supplier_order_ids: Iterable[int] = (),
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = now_utc,
        open_url: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CancelWizard")
        self.worker = worker
        self.flow = CancelFlow(preselected=preselected_supplier_order_ids, clock=clock)
        self.connector: Connector | None = None
        self.shop_names: dict[int, str] = {}
        #: Made for the first call of a connector that talks to 1688 over the network.
        self._network: NetworkWorker | None = None
        self._factory = connector_factory
        self._open_url = open_url or open_in_browser
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.sign_in_page = SignInPage(self)
        self.order_list_page = OrderListPage(self)
        self.select_page = SelectPage(self)
        self.confirm_page = ConfirmPage(self)
        self.reason_page = ReasonPage(self)
        self.submit_page = SubmitPage(self)
        self.step_pages: dict[CancelStep, StepPage] = {
            CancelStep.SIGN_IN: self.sign_in_page,
            CancelStep.ORDER_LIST: self.order_list_page,
            CancelStep.SELECT: self.select_page,
            CancelStep.CONFIRM: self.confirm_page,
            CancelStep.REASON: self.reason_page,
            CancelStep.SUBMIT: self.submit_page,
        }
        for step, page in self.step_pages.items():
            self.setPage(step.value, page)
        self.setStartId(CancelStep.SIGN_IN.value)
        self.steps = StepList()
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._page_changed)
        self.setWindowTitle(self.tr("Cancel Orders (取消订单)"))
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        self.resize(fitted_size(screen.availableGeometry() if screen is not None else None))
        self._placed = False
        worker.submit(without_context(filter_choices), on_result=self._set_choices)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            self.place_on_parent()

    def place_on_parent(self) -> None:
        """Centre the wizard on its parent window, kept inside the screen's free area (so its
        title bar and buttons are never under the taskbar or off screen)."""
        parent = self.parentWidget()
        anchor = parent.window().frameGeometry() if parent is not None else None
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        frame = self.frameGeometry()  # move() places the frame, title bar included
        center = anchor.center() if anchor is not None else (area.center() if area else None)
        if center is None:
            return
        x = center.x() - frame.width() // 2
        y = center.y() - frame.height() // 2
        if area is not None:
            x = max(area.left(), min(x, area.right() + 1 - frame.width()))
            y = max(area.top(), min(y, area.bottom() + 1 - frame.height()))
        self.move(x, y)

    # -- connectors ------------------------------------------------------------------------

    def connector_for(self, account: AccountRef) -> Connector:
        """A connector for *account*'s kind.

        Raises:
            UserError: The kind is not available in this version.
        """
        if self._factory is not None:
            return self._factory(account.connector)
        return self.worker.ctx.connectors.create(account.connector, open_url=self._open_url)

    def _set_choices(self, choices: dict[str, list[tuple[Any, ...]]]) -> None:
        self.shop_names = {int(i): str(n) for i, n in choices.get("shops", [])}

    # -- navigation: the flow decides --------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if CancelStep.SIGN_IN.value <= current < CancelStep.SUBMIT.value:
            return current + 1
        return -1

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if not isinstance(page, StepPage):
            return True
        if page.step is CancelStep.SUBMIT:
            return page.isComplete()
        if page.busy():
            return False
        page.before_next()
        if self.flow.step is not page.step or not self.flow.can_advance():
            page.flow_changed()
            return False
        self.flow.next()
        return True

    @Slot(int)
    def _page_changed(self, page_id: int) -> None:
        if page_id <= 0:
            return
        step = CancelStep(page_id)
        # Back pressed: the flow goes back too (changing nothing else).
        while self.flow.step > step and self.flow.can_go_back():
            self.flow.back()
        self.steps.set_current(step)

    def submission_started(self) -> None:
        """Step 6 began sending: no way back any more."""
        self.setButtonLayout(
            [
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.CancelButton,
                QWizard.WizardButton.FinishButton,
            ]
        )

    def focus_next(self) -> None:
        button = self.button(QWizard.WizardButton.NextButton)
        if button.isEnabled():
            button.setFocus()

    def submission_done(self) -> None:
        """Everything was sent and answered: only Finish is left (Cancel would undo nothing)."""
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])

    def focus_finish(self) -> None:
        button = self.button(QWizard.WizardButton.FinishButton)
        if button.isEnabled():
            button.setFocus()

    # -- closing ---------------------------------------------------------------------------

    def run_connector(
        self, fn: Callable[..., Any], *args: Any, with_db: bool = False, **kwargs: Any
    ) -> None:
        """Run a job that calls the chosen account's connector, off the UI thread.

        A connector that talks to 1688 over the network (``Capability.NETWORK``) is called on
        the network worker, so a slow answer never holds the database worker; with *with_db*
        the job also gets ``run_db`` for its database steps. Other connectors (manual, the
        simulated one) answer at once and run on the database worker as before.
        """
        account = self.flow.account
        networked = account is not None and self.worker.ctx.connectors.info(account.connector).can(
            Capability.NETWORK
        )
        if not networked:
            self.worker.submit(fn, *args, **kwargs)
            return
        if self._network is None:
            self._network = NetworkWorker(self.worker, self)
        if with_db:
            kwargs["run_db"] = self._network.run_db
        self._network.submit(fn, *args, **kwargs)

    def done(self, result: int) -> None:
        if self._network is not None:
            # A request still on its way finishes at 1688; its last database step is then
            # refused and the request is found as interrupted at the next start.
            self._network.shutdown()
        super().done(result)

    def reject(self) -> None:
        """Cancel: free before step 6 has sent anything; afterwards only after a warning."""
        page = self.submit_page
        if not page.running():
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Stop cancelling?"))
        box.setText(
            self.tr("Requests already sent to 1688 cannot be undone by closing this window.")
        )
        box.setInformativeText(
            self.tr(
                "If you stop now, the order being sent finishes; the %n order(s) not sent yet are "
                "recorded as not sent, and you can cancel them again later. An order whose 1688 "
                "page is open without your answer is kept for you to check.",
                "",
                page.unsent_count(),
            )
        )
        stop = box.addButton(self.tr("&Stop"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Continue"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])  # continuing is the safe choice
        box.exec()
        if box.clickedButton() is stop:
            page.stop(then=lambda: QWizard.reject(self))

    def show_error(self, error: BaseException) -> None:
        """An error of a read or write the wizard started."""
        if isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Cancel Orders"), user_error_text(error))
            return
        sys.excepthook(type(error), error, error.__traceback__)


def start_cancel_wizard(
    parent: QWidget,
    worker: DbWorker,
    *,
    sales_order_ids: Iterable[int] = (),
    supplier_order_ids: Iterable[int] = (),
    connector_factory: ConnectorFactory | None = None,
) -> None:
    """Open the wizard with the supplier orders of *sales_order_ids* (and *supplier_order_ids*)
    selected; the lookup runs on the worker, the wizard opens when it answers."""
    sales = list(sales_order_ids)
    direct = list(supplier_order_ids)

    def show(found: list[int]) -> None:
        wizard = CancelWizard(
            worker,
            connector_factory,
            list(dict.fromkeys([*direct, *found])),
            parent,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    if sales:
        # Fraud checks: high-risk orders are named before anything is cancelled or refunded.
        from ..orders.risk import confirm_high_risk, high_risk_lookup

        def checked(found: tuple[list[int], list[Any]]) -> None:
            action = QCoreApplication.translate("Risk", "cancel them")
            if confirm_high_risk(parent, found[1], action):
                show(found[0])

        worker.submit(high_risk_lookup, sales, on_result=checked, owner=parent)
    else:
        show([])
