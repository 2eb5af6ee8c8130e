"""Scheduled runs: crawl -> process on one cron line, the weekly digest on another, never two at once.

One lock file under the data dir (``schedule.lock``) is held with ``fcntl.flock`` by whichever
scheduler or one-shot run is active; the OS releases it when the holder dies, even by SIGKILL, and
the file names the holder's pid for the refusal message. Each crawl/process step runs as its own
subprocess (Scrapy's reactor cannot restart in one process). SIGTERM stops cleanly: the running
step gets SIGTERM (then SIGKILL after a grace period), the run is recorded as "stopped", the lock
is released. Settings: ``[schedule]`` and ``[smtp]``.
"""

from __future__ import annotations

import fcntl
import logging
import os
import smtplib
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

logger = logging.getLogger(__name__)

LOCK_NAME = "schedule.lock"
STOP_GRACE_S = 20.0  # a step gets this long to finish after SIGTERM before it is killed
CONTINUE_CODES = (0, 1)  # a partial crawl (exit 1) still hands its pages to process
ATTACH_TYPES = {".pdf": ("application", "pdf"), ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ".csv": ("text", "csv"), ".html": ("text", "html"), ".md": ("text", "markdown")}


class ScheduleError(Exception):
    """A schedule that cannot start (bad cron line, unusable lock file); the message names the fix."""


class LockHeld(ScheduleError):
    """Another scheduler or run holds the lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f"pid {pid}" if pid else "another process"
        super().__init__(f"{path}: {who} is already running the schedule; not starting a second run (stop it first, or wait)")
        self.pid = pid


class RunLock:
    """An exclusive, crash-safe lock: ``flock`` on a file that records the holder's pid."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise LockHeld (never waits)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise ScheduleError(f"cannot open the lock file {self.path}: {exc.strerror}; check [paths] data_dir") from exc
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise LockHeld(self.path, holder(self.path)) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        os.fsync(fh.fileno())
        self._fh = fh

    def release(self) -> None:
        """Give the lock back (the pid stays in the file; a holder is known by the lock, not the text)."""
        if self._fh is not None:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder(path: Path) -> int | None:
    """The pid written by the last holder of the lock file, if readable."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


@dataclass(frozen=True)
class StepResult:
    """One subprocess of a run: its command line, exit code and duration."""

    argv: tuple[str, ...]
    returncode: int | None  # None: not started (an earlier step failed hard)
    seconds: float
    stopped: bool = False


def run_step(argv: Sequence[str], stop: threading.Event, *, grace: float = STOP_GRACE_S) -> StepResult:
    """Run one command to its end, or until ``stop`` is set (then SIGTERM, then SIGKILL)."""
    t0 = time.monotonic()
    logger.info("running: %s", " ".join(argv))
    try:
        proc = subprocess.Popen(list(argv))  # noqa: S603 - our own command lines, no shell
    except OSError as exc:
        logger.error("cannot start %s: %s", argv[0], exc)
        return StepResult(tuple(argv), 127, time.monotonic() - t0)
    stopped = False
    while proc.poll() is None:
        if stop.wait(0.2) and not stopped:
            stopped = True
            logger.warning("stop requested: sending SIGTERM to %s (pid %d)", argv[0], proc.pid)
            proc.terminate()
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                logger.warning("pid %d did not stop within %.0f s: killing it", proc.pid, grace)
                proc.kill()
                proc.wait()
    return StepResult(tuple(argv), proc.returncode, time.monotonic() - t0, stopped)


def run_steps(steps: Sequence[Sequence[str]], stop: threading.Event) -> list[StepResult]:
    """Run the steps in order; stop after a step that failed hard (exit not 0/1) or was stopped."""
    out: list[StepResult] = []
    for argv in steps:
        if stop.is_set():
            break
        result = run_step(argv, stop)
        out.append(result)
        if result.stopped or result.returncode not in CONTINUE_CODES:
            break
    return out


def summarize(results: Sequence[StepResult], planned: int) -> tuple[str, str]:
    """(status, message) of a run: ok, partial (some step exit 1), failed, or stopped."""
    parts = [f"{_name(r.argv)}: exit {r.returncode} ({r.seconds:.1f} s){' stopped' if r.stopped else ''}" for r in results]
    if any(r.stopped for r in results):
        status = "stopped"
    elif len(results) < planned or any(r.returncode not in CONTINUE_CODES for r in results):
        status = "failed"
    elif any(r.returncode == 1 for r in results):
        status = "partial"
    else:
        status = "ok"
    return status, "; ".join(parts) or "nothing ran"


def _name(argv: Sequence[str]) -> str:
    """The subcommand of ``python -m smartcity ... crawl`` (else the program name)."""
    words = [a for a in argv if not a.startswith("-")]
    return words[-1] if words else argv[0]


def record(engine: Engine, kind: str, work: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """Run ``work`` inside a ``crawl_run`` row of ``kind`` (status and message from its result)."""
    from storage.db import session_scope
    from storage.runs import finish_run, mark_stale, start_run

    with session_scope(engine) as s:
        mark_stale(s, kind=kind)
        run_id = start_run(s, options={"kind": kind}, kind=kind)
    try:
        status, message = work()
    except Exception as exc:
        with session_scope(engine) as s:
            finish_run(s, run_id, status="failed", message=f"{type(exc).__name__}: {exc}")
        raise
    with session_scope(engine) as s:
        finish_run(s, run_id, status=status, message=message)
    logger.info("%s run %d: %s (%s)", kind, run_id, status, message)
    return status, message


@dataclass(frozen=True)
class SmtpOptions:
    """Where and how the digest is mailed; password comes from the environment at send time."""

    host: str
    port: int = 587
    starttls: bool = True
    username: str = ""
    password: str = ""
    sender: str = ""
    recipients: tuple[str, ...] = ()
    timeout: float = 30.0


def digest_message(*, subject: str, text: str, html: str, attachments: Sequence[Path], sender: str,
                   recipients: Sequence[str]) -> EmailMessage:
    """A mail with the Markdown as plain text, the HTML inline, and the files attached."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for path in attachments:
        maintype, subtype = ATTACH_TYPES.get(path.suffix, ("application", "octet-stream"))
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def send_mail(msg: EmailMessage, smtp: SmtpOptions) -> None:
    """Deliver ``msg`` through the configured SMTP server; errors name the server and the fix."""
    if not smtp.host or not smtp.recipients or not smtp.sender:
        raise ScheduleError("[smtp] host, sender and recipients must all be set to mail the digest")
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username:
                client.login(smtp.username, smtp.password)
            client.send_message(msg, from_addr=smtp.sender, to_addrs=list(smtp.recipients))
    except smtplib.SMTPNotSupportedError as exc:
        raise ScheduleError(
            f"SMTP {smtp.host}:{smtp.port} does not offer STARTTLS: set [smtp] starttls = false only on a trusted network"
        ) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise ScheduleError(f"SMTP {smtp.host}:{smtp.port}: could not send the digest ({exc})") from exc


