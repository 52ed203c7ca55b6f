"""Reading articles: txt, folders, JSONL; every bad input is one InputError naming where."""
from __future__ import annotations

import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.read import read_documents

ARTICLE = "عنوان الخبر\n\nقصفت روسيا مدينة خاركيف أمس."


def test_txt_first_line_is_headline(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_documents(path, date(2024, 5, 20))
    assert doc.id == "a1" and doc.title == "عنوان الخبر" and doc.date == date(2024, 5, 20)
    assert doc.text.endswith("أمس.")


def test_folder_reads_txt_and_jsonl_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [d.id for d in read_documents(tmp_path)] == ["j1", "b"]


def test_jsonl_fields_and_bad_line_reported_with_number(tmp_path):
    lines = [
        json.dumps({"id": "1", "text": "قصفت روسيا خاركيف", "title": "عنوان", "date": "2024-05-19",
                    "url": "https://example.org/a", "source": "AFP"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "3"}),
        json.dumps({"id": "4", "text": "English only"}),
        json.dumps({"id": "5", "text": "دعا الأمين العام إلى التهدئة"}, ensure_ascii=False),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[str] = []
    docs = list(read_documents(path, on_error=lambda e: errors.append(str(e))))
    assert [d.id for d in docs] == ["1", "5"]
    first = docs[0]
    assert first.title == "عنوان" and first.date == date(2024, 5, 19) and first.source == "AFP"
    assert first.text.startswith("عنوان\n\n")  # the title heads the text, so spans include it
    assert errors[0].startswith(f"{path}:2: malformed JSON")
    assert errors[1] == f"{path}:3: missing field 'text'"
    assert errors[2] == f"{path}:4: no Arabic text found"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty article"),
        (b"   \n\n", "empty article"),
        (b"\xff\xfe\x00\xc3\x28", "not UTF-8"),
        ("Only English text here.".encode(), "no Arabic text"),
    ],
)
def test_bad_txt_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        list(read_documents(path))
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="no .txt or .jsonl"):
        list(read_documents(tmp_path))


def test_bad_date_in_jsonl(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "نص عربي", "date": "13/09/2022"}) + "\n", encoding="utf-8")
    errors: list[str] = []
    assert list(read_documents(path, on_error=lambda e: errors.append(str(e)))) == []
    assert "is not YYYY-MM-DD" in errors[0]


def read_jsonl_lines(tmp_path, lines: list[str]) -> tuple[list, list[str]]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[str] = []
    return list(read_documents(path, on_error=lambda e: errors.append(str(e)))), errors


@pytest.mark.parametrize("field", ["text", "title", "url", "id"])
def test_lone_surrogate_skips_the_line(tmp_path, field):
    record = {"id": "bad", "text": ARTICLE, "title": "عنوان", "url": "https://example.org/a"}
    record[field] += "\ud800"
    bad = json.dumps(record)  # ASCII JSON: the surrogate is written as the escape \\ud800
    assert "\\ud800" in bad
    good = json.dumps({"id": "good", "text": ARTICLE})
    docs, errors = read_jsonl_lines(tmp_path, [bad, good])
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and ":1: " in errors[0] and "lone surrogate U+D800" in errors[0] and field in errors[0]


def test_deeply_nested_json_line_is_skipped(tmp_path):
    docs, errors = read_jsonl_lines(tmp_path, ["[" * 100_000 + "]" * 100_000, json.dumps({"id": "g", "text": ARTICLE})])
    assert [d.id for d in docs] == ["g"]
    assert errors == [f"{tmp_path / 'in.jsonl'}:1: JSON nested too deeply"]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0999-12-31"])
def test_dates_outside_the_calendar_of_news_are_refused(tmp_path, value):
    docs, errors = read_jsonl_lines(tmp_path, [json.dumps({"id": "x", "text": ARTICLE, "date": value}),
                                               json.dumps({"id": "y", "text": ARTICLE, "date": "2024-01-02"})])
    assert [d.id for d in docs] == ["y"] and "out of range" in errors[0] and value in errors[0]
    with pytest.raises(InputError, match="out of range"):
        list(read_documents(tmp_path / "in.jsonl", date.fromisoformat(value)))


def test_duplicate_ids_are_refused_and_named(tmp_path):
    first = json.dumps({"id": "a", "text": ARTICLE})
    docs, errors = read_jsonl_lines(tmp_path, [first, json.dumps({"id": "b", "text": ARTICLE}), first])
    assert [d.id for d in docs] == ["a", "b"]
    assert len(errors) == 1 and "in.jsonl:3: duplicate id 'a'" in errors[0] and "in.jsonl:1" in errors[0]


def test_same_stem_in_a_folder_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.TXT").write_text(ARTICLE.replace("روسيا", "أوكرانيا"), encoding="utf-8")
    errors: list[str] = []
    docs = list(read_documents(tmp_path, on_error=lambda e: errors.append(str(e))))
    assert len(docs) == 1 and len(errors) == 1 and "duplicate id 'a'" in errors[0]


def test_presentation_forms_are_arabic(tmp_path):
    from kg.text.normalize import fold_presentation_forms

    pdf_text = "\ufe8d\ufedf\ufea3\ufeae\ufe8f \ufefb \ufe97\ufee8\ufe98\ufeec\ufef2"  # الحرب لا تنتهي
    assert fold_presentation_forms(pdf_text) == "الحرب لا تنتهي"
    path = tmp_path / "pdf.txt"
    path.write_text(pdf_text, encoding="utf-8")
    (doc,) = read_documents(path)
    assert doc.text == pdf_text  # offsets keep pointing into the text as given


def test_an_article_over_the_size_limit_is_refused_in_one_line(tmp_path, monkeypatch):
    from kg.errors import InputError
    from kg.read.sources import read_txt

    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "500")
    path = tmp_path / "big.txt"
    path.write_text("عنوان\n\n" + "قصفت روسيا أوكرانيا. " * 40, encoding="utf-8")
    try:
        read_txt(path, None)
    except InputError as error:
        assert "over the limit of 500" in str(error) and "\n" not in str(error)
    else:
        raise AssertionError("a 840-character article passed a 500-character limit")
    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "5000")
    assert read_txt(path, None).text
