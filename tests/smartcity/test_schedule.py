"""The scheduler: one run at a time (a lock that survives SIGKILL), clean SIGTERM stops, mailed digests."""

from __future__ import annotations

import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import pytest
import sqlalchemy as sa

from smartcity.cli import main
from smartcity.schedule import (
    LockHeld,
    Plan,
    RunLock,
    ScheduleError,
    SmtpOptions,
    digest_message,
    holder,
    send_mail,
    triggers,
)
from storage.db import make_engine
from storage.migrate import upgrade
from tests.reports.builder import Corpus

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
FAR = "0 0 1 1 *"  # cron line that will not fire during a test


def wait_for(pred, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def site(tmp_path):
    """A migrated database and a data dir; returns the global options every scheduler run uses."""
    db = tmp_path / "monitor.db"
    engine = make_engine(str(db))
    upgrade(engine)
    engine.dispose()
    data = tmp_path / "data"
    return {"db": str(db), "data": data, "lock": data / "schedule.lock",
            "opts": ["--db", str(db), "--set", f"paths.data_dir={data}",
                     "--set", f"schedule.crawl_cron={FAR!r}".replace("'", '"'),
                     "--set", f"schedule.digest_cron={FAR!r}".replace("'", '"')]}


def spawn(site, *args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([PY, "-m", "smartcity", *site["opts"], "schedule", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def runs(db: str) -> list[tuple[str, str, str]]:
    engine = make_engine(db, write=False)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT kind, status, coalesce(message, '') FROM crawl_run ORDER BY id")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_lock_is_exclusive_names_the_holder_and_dies_with_it(tmp_path) -> None:
    path = tmp_path / "data" / "schedule.lock"
    code = (f"import time, pathlib; from smartcity.schedule import RunLock; lk = RunLock(pathlib.Path({str(path)!r})); "
            "lk.acquire(); print('held', flush=True); time.sleep(120)")
    child = subprocess.Popen([PY, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {child.pid} is already running") as exc:
            RunLock(path).acquire()
        assert exc.value.pid == child.pid
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.kill()
    lock = RunLock(path)
    lock.acquire()  # the dead holder blocks nothing
    assert holder(path) == os.getpid()
    with pytest.raises(LockHeld):
        RunLock(path).acquire()  # a second handle in this very process is refused too
    lock.release()
    with RunLock(path):
        pass


@pytest.mark.slow
def test_a_second_scheduler_refuses_and_a_killed_one_blocks_nothing(site, tmp_path) -> None:
    first = spawn(site, cwd=tmp_path)
    try:
        wait_for(lambda: holder(site["lock"]) == first.pid, what="the first scheduler to take the lock")
        second = subprocess.run([PY, "-m", "smartcity", *site["opts"], "schedule", "--run-now", "--once",
                                 "--step", f"{PY} -c pass"],
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        assert f"pid {first.pid} is already running the schedule" in second.stderr
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        first.kill()
    third = subprocess.run([PY, "-m", "smartcity", *site["opts"], "schedule", "--run-now", "--once", "--step", f"{PY} -c pass"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert third.returncode == 0, third.stderr
    assert "run: ok" in third.stdout
    assert [(k, s) for k, s, _ in runs(site["db"])] == [("schedule", "ok")]


@pytest.mark.slow
def test_sigterm_stops_the_running_step_and_records_it(site, tmp_path) -> None:
    marker = tmp_path / "step.pid"
    step = f"{PY} -c \"import os, pathlib, time; pathlib.Path(r'{marker}').write_text(str(os.getpid())); time.sleep(120)\""
    proc = spawn(site, "--run-now", "--step", step, cwd=tmp_path)
    try:
        wait_for(marker.exists, what="the step to start")
        wait_for(lambda: marker.read_text().strip().isdigit(), what="the step's pid")
        step_pid = int(marker.read_text())
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert time.monotonic() - t0 < 30
    finally:
        proc.kill()
    _, err = proc.communicate()
    assert "received SIGTERM" in err
    with pytest.raises(ProcessLookupError):
        os.kill(step_pid, 0)  # the step was stopped with the scheduler, not orphaned
    (kind, status, message), = runs(site["db"])
    assert (kind, status) == ("schedule", "stopped")
    assert "stopped" in message
    with RunLock(site["lock"]):  # released on the way out
        pass


def test_steps_run_in_order_and_a_hard_failure_ends_the_chain(site, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    log = tmp_path / "order.txt"

    def step(word: str, code: int) -> str:
        return f"{PY} -c \"import sys; open(r'{log}', 'a').write('{word} '); sys.exit({code})\""

    with pytest.raises(SystemExit) as exc:
        main([*site["opts"], "-q", "schedule", "--run-now", "--once", "--step", step("crawl", 1), "--step", step("process", 0)])
    assert exc.value.code == 0
    assert log.read_text() == "crawl process "
    log.unlink()
    with pytest.raises(SystemExit) as exc:
        main([*site["opts"], "-q", "schedule", "--run-now", "--once", "--step", step("crawl", 2), "--step", step("process", 0)])
    assert exc.value.code == 1
    assert log.read_text() == "crawl "  # exit 2 (a configuration error) does not hand over to process
    assert [(k, s) for k, s, _ in runs(site["db"])] == [("schedule", "partial"), ("schedule", "failed")]
    assert "exit 2" in runs(site["db"])[1][2]


@pytest.mark.parametrize(
    ("extra", "args", "expected"),
    [
        (["--set", 'schedule.crawl_cron="every hour"'], ["--run-now", "--once"],
         "[schedule] crawl_cron 'every hour' is not a cron line"),
        (["--set", 'schedule.timezone="Asia/Jakata"'], [], "[schedule] timezone 'Asia/Jakata' is not a time zone"),
        ([], ["--once"], "--once needs --run-now and/or --digest-now"),
    ],
)
def test_bad_schedule_settings_exit_2(site, tmp_path, capsys, monkeypatch, extra, args, expected) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main([*site["opts"], *extra, "-q", "schedule", *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert not site["lock"].exists() or holder(site["lock"]) is None


def test_cron_lines_are_read_in_jakarta_time() -> None:
    plan = Plan(crawl_cron="0 */3 * * *", digest_cron="0 7 * * mon", timezone="Asia/Jakarta", steps=[], digest=lambda: ("ok", ""),
                engine=None)
    crawl, digest = triggers(plan)
    now = datetime(2022, 10, 5, 1, 30, tzinfo=UTC)  # Wednesday 08:30 WIB
    fire = digest.get_next_fire_time(None, now)
    assert (fire.weekday(), fire.hour, fire.minute, fire.utcoffset()) == (0, 7, 0, timedelta(hours=7))
    assert fire.date().isoformat() == "2022-10-10"
    assert crawl.get_next_fire_time(None, now).hour == 9


class _Inbox:
    """An aiosmtpd server on 127.0.0.1 that keeps what it receives."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[tuple[str, list[str], bytes]] = []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        inbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
                inbox.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                       envelope.original_content or envelope.content))
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> _Inbox:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def test_digest_is_mailed_with_html_inline_and_files_attached(site, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    # news in the last complete week, so the scheduled digest has something to say
    tz_now = datetime.now(UTC) + timedelta(hours=7)
    last_monday = (tz_now - timedelta(days=tz_now.weekday() + 7)).replace(hour=10, minute=0, second=0, microsecond=0)
    engine = make_engine(site["db"])
    c = Corpus(engine)
    for i, outlet in enumerate(("Tangerang News", "ANTARA Banten")):
        c.add("Pemkot Tangerang buka antrean daring puskesmas", outlet=outlet, story="antrean",
              published=(last_monday + timedelta(days=1, hours=i)).replace(tzinfo=UTC) - timedelta(hours=7))
    engine.dispose()
    with _Inbox() as inbox:
        with pytest.raises(SystemExit) as exc:
            main([*site["opts"], "-q", "--set", "schedule.email_digest=true", "--set", "smtp.host=127.0.0.1",
                  "--set", f"smtp.port={inbox.port}", "--set", "smtp.starttls=false",
                  "--set", 'smtp.sender="digest@monitor.example"',
                  "--set", 'smtp.recipients=["kominfo@kota.example", "analis@kota.example"]',
                  "--set", 'report.formats=["html", "csv"]',
                  "schedule", "--digest-now", "--once"])
        assert exc.value.code == 0, capsys.readouterr().err
    (sender, rcpts, raw), = inbox.messages
    assert sender == "digest@monitor.example"
    assert rcpts == ["kominfo@kota.example", "analis@kota.example"]
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"].startswith("Ringkasan Mingguan Berita Smart City · Pekan ")
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Pekan ini 1 berita tentang Smart City, naik 1 dari pekan lalu." in text
    assert "Pekan ini 1 berita tentang Smart City, naik 1 dari pekan lalu." in html
    assert "Dimuat oleh <strong>2 media</strong>" in html
    assert html.count("data:image/png;base64,") == 3
    attached = sorted(part.get_filename() for part in msg.iter_attachments())
    kinds = [n.rsplit("-", 1)[-1] if n.endswith(".csv") else n.rsplit(".", 1)[-1] for n in attached]
    assert kinds == ["rows.csv", "summary.csv", "html"]
    assert ("digest", "ok") in [(k, s) for k, s, _ in runs(site["db"])]
    assert "mailed to 2 recipient(s)" in runs(site["db"])[-1][2]


def test_smtp_errors_name_the_server_and_the_fix(tmp_path) -> None:
    page = tmp_path / "d.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    msg = digest_message(subject="s", text="t", html="<p>t</p>", attachments=[page], sender="a@b.example",
                         recipients=["c@d.example"])
    with _Inbox() as inbox:
        with pytest.raises(ScheduleError,
                           match="does not offer STARTTLS: set \\[smtp\\] starttls = false only on a trusted network"):
            send_mail(msg, SmtpOptions(host="127.0.0.1", port=inbox.port, starttls=True, sender="a@b.example",
                                       recipients=("c@d.example",)))
        assert inbox.messages == []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with pytest.raises(ScheduleError, match=f"SMTP 127.0.0.1:{closed}: could not send the digest"):
        send_mail(msg, SmtpOptions(host="127.0.0.1", port=closed, starttls=False, sender="a@b.example",
                                   recipients=("c@d.example",), timeout=5))
    with pytest.raises(ScheduleError, match="host, sender and recipients"):
        send_mail(msg, SmtpOptions(host="", recipients=()))


def test_sigterm_on_an_idle_scheduler(site, tmp_path) -> None:
    proc = spawn(site, cwd=tmp_path)
    try:
        wait_for(lambda: holder(site["lock"]) == proc.pid, what="the scheduler to start")
        ready = threading.Event()

        def watch() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                if "next at" in line:
                    ready.set()
                    return

        threading.Thread(target=watch, daemon=True).start()
        assert ready.wait(60)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
    with RunLock(site["lock"]):
        pass
