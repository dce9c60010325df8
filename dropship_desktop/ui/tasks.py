"""The single DB worker thread: writes and long reads run there, results come back on the UI thread.

peewee opens one connection per thread, so the worker has its own connection (with the same
pragmas). Widgets are never touched from the worker: callbacks run on the UI thread through a
queued signal.

A job is ``fn(ctx, *args, **kwargs)``: the worker hands every job the application context it
was made with (:class:`~dropship_desktop.context.AppContext`), the way Anki hands its collection
to an operation.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..context import AppContext
from ..errors import UserError
from ..services.base import Changes
from ..store.sqlite_errors import SqliteFailure, failure_kind

__all__ = ["DbWorker", "Job", "call_job", "without_context"]

P = ParamSpec("P")
R = TypeVar("R")

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Job:
    """One unit of work for the worker."""

    fn: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    on_result: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    key: str | None = None
    id: int = 0
    owner: QObject | None = None
    cancelled: bool = False
    result: Any = None
    error: BaseException | None = None


def call_job(ctx: AppContext, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run one job: ``fn(ctx, *args, **kwargs)``."""
    return fn(ctx, *args, **kwargs)


def without_context(fn: Callable[P, R]) -> Callable[Concatenate[AppContext, P], R]:
    """*fn* as a job that needs nothing from the context: called as every job is, with the
    context first, it calls ``fn(*args, **kwargs)``.

    For a store query or a service that reads and writes only through the open database (the
    store's peewee binding, which the context's :class:`~dropship_desktop.context.Store` opens
    and closes), and for a closure or a connector call that already has what it needs.
    """

    def job(_ctx: AppContext, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return fn(*args, **kwargs)

    job.__name__ = job.__qualname__ = getattr(fn, "__name__", "job")
    return job


def _qobject_of(callback: Callable[..., Any] | None) -> QObject | None:
    """The QObject a bound-method *callback* belongs to, if any."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


class _WorkerThread(QThread):
    """The worker thread, its event loop run from Python.

    A plain ``QThread`` enters Python afresh for every queued job, and Python gives such a
    thread a new thread state each time: ``threading.local`` data — peewee's per-thread
    connection — did not survive from one job to the next. Every job opened a new SQLite
    connection (its pragmas, an empty page cache: the dashboard's first read took four times as
    long), left the old one to the garbage collector, and the per-thread id cache of
    :mod:`~dropship_desktop.store.order_queries` never hit. Running the event loop inside
    :meth:`run` keeps one thread state, so one connection serves every job.
    """

    def run(self) -> None:
        self.exec()


class _Runner(QObject):
    """Lives on the worker thread."""

    done = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._lock = threading.Lock()
        self._current: Job | None = None
        self._conn: sqlite3.Connection | None = None

    @Slot(object)
    def run(self, job: Job) -> None:
        if job.cancelled:
            self.done.emit(job)
            return
        with self._lock:
            self._current = job
        try:
            if self._conn is None and self._ctx.store.is_open:
                self._conn = self._ctx.store.connection()
            job.result = call_job(self._ctx, job.fn, *job.args, **job.kwargs)
        except BaseException as exc:  # delivered to the UI thread, which decides
            job.error = exc
        finally:
            with self._lock:
                self._current = None
        self.done.emit(job)

    def interrupt_if_running(self, key: str) -> None:
        """Abort the running SQL statement of a job with *key* (sqlite3 interrupt is thread-safe)."""
        with self._lock:
            job = self._current
            if job is not None and job.key == key and self._conn is not None:
                job.cancelled = True
                self._conn.interrupt()

    @Slot()
    def close_connection(self) -> None:
        self._ctx.store.close_connection()
        self._conn = None


class DbWorker(QObject):
    """Runs jobs one at a time on a background thread, each as ``fn(ctx, *args, **kwargs)``.

    Args:
        ctx: The application context handed to every job (also :attr:`ctx`, for the views).

    Signals:
        changed(Changes): A job returned a :class:`Changes` (emitted on the UI thread).
        busy_changed(bool): Whether jobs are pending or running.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids = itertools.count(1)
        self._pending: dict[int, Job] = {}
        self._thread = _WorkerThread()
        self._thread.setObjectName("db-worker")
        self._runner = _Runner(ctx)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._close.connect(self._runner.close_connection)
        self._runner.done.connect(self._on_done)
        self._thread.start()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Job:
        """Queue ``fn(ctx, *args, **kwargs)`` (*ctx*: the worker's application context).

        Args:
            on_result: Called on the UI thread with the return value.
            on_error: Called on the UI thread with the exception; without it, errors go to the
                application's exception hook.
            key: Jobs sharing a key supersede each other: submitting one cancels the earlier
                ones (a new keystroke cancels the old search).
            owner: The widget the callbacks update. When it has been deleted by the time the
                job ends (a dialog closed while its job ran), the callbacks are skipped; a bug
                still reaches the exception hook. Defaults to the object of a bound-method
                *on_result* or *on_error*; pass it for lambdas and closures.
        """
        if key is not None:
            self.cancel(key)
        if owner is None:
            owner = _qobject_of(on_result) or _qobject_of(on_error)
        job = Job(fn, args, kwargs, on_result, on_error, key, next(self._ids), owner=owner)
        was_idle = not self._pending
        self._pending[job.id] = job
        if was_idle:
            self.busy_changed.emit(True)
        self._submit.emit(job)
        return job

    def cancel(self, key: str) -> None:
        for job in self._pending.values():
            if job.key == key:
                job.cancelled = True
        self._runner.interrupt_if_running(key)

    def is_busy(self) -> bool:
        return bool(self._pending)

    @Slot(object)
    def _on_done(self, job: Job) -> None:
        self._pending.pop(job.id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if job.cancelled:
            return
        # Calling into a deleted widget raises "Internal C++ object already deleted".
        gone = job.owner is not None and not shiboken6.isValid(job.owner)
        if job.error is not None:
            if failure_kind(job.error) is SqliteFailure.INTERRUPTED:
                return
            if gone and isinstance(job.error, UserError):
                log.info("dropped the error of a job whose window was closed: %s", job.error)
                return
            if job.on_error is not None and not gone:
                job.on_error(job.error)
            else:
                import sys

                sys.excepthook(type(job.error), job.error, job.error.__traceback__)
            return
        if isinstance(job.result, Changes):
            self.changed.emit(job.result)
        if job.on_result is not None and not gone:
            job.on_result(job.result)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Finish queued work, close the worker's connection and stop the thread."""
        if not self._thread.isRunning():
            return
        self._close.emit()
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            log.warning("the DB worker did not stop within %d ms", timeout_ms)
