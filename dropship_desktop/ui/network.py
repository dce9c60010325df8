"""The network worker: connector calls run here, never on the UI thread or the DB worker.

A request that talks to 1688 is "record on the DB worker → call on the network worker → finish
on the DB worker": the network job gets :meth:`NetworkWorker.run_db`, which hands a database
function to the :class:`~.tasks.DbWorker` and waits for its result, so the single DB worker keeps
every write and no transaction is open while waiting for 1688. Results and errors come back on
the UI thread (queued signals), like the DB worker's. A network job is ``fn(ctx, *args)`` with
the DB worker's application context; the database steps it gives :meth:`run_db` are closures
without arguments (they already have the job's context).
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from ..errors import UserError
from ..i18n import QT_TRANSLATE_NOOP
from ..services.base import Changes
from .tasks import DbWorker, call_job

__all__ = ["NetJob", "NetworkWorker", "WorkerClosingError"]

log = logging.getLogger(__name__)

#: Connector calls at once (1688 rate-limits; two keep a sync from blocking a cancel).
THREADS = 2


class WorkerClosingError(UserError):
    """The app is closing: the network job stopped before its next database step."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Open1688", "The app is closing; the 1688 request was stopped.")
        )


@dataclass(eq=False)
class NetJob:
    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    on_result: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    owner: QObject | None = None
    id: int = 0
    result: Any = None
    error: BaseException | None = None


@dataclass(eq=False)
class _DbCall:
    fn: Callable[[], Any]
    done: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None


class NetworkWorker(QObject):
    """Runs connector calls on a small thread pool.

    Signals:
        busy_changed(bool): Whether network jobs are pending or running.
    """

    busy_changed = Signal(bool)
    _finished = Signal(object)
    _db_call = Signal(object)

    def __init__(self, db_worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_worker = db_worker
        self.ctx = db_worker.ctx
        self._ids = itertools.count(1)
        self._pending: dict[int, NetJob] = {}
        self._closing = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="network")
        self._finished.connect(self._on_finished)
        self._db_call.connect(self._on_db_call)

    # -- from the UI thread ------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> NetJob:
        """Run ``fn(ctx, *args, **kwargs)`` on a network thread; callbacks on the UI thread.

        ``fn`` may call :meth:`run_db` for its database steps.
        """
        if owner is None:
            for callback in (on_result, on_error):
                candidate = getattr(callback, "__self__", None)
                if isinstance(candidate, QObject):
                    owner = candidate
                    break
        job = NetJob(fn, args, kwargs, on_result, on_error, owner, next(self._ids))
        was_idle = not self._pending
        self._pending[job.id] = job
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.submit(self._run, job)
        return job

    def is_busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Stop taking jobs; running ones stop at their next database step."""
        self._closing.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- on a network thread -----------------------------------------------------------------

    def _run(self, job: NetJob) -> None:
        try:
            job.result = call_job(self.ctx, job.fn, *job.args, **job.kwargs)
        except BaseException as exc:  # delivered to the UI thread, which decides
            job.error = exc
        if not self._closing.is_set():
            self._finished.emit(job)

    def run_db(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn()`` on the DB worker and return its result (call from a network job only).

        Raises:
            WorkerClosingError: The app is closing.
            Whatever *fn* raised.
        """
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("run_db is for network jobs; the UI thread submits directly")
        call = _DbCall(fn)
        if self._closing.is_set():
            raise WorkerClosingError()
        self._db_call.emit(call)
        while not call.done.wait(0.2):
            if self._closing.is_set():
                raise WorkerClosingError()
        if call.error is not None:
            raise call.error
        return call.result

    # -- back on the UI thread ---------------------------------------------------------------

    @Slot(object)
    def _on_db_call(self, call: _DbCall) -> None:
        def done(result: Any) -> None:
            call.result = result
            call.done.set()

        def failed(error: BaseException) -> None:
            call.error = error
            call.done.set()

        self.db_worker.submit(lambda _ctx: call.fn(), on_result=done, on_error=failed, owner=self)

    @Slot(object)
    def _on_finished(self, job: NetJob) -> None:
        self._pending.pop(job.id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        gone = job.owner is not None and not shiboken6.isValid(job.owner)
        if job.error is not None:
            if gone and isinstance(job.error, UserError):
                return
            if job.on_error is not None and not gone:
                job.on_error(job.error)
            else:
                sys.excepthook(type(job.error), job.error, job.error.__traceback__)
            return
        if isinstance(job.result, Changes):
            self.db_worker.changed.emit(job.result)
        if job.on_result is not None and not gone:
            job.on_result(job.result)