@dataclass
class Plan:
    """What the scheduler runs, and when (cron lines read in ``timezone``)."""

    crawl_cron: str
    digest_cron: str
    timezone: str
    steps: list[list[str]]
    digest: Callable[[], tuple[str, str]]  # builds (and mails) the digest; returns (status, message)
    engine: Any
    stop: threading.Event = field(default_factory=threading.Event)

    def run_pipeline(self) -> tuple[str, str]:
        """crawl -> process now, recorded as a "schedule" run."""
        return record(self.engine, "schedule", lambda: summarize(run_steps(self.steps, self.stop), len(self.steps)))

    def run_digest(self) -> tuple[str, str]:
        """The weekly digest now, recorded as a "digest" run."""
        return record(self.engine, "digest", self.digest)


def triggers(plan: Plan) -> tuple[Any, Any]:
    """The two CronTriggers; a bad cron line raises ScheduleError naming the key."""
    from zoneinfo import ZoneInfo

    from apscheduler.triggers.cron import CronTrigger

    try:
        zone = ZoneInfo(plan.timezone)
    except (KeyError, ValueError) as exc:
        raise ScheduleError(f"[schedule] timezone {plan.timezone!r} is not a time zone: use e.g. Asia/Jakarta") from exc
    out = []
    for key, line in (("crawl_cron", plan.crawl_cron), ("digest_cron", plan.digest_cron)):
        try:
            out.append(CronTrigger.from_crontab(line, timezone=zone))
        except ValueError as exc:
            raise ScheduleError(
                f"[schedule] {key} {line!r} is not a cron line ({exc}): write five fields, e.g. \"0 */3 * * *\""
            ) from exc
    return out[0], out[1]


def serve(plan: Plan, *, run_now: bool = False, digest_now: bool = False,
          on_ready: Callable[[list[str]], None] | None = None) -> None:
    """Run jobs on their cron lines (one at a time) until ``plan.stop`` is set; then shut down cleanly."""
    from datetime import datetime

    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.background import BackgroundScheduler

    crawl_trigger, digest_trigger = triggers(plan)
    scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(1)}, timezone=plan.timezone,
                                    job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600})
    now = datetime.now(crawl_trigger.timezone)
    scheduler.add_job(_safe(plan.run_pipeline), crawl_trigger, id="crawl", name="crawl -> process")
    scheduler.add_job(_safe(plan.run_digest), digest_trigger, id="digest", name="weekly digest")
    if run_now:
        scheduler.add_job(_safe(plan.run_pipeline), "date", run_date=now, id="crawl-now")
    if digest_now:
        scheduler.add_job(_safe(plan.run_digest), "date", run_date=now, id="digest-now")
    scheduler.start()
    lines = [f"{job.name}: next at {job.next_run_time:%Y-%m-%d %H:%M %Z}"
             for job in scheduler.get_jobs() if job.id in ("crawl", "digest")]
    for line in lines:
        logger.debug("%s", line)
    if on_ready is not None:
        on_ready(lines)
    try:
        plan.stop.wait()
    finally:
        logger.info("stopping the scheduler")
        scheduler.shutdown(wait=True)


def _safe(job: Callable[[], tuple[str, str]]) -> Callable[[], None]:
    """A job that logs its failure instead of killing the scheduler thread."""

    def run() -> None:
        try:
            job()
        except Exception:
            logger.exception("scheduled job failed")

    return run
