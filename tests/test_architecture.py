"""The layering is enforced, not hoped for: import contracts, and nothing heavy happens at import."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("smartcity", "crawler", "nlp", "storage", "reports")


def _modules() -> list[str]:
    out = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if "migrations" in parts or parts[-1] == "__main__":
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out.append(".".join(parts))
    return out


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is missing: pip install -e '.[test]'"
    proc = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_importing_any_module_reads_no_project_data_file_and_opens_no_socket() -> None:
    script = textwrap.dedent(
        f"""
        import builtins, importlib, io, socket, sys
        root = {str(ROOT)!r}
        opened = []
        real_open, real_io_open = builtins.open, io.open
        def guard(file, *a, **k):
            name = str(file)
            if name.startswith(tuple(root + "/" + p + "/" for p in {PACKAGES!r})) and not name.endswith(".py"):
                opened.append(name)
            return real_open(file, *a, **k)
        builtins.open = guard
        io.open = guard
        def no_socket(*a, **k):
            raise AssertionError("socket opened at import")
        socket.socket.connect = no_socket
        bad = []
        for name in {_modules()!r}:
            try:
                importlib.import_module(name)
            except AssertionError as exc:
                bad.append((name, str(exc)))
        print("OPENED", sorted(set(opened)))
        print("BAD", bad)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "OPENED []" in proc.stdout, proc.stdout
    assert "BAD []" in proc.stdout, proc.stdout


def test_print_only_in_the_cli_layer() -> None:
    import ast

    offenders = []
    for pkg in ("crawler", "nlp", "storage", "reports"):
        for path in (ROOT / pkg).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_module_level_engine() -> None:
    import ast

    offenders = []
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    fn = node.value.func
                    name = getattr(fn, "id", None) or getattr(fn, "attr", None)
                    if name in ("create_engine", "make_engine"):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
