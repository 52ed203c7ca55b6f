"""The reader never raises anything but a one-line InputError, whatever a JSONL line holds."""
from __future__ import annotations

import json
import random

from kg.errors import InputError
from kg.read import read_documents

ARABIC = "قصفت روسيا مدينة خاركيف أمس"
VALUES = [None, True, 0, -1, 1e308, 10 ** 40, "", " ", ARABIC, "English", "\ud800", "\udfff" + ARABIC,
          "2022-02-30", "0001-01-01", "9999-12-31", "2022-09-14T10:00:00Z", [], [ARABIC], {}, {"text": ARABIC},
          "\x00", "\u202e" + ARABIC, "ﺍﻟﺤﺮﺏ", "a" * 10_000]
FIELDS = ["id", "text", "title", "date", "url", "source"]


def hostile_lines(rng: random.Random, n: int) -> list[str]:
    lines = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.6:
            record = {f: rng.choice(VALUES) for f in FIELDS if rng.random() < 0.8}
            lines.append(json.dumps(record))
        elif kind < 0.7:
            depth = rng.choice([10, 1000, 100_000])
            lines.append(rng.choice("[{") * depth)
        elif kind < 0.8:
            lines.append(json.dumps(rng.choice(VALUES)))
        elif kind < 0.9:
            lines.append("".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(1, 40))))
        else:
            lines.append('{"id": "x", "text": "' + ARABIC + '", "date": 1e400}')
    return lines


def test_hostile_jsonl_lines_never_raise(tmp_path):
    rng = random.Random(17)
    lines = hostile_lines(rng, 1500)
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    errors: list[InputError] = []
    documents = list(read_documents(path, on_error=errors.append))
    assert documents and errors
    for error in errors:
        message = str(error)
        assert "\n" not in message and message.startswith(f"{path}:"), message
    for document in documents:
        for value in (document.id, document.text, document.title, document.url, document.source):
            value.encode("utf-8")  # writable: no lone surrogate got through
    assert len({d.id for d in documents}) == len(documents)  # no duplicate id merges
