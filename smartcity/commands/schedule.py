"""``smartcity schedule``: crawl -> process on ``[schedule] crawl_cron``, the digest on ``digest_cron``.

Holds ``{data_dir}/schedule.lock`` while it runs, so a second scheduler (or a one-shot run from
cron) refuses to start (exit 1) instead of overlapping; a killed holder never blocks the next.
Stops cleanly on SIGTERM or Ctrl-C. ``--run-now``/``--digest-now`` run a job at once, ``--once``
exits after them (for cron or a systemd timer); ``--step`` replaces the crawl -> process commands.
"""

from __future__ import annotations

import logging
import os
import shlex
import signal
import sys
from datetime import UTC, datetime
from types import FrameType

import click

from smartcity.app import App, UsageError

EXIT_LOCKED = 1


def default_steps(app: App) -> list[list[str]]:
    """``python -m smartcity [same --config/--db/--set] crawl``, then ``process``."""
    prefix = [sys.executable, "-m", "smartcity"]
    if app.config_path:
        prefix += ["--config", app.config_path]
    if app.db_override:
        prefix += ["--db", app.db_override]
    for item in app.overrides:
        prefix += ["--set", item]
    return [prefix + ["crawl"], prefix + ["process"]]


def digest_job(app: App) -> tuple[str, str]:
    """Write last week's digest in ``[report] formats`` and mail it when ``[schedule] email_digest``."""
    from reports import labels
    from reports.render import RenderOptions, render_markdown
    from smartcity.commands.report import last_complete_week, write_digest
    from smartcity.output import read_engine
    from smartcity.schedule import SmtpOptions, digest_message, send_mail

    cfg = app.config
    week = last_complete_week(cfg.report.timezone)
    formats = tuple(dict.fromkeys([*cfg.report.formats, "html"]))
    digest, files = write_digest(cfg, read_engine(app), week=week, formats=formats, lang=cfg.report.lang, out_dir=cfg.reports_dir,
                                 source=app.db_label)
    message = f"{digest.week}: {digest.stories} stories; wrote {', '.join(p.name for p in files)}"
    if cfg.schedule.email_digest:
        options = RenderOptions(lang=cfg.report.lang, generated_at=datetime.now(UTC))
        smtp = SmtpOptions(host=cfg.smtp.host, port=cfg.smtp.port, starttls=cfg.smtp.starttls, username=cfg.smtp.username,
                           password=os.environ.get(cfg.smtp.password_env, ""), sender=cfg.smtp.sender,
                           recipients=tuple(cfg.smtp.recipients))
        subject = f"{labels.text(cfg.report.lang, 'title')} · {labels.text(cfg.report.lang, 'week', week=digest.week)}"
        attachments = [p for p in files if p.suffix in (".pdf", ".xlsx", ".csv", ".html")]
        html = next(p for p in files if p.suffix == ".html").read_text(encoding="utf-8")
        mail = digest_message(subject=subject, text=render_markdown(digest, options), html=html,
                              attachments=attachments, sender=smtp.sender, recipients=smtp.recipients)
        send_mail(mail, smtp)
        message += f"; mailed to {len(smtp.recipients)} recipient(s)"
    return "ok", message


@click.command(name="schedule")
@click.option("--run-now", is_flag=True, help="Run crawl -> process at once (then keep the schedule unless --once).")
@click.option("--digest-now", is_flag=True, help="Write (and mail) last week's digest at once.")
@click.option("--once", is_flag=True, help="Exit after the --run-now/--digest-now jobs (for cron or a systemd timer).")
@click.option("--step", "steps", multiple=True, metavar="COMMAND",
              help="Replace crawl -> process with these command lines (repeatable, run in order).")
@click.pass_obj
def command(app: App, run_now: bool, digest_now: bool, once: bool, steps: tuple[str, ...]) -> int:
    """Run crawls and the weekly digest on their cron lines, one at a time, until stopped.

    \b
    Examples:
      smartcity schedule                          (runs until SIGTERM / Ctrl-C)
      smartcity schedule --run-now --once         (one crawl -> process now; for cron)
      smartcity schedule --digest-now --once      (last week's digest now, mailed if configured)
    Exit codes: 0 ok, 1 another run holds the lock or a job failed, 2 configuration error.
    """
    from smartcity.schedule import (
        LOCK_NAME,
        LockHeld,
        Plan,
        RunLock,
        ScheduleError,
        serve,
        triggers,
    )

    if once and not (run_now or digest_now):
        raise UsageError("--once needs --run-now and/or --digest-now (what should run once?)")
    cfg = app.config
    if app.verbosity <= 0:  # APScheduler logs every job it adds at INFO; our own lines say what matters
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    plan = Plan(
        crawl_cron=cfg.schedule.crawl_cron, digest_cron=cfg.schedule.digest_cron, timezone=cfg.schedule.timezone,
        steps=[shlex.split(s) for s in steps] if steps else default_steps(app),
        digest=lambda: digest_job(app), engine=app.engine,
    )
    if any(not s for s in plan.steps):
        raise UsageError("--step needs a command line, e.g. --step 'python -m smartcity crawl'")
    try:
        triggers(plan)
    except ScheduleError as exc:
        raise UsageError(str(exc)) from None
    lock = RunLock(cfg.data_dir / LOCK_NAME)
    try:
        lock.acquire()
    except LockHeld as exc:
        click.echo(f"Error: {exc}", err=True)
        return EXIT_LOCKED
    except ScheduleError as exc:
        raise UsageError(str(exc)) from None

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        click.echo(f"received {signal.Signals(signum).name}: stopping after the running step", err=True)
        plan.stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        click.echo(f"schedule lock {lock.path} held by pid {os.getpid()}", err=True)
        if once:
            statuses = []
            if run_now:
                statuses.append(plan.run_pipeline()[0])
            if digest_now and not plan.stop.is_set():
                statuses.append(_guarded(plan.run_digest))
            for status in statuses:
                click.echo(f"run: {status}")
            return 0 if all(s in ("ok", "partial") for s in statuses) else 1
        serve(plan, run_now=run_now, digest_now=digest_now, on_ready=lambda lines: click.echo("\n".join(lines), err=True))
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        lock.release()


def _guarded(job: object) -> str:
    """Run a digest job; its failure is reported as status "failed" (already recorded in the runs)."""
    try:
        return str(job()[0])  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - recorded by record(); the command reports it in one line
        click.echo(f"Error: {exc}", err=True)
        return "failed"
