"""The README's light install must name every runtime dependency but camel-tools' model stack."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_light_install_lists_every_dependency():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(l for l in readme.splitlines() if "--no-deps 'camel-tools" in l)
    named = set(re.findall(r"'([^']+)'", line)) | set(re.findall(r"\s(emoji|six)\b", line))
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert set(dependencies) <= named, set(dependencies) - named
    assert {"emoji", "six"} <= named  # what camel_tools.utils imports
