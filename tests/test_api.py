"""The Python API (kg.api, re-exported lazily by `kg`), and the README's example run as written."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest

from conftest import ROOT, SEED, SEED_DATE

import kg
from kg.errors import InputError
from kg.model import Document, Extraction

TEXT = "عنوان الخبر\n\nقصفت روسيا مدينة خاركيف أمس. وقال وزير الخارجية الأوكراني إن القصف جريمة."


def test_import_kg_is_light():
    code = "import sys, kg; print(any(m.startswith(('rdflib', 'camel_tools', 'pyoxigraph')) for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_document_from_text_and_its_checks():
    doc = kg.document(TEXT, id="a1", date="2024-05-20", url="https://example.org/a1")
    assert doc.title == "عنوان الخبر" and doc.date == date(2024, 5, 20) and doc.id == "a1"
    titled = kg.document("قصفت روسيا خاركيف.", title="عنوان", id="t")
    assert titled.text.startswith("عنوان\n\n") and titled.title == "عنوان"
    for bad, message in (("", "empty"), ("English only", "no Arabic"), ("نص\ud800", "lone surrogate")):
        with pytest.raises(InputError, match=message):
            kg.document(bad)
    with pytest.raises(InputError, match="out of range"):
        kg.document(TEXT, date="0001-01-01")


def test_extract_a_document_or_a_string():
    extraction = kg.extract(kg.document(TEXT, id="a1", date="2024-05-20"))
    assert isinstance(extraction, Extraction)
    shelling = [e for e in extraction.events if e.agents == ["Russia"]]
    assert shelling and shelling[0].date == date(2024, 5, 19) and shelling[0].rule
    assert isinstance(kg.extract(TEXT), Extraction)


def test_read_a_file_or_folder():
    (doc,) = kg.read(SEED, date=SEED_DATE)
    assert isinstance(doc, Document) and doc.date == SEED_DATE
    assert [d.id for d in kg.read(SEED.parent, date="2022-09-14")] == [doc.id]
    with pytest.raises(InputError, match="no such file"):
        kg.read(ROOT / "nope.txt")


def test_graph_and_dataset_of_a_corpus(seed_extraction):
    other = kg.extract(kg.document(TEXT, id="a1", date="2024-05-20"))
    single = kg.to_graph(seed_extraction)
    corpus = kg.to_graph([seed_extraction, other])
    assert len(single) > 500 and len(corpus) > len(single)
    assert kg.validate(single) == []
    dataset = kg.to_dataset([seed_extraction, other])
    graphs = {q.graph_name.value for q in dataset if hasattr(q.graph_name, "value")}
    doc_graphs = {g for g in graphs if "/doc/" in g}
    assert len(doc_graphs) == 2 and any(g.endswith("graph/actors") for g in graphs)
    assert len(dataset) >= len(corpus) - 50  # the same facts, laid out in named graphs


def test_build_from_documents_skips_a_failing_one(tmp_path, monkeypatch):
    import kg.build as build_module

    real = build_module.extract_one
    monkeypatch.setattr(build_module, "extract_one",
                        lambda d: (_ for _ in ()).throw(RuntimeError("boom")) if d.id == "bad" else real(d))
    docs = [kg.document(TEXT, id="good", date="2024-05-20"), kg.document(TEXT, id="bad")]
    failures = []
    summary = kg.build(docs, tmp_path / "out", html=False, on_failure=failures.append)
    assert summary.documents == 1 and [f.id for f in summary.failed] == ["bad"] == [f.id for f in failures]
    assert (tmp_path / "out" / "graph.ttl").is_file() and summary.violations == []
    assert list(kg.extract_many(docs)) and len(list(kg.extract_many(docs))) == 1


def test_api_names_work_after_the_submodules_are_imported():
    import kg.build
    import kg.extract
    import kg.read

    assert isinstance(kg.extract(TEXT), Extraction)
    assert kg.read(SEED) and callable(kg.build)


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)


def test_readme_example_runs(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / SEED.name).write_bytes(SEED.read_bytes())
    result = subprocess.run([sys.executable, "-c", readme_example()], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out" / "graph.ttl").is_file() and "Russia" in result.stdout
