"""Steps 1–5 of the cancel wizard, one module per page. Pages only collect input and show what the
flow says.

Every page reads its completeness from :meth:`CancelFlow.problems` and shows those problems under
its content; nothing here writes to the database (adding a distribution account is the one
write, and it is the seller's explicit action). Reads run on the DB worker. A page reaches the
wizard only through :class:`~.context.WizardContext`.

======================  =====================================================
:mod:`.step_page`       :class:`StepPage`, shared helpers
:mod:`.sign_in_page`    step 1 (:class:`SignInPage`, :class:`AccountDialog`)
:mod:`.order_list_page` step 2 (:class:`OrderListPage`)
:mod:`.select_page`     step 3 (:class:`SelectPage`)
:mod:`.confirm_page`    step 4 (:class:`ConfirmPage`, :func:`consequences_html`)
:mod:`.reason_page`     step 5 (:class:`ReasonPage` and its editors)
:mod:`.submit_page`     step 6 (:class:`~.submit_page.SubmitPage`)
======================  =====================================================
"""

from __future__ import annotations

from .confirm_page import ConfirmPage, consequences_html
from .order_list_page import OrderListPage
from .reason_page import CloseReasonEditor, ReasonPage, RefundReasonEditor
from .select_page import SelectPage
from .sign_in_page import AccountDialog, SignInPage
from .step_page import SELECT_ALL_CONFIRM_ABOVE, StepPage, connector_label, order_label

__all__ = [
    "SELECT_ALL_CONFIRM_ABOVE",
    "AccountDialog",
    "CloseReasonEditor",
    "ConfirmPage",
    "OrderListPage",
    "ReasonPage",
    "RefundReasonEditor",
    "SelectPage",
    "SignInPage",
    "StepPage",
    "connector_label",
    "consequences_html",
    "order_label",
]
