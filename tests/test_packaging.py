"""A normal install works anywhere: the wheel holds the ontology and the queries, and `kg build`
and a shipped query run from a fresh venv in a folder outside the repository.

The wheel is built from a copy of the source (so the repository gets no build/ folder) without
build isolation (offline), and installed with --no-deps into a new venv that sees this venv's
packages through a .pth file (so nothing is downloaded).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED

SOURCE = ("kg", "ontology", "queries", "pyproject.toml", "README.md")


# nothing may point the installed package back at this checkout
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_ONTOLOGY_DIR", "KG_GAZETTEER_PATH")}


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=300,
                            env=CLEAN_ENV)
    assert result.returncode == 0, f"{args}: {result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCE:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", out, source)
    (built,) = out.glob("kg-*.whl")
    return built


def test_wheel_holds_ontology_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"kg/ontology/{p.name}" for p in (ROOT / "ontology").glob("*.ttl")}
    expected |= {f"kg/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    assert {"kg/ontology/kg.ttl", "kg/ontology/shapes.ttl"} <= expected
    assert len([n for n in expected if n.endswith(".rq")]) >= 10
    assert expected <= names, sorted(expected - names)
    assert "kg/data/gazetteer/states.tsv" in names and "kg/export/templates/page.html" in names


def test_installed_wheel_builds_and_queries_outside_the_repository(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    # this venv's dependencies (rdflib, camel-tools, pyoxigraph...) but not its editable kg
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SEED, elsewhere / SEED.name)
    where = run(python, "-c", "import kg, kg.graph.ontology as o; print(kg.__file__); print(o.ontology_dir())",
                cwd=elsewhere).stdout.split()
    assert all(str(venv) in line for line in where), where
    kg = venv / "bin" / "kg"
    built = run(kg, "build", SEED.name, "-o", "out", "--date", "2022-09-14", "-q", cwd=elsewhere)
    assert "SHACL: conforms" in built.stdout and (elsewhere / "out" / "graph.html").is_file()
    answer = run(kg, "query", "who_said_what", "--data", "out/graph.ttl", cwd=elsewhere)
    rows = answer.stdout.strip().splitlines()
    assert len(rows) >= 5 and "speaker" in rows[0] and "Pashinyan" in answer.stdout
    module = run(python, "-m", "kg", "--version", cwd=elsewhere)
    assert module.stdout.strip().startswith("kg ")
