"""kg.text.offsets answers as the scans over a sentence's tokens it replaces."""
from __future__ import annotations

from kg.text import offsets
from kg.text.segment import tokenize


def test_every_offset_gives_what_a_scan_gives():
    tokens = tokenize("وقال الوزير، في بيان: «إن القوات انسحبت» من المدينة.", 7)
    for offset in range(0, tokens[-1].end + 3):
        assert offsets.following(tokens, offset, 2) == [t for t in tokens if t.start >= offset][:2]
        assert offsets.following(tokens, offset) == [t for t in tokens if t.start >= offset]
        assert offsets.after(tokens, offset) == [t for t in tokens if t.start > offset]
        assert offsets.preceding(tokens, offset, 2) == [t for t in tokens if t.end <= offset][-2:]
        assert offsets.preceding(tokens, offset, 1) == [t for t in tokens if t.end <= offset][-1:]
        assert offsets.preceding(tokens, offset) == [t for t in tokens if t.end <= offset]
        assert offsets.next_token(tokens, offset) == next((t for t in tokens if t.start >= offset), None)
        assert offsets.index_at(tokens, offset) == next((n for n, t in enumerate(tokens) if t.start == offset), None)
        assert offsets.token_at(tokens, offset) == next((t for t in tokens if t.start == offset), None)
    assert offsets.first_from(tokens, tokens[2].start) == 2
