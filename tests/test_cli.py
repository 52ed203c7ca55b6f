"""The `kg build` command end to end, as a new user runs it, and its answers to bad input."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import SEED, SEED_DATE as SEED_DATE_
from kg.graph.namespace import KG as KG_NS

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("build")
    result = kg("build", str(SEED.parent), "-o", str(out), "--date", "2022-09-14", "-q",
                "--format", "turtle", "--format", "nt", "--format", "json-ld")
    return out, result


def test_build_writes_outputs_and_summary(built):
    out, result = built
    assert result.returncode == 0, result.stderr
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html"):
        assert (out / name).stat().st_size > 0, name
    summary = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert summary["documents"] == "1"
    assert int(summary["sentences"]) >= 14
    assert int(summary["triples"]) == len(Graph().parse(out / "graph.ttl"))
    assert int(summary["claims"]) >= 8 and int(summary["relations"]) >= 15
    assert summary["SHACL"] == "conforms"


def test_every_format_holds_the_same_graph(built):
    from rdflib.compare import isomorphic

    out, _ = built
    turtle = Graph().parse(out / "graph.ttl")
    assert isomorphic(turtle, Graph().parse(out / "graph.nt", format="nt"))
    assert isomorphic(turtle, Graph().parse(out / "graph.jsonld", format="json-ld"))
    context = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["kg"] == "https://w3id.org/kg-arabic-news/ontology#"


def test_html_page_is_offline(built):
    out, _ = built
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]*(src|href)=[\"']?(https?:)?//", page)
    assert "vis.Network" in page


def test_jsonl_input_with_a_bad_line(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": seed, "date": "2022-09-14"}, ensure_ascii=False), "{oops",
             json.dumps({"id": "b", "text": seed.replace("أرمينيا", "جورجيا")}, ensure_ascii=False)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = kg("build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "-q", "--no-html")
    assert result.returncode == 2
    assert f"{tmp_path / 'in.jsonl'}:2: malformed JSON" in result.stderr
    assert "documents: 2" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "empty article"),
    ("binary.txt", b"\xff\xfe\x00\xc3\x28", "not UTF-8"),
    ("english.txt", b"English only.", "no Arabic text"),
])
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = kg("build", str(path), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("kg: ")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_bad_date_option_is_refused():
    result = kg("build", str(SEED), "--date", "14/09/2022")
    assert result.returncode == 2 and "not a date" in result.stderr


def test_every_command_has_help():
    top = kg("--help")
    assert top.returncode == 0
    commands = re.findall(r"^    (\w+)\s", top.stdout, flags=re.M)
    assert {"build", "stats"} <= set(commands)
    for command in commands:
        result = kg(command, "--help")
        assert result.returncode == 0 and "usage: kg " + command in result.stdout


def test_stats(built):
    out, _ = built
    result = kg("stats", str(out / "graph.ttl"))
    assert result.returncode == 0
    assert re.search(r"^nodes: \d+", result.stdout, flags=re.M) and "Claim:" in result.stdout
    bad = kg("stats", str(out / "nope.ttl"))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


# --- isolation, bad input that used to end in a traceback (issues 12, 15, 17) ---------------------

def one_error_line(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_issue_15_articles_build(tmp_path):
    """Each of these ended in a traceback: now each builds (or gives no date) with exit 0."""
    articles = {"title_then_names": "رئيس وقود وقف المتحدث وقف",
                "huge_year": "عنوان\n\nقصف الجيش المدينة في 10 أيار 12345678901234567890.",
                "five_digit_year": "عنوان\n\nقصف الجيش المدينة في 10 أيار 99999.",
                "exponent": "عنوان\n\nقتل 1e5 جندي.",
                "long_count": "عنوان\n\nقتل " + "9" * 400 + " جندي."}
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    result = kg("build", str(tmp_path), "-o", str(tmp_path / "out"), "-q", "--no-html", "--date", "2024-05-20")
    assert result.returncode == 0, result.stderr
    assert one_error_line(result) == [] and "documents: 5" in result.stdout and "SHACL: conforms" in result.stdout
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    counts = [int(o) for o in graph.objects(None, KG_NS.casualtyCount)]
    assert all(c < 10 ** 15 for c in counts)  # no 400-digit count, no two counts from "1e5"
    assert not [d for d in graph.objects(None, KG_NS.occursOn) if str(d).startswith(("12345", "9999"))]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_date_option_at_the_calendar_edges(value):
    result = kg("build", str(SEED), "--date", value, "-q")
    lines = one_error_line(result)
    assert result.returncode == 2 and len(lines) == 1 and "out of range" in lines[0] and lines[0].startswith("kg: ")


def test_hostile_jsonl_lines_are_skipped_by_line(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": seed}, ensure_ascii=False),
             "[" * 50_000 + "]" * 50_000,
             json.dumps({"id": "s", "text": seed, "title": "x\ud800"}),
             json.dumps({"id": "old", "text": seed, "date": "0001-01-01"}),
             json.dumps({"id": "late", "text": seed, "date": "9999-12-31"}),
             json.dumps({"id": "ok", "text": seed}, ensure_ascii=False)]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = kg("build", str(source), "-o", str(tmp_path / "out"), "-q", "--no-html", "--no-validate")
    assert result.returncode == 2
    errors = one_error_line(result)
    assert [re.match(rf"kg: skipped: {re.escape(str(source))}:(\d+): ", line).group(1) for line in errors] == [
        "2", "3", "4", "5", "6"]
    assert "nested too deeply" in errors[0] and "lone surrogate" in errors[1] and "duplicate id 'ok'" in errors[4]
    assert "documents: 1" in result.stdout and "skipped inputs: 5" in result.stdout


def test_presentation_forms_article_builds(tmp_path):
    from test_fuzz import FORMS

    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "pdf.txt").write_text("".join(FORMS.get(c, c) for c in text), encoding="utf-8")
    result = kg("build", str(tmp_path / "pdf.txt"), "-o", str(tmp_path / "out"), "-q", "--no-html", "--date", "2022-09-14")
    assert result.returncode == 0, result.stderr
    relations = int(re.search(r"^relations: (\d+)", result.stdout, flags=re.M).group(1))
    assert relations >= 10  # the matching keys fold the forms: the article is read, not just accepted


def crash_on(monkeypatch, doc_ids: set[str]) -> None:
    """Make extraction raise on some documents (forked workers inherit the patch)."""
    import kg.build

    real = kg.build.extract_one

    def flaky(document):
        if document.id in doc_ids:
            raise KeyError(f"Person_{document.id}")
        return real(document)

    monkeypatch.setattr(kg.build, "extract_one", flaky)


def corpus(tmp_path: Path, n: int = 4) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    source = tmp_path / "corpus.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"d{i}", "text": seed, "date": "2022-09-14"}, ensure_ascii=False)
                                for i in range(n)), encoding="utf-8")
    return source


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashing_document_is_skipped_and_named(tmp_path, monkeypatch, capsys, jobs):
    from kg.cli import main

    crash_on(monkeypatch, {"d1"})
    code = main(["build", str(corpus(tmp_path)), "-o", str(tmp_path / "out"), "-q", "--no-html",
                 "--no-validate", "-j", str(jobs)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "documents: 3" in out and "failed documents: 1" in out
    assert f"{tmp_path / 'corpus.jsonl'}:2: document 'd1': KeyError: 'Person_d1'" in out
    assert err.count("kg: skipped:") == 1 and "d1" in err
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert not any("/doc/d1/" in str(s) for s in graph.subjects())
    assert any("/doc/d2/" in str(s) for s in graph.subjects())


def test_all_documents_crashing_is_an_error(tmp_path, monkeypatch, capsys):
    from kg.cli import main

    crash_on(monkeypatch, {"d0", "d1"})
    code = main(["build", str(corpus(tmp_path, 2)), "-o", str(tmp_path / "out"), "-q", "--no-html"])
    err = capsys.readouterr().err
    assert code == 1 and "no document could be built" in err and not (tmp_path / "out" / "graph.ttl").exists()


def test_unexpected_error_is_one_line(tmp_path, monkeypatch, capsys):
    import kg.build
    from kg.cli import main

    def boom(*args, **kwargs):
        raise ValueError("something\nmultiline")

    monkeypatch.setattr(kg.build, "build", boom)
    assert main(["build", str(SEED), "-o", str(tmp_path)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ["kg: internal error: ValueError: something (KG_DEBUG=1 shows the traceback)"]


def test_shacl_violations_exit_2_unless_allowed(tmp_path, monkeypatch, capsys):
    import kg.graph.checks
    from kg.cli import main

    monkeypatch.setattr(kg.graph.checks.Shapes, "check",
                        lambda self, triples, shared=None: ["kgr:x kg:casualtyCount: more than 1 value"])
    args = ["build", str(SEED), "-o", str(tmp_path / "out"), "-q", "--no-html", "--date", "2022-09-14"]
    assert main(args) == 2
    assert "SHACL: 1 violations" in capsys.readouterr().out
    assert main([*args, "--allow-violations"]) == 0


def test_outputs_are_replaced_together_or_not_at_all(tmp_path, monkeypatch):
    """A failure on the HTML leaves the previous graph.ttl, graph.html and nothing else."""
    import errno

    import kg.export.html
    from kg.build import build
    from kg.errors import KgError

    out = tmp_path / "out"
    build(SEED, out, published=SEED_DATE_, progress=False, validate=False, formats=("turtle", "nt"))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(before) == {"graph.ttl", "graph.nt", "graph.html", "corpus-state.jsonl"}

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.export.html, "render_html", disk_full)
    source = corpus(tmp_path, 2)
    with pytest.raises(OSError):
        build(source, out, progress=False, validate=False)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_disk_full_names_the_target(tmp_path, monkeypatch, capsys):
    import errno

    import kg.export.rdf
    from kg.cli import main

    def disk_full(triples, handle, fmt):
        handle.write(b"@prefix")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.export.rdf, "serialize_stream", disk_full)
    out = tmp_path / "out"
    assert main(["build", str(SEED), "-o", str(out), "-q", "--no-html"]) == 1
    assert capsys.readouterr().err.strip() == f"kg: {out / 'graph.ttl'}: cannot write (No space left on device)"
    assert list(out.iterdir()) == []  # no temporary file left, no half-written graph


def test_leftovers_of_a_killed_build_are_removed(tmp_path):
    from kg.build import build

    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".graph.ttl.999999999.ab12cd34.tmp"  # no such process
    older = out / ".graph.nt.x7yq3k.tmp"  # the old naming, without a process id
    for path in (dead, older):
        path.write_text("half")
    (out / "graph.jsonld").write_text("{}")  # an earlier build's output this build does not write
    summary = build(SEED, out, published=SEED_DATE_, progress=False, validate=False, html=False)
    assert sorted(p.name for p in out.iterdir()) == ["corpus-state.jsonl", "graph.ttl"]
    assert summary.removed == [out / "graph.jsonld"]


def test_sigterm_leaves_no_temporary_file(tmp_path):
    import signal
    import time

    source = corpus(tmp_path, 60)
    out = tmp_path / "out"
    process = subprocess.Popen([*KG, "build", str(source), "-o", str(out), "-q", "--no-html", "--no-validate"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and any(out.iterdir())):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    # -SIGINT is 130 to a shell: CPython ends that way when the interrupt it caught was raised inside
    # exec'd code (a dataclass being made by a late import), whatever main() returns
    assert process.returncode in (0, 130, -signal.SIGINT), err
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.endswith(".tmp")]
    if process.returncode != 0:
        assert names == [] and "kg: interrupted" in err


def test_a_signal_while_the_pool_starts_waits_until_it_has_started():
    """The race behind 'cannot join thread before it is started': SIGTERM inside the first submit."""
    import os
    import signal

    from kg.build import signals_held
    from kg.cli import terminate

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with pytest.raises(KeyboardInterrupt):
            with signals_held():
                os.kill(os.getpid(), signal.SIGTERM)
                reached = True  # the signal is held, not raised here
            raise AssertionError("the held signal was not delivered when the block ended")
        assert reached
    finally:
        signal.signal(signal.SIGTERM, previous)


def _signal_handlers() -> tuple:
    import signal

    return signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_workers_started_while_signals_are_held_can_still_be_terminated():
    import signal
    from concurrent.futures import ProcessPoolExecutor

    from kg.build import signals_held, worker_signals
    from kg.cli import terminate

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with signals_held():
            pool = ProcessPoolExecutor(max_workers=1, initializer=worker_signals)
            future = pool.submit(_signal_handlers)
        with pool:
            in_worker = future.result(timeout=60)
        assert in_worker == (signal.SIG_DFL, signal.default_int_handler)  # not the deferring ones
        assert signal.getsignal(signal.SIGTERM) is terminate  # and the main process has its own back
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.mark.parametrize("rows, message", [
    ("key\ttype\tnames_ar\nX_Person\tPerson\tفلان\textra\n", ":2: 4 cells, the header has 3"),
    ("key\ttype\nY_Person\tPerson\n", ":2: no column 'names_ar'"),
    (b"key\ttype\tnames_ar\n\xff\xfe\n", ": not UTF-8"),
])
def test_malformed_user_gazetteer_is_one_line(tmp_path, rows, message):
    folder = tmp_path / "gaz"
    folder.mkdir()
    path = folder / "mine.tsv"
    path.write_bytes(rows if isinstance(rows, bytes) else rows.encode("utf-8"))
    env = {**__import__("os").environ, "KG_GAZETTEER_PATH": str(folder)}
    result = subprocess.run([*KG, "build", str(SEED), "-o", str(tmp_path / "out"), "-q", "--no-html"],
                            capture_output=True, text=True, env=env, timeout=120)
    lines = one_error_line(result)
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kg: {path}") and message in lines[0]
    assert not (tmp_path / "out" / "graph.ttl").exists()


# --- one vocabulary of flags: -o/--out is where results go, -f/--format their format -------------

def test_query_format_and_out_file(built, tmp_path):
    out, _ = built
    target = tmp_path / "who.csv"
    result = kg("query", "who_said_what", "--data", str(out / "graph.ttl"), "-f", "csv", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and f"wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("speaker,") and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("old, fmt", [(["-o", "csv"], ","), (["--output", "tsv"], "\t")])
def test_old_query_spellings_warn_and_work(built, old, fmt):
    out, _ = built
    result = kg("query", "who_said_what", "--data", str(out / "graph.ttl"), *old)
    assert result.returncode == 0, result.stderr
    assert fmt in result.stdout.splitlines()[0]
    assert "kg: warning:" in result.stderr and "deprecated" in result.stderr and "-f" in result.stderr


def test_load_out_is_the_nquads_file(built, tmp_path):
    out, _ = built
    new = kg("load", str(out / "graph.ttl"), "-o", str(tmp_path / "new.nq"))
    old = kg("load", str(out / "graph.ttl"), "--nquads", str(tmp_path / "old.nq"))
    assert new.returncode == 0 and old.returncode == 0, new.stderr + old.stderr
    assert "warning" not in new.stderr and "--nquads is deprecated" in old.stderr
    assert (tmp_path / "new.nq").read_bytes() == (tmp_path / "old.nq").read_bytes() != b""


def test_stats_and_eval_take_format_and_out(built, tmp_path):
    out, _ = built
    stats = kg("stats", str(out / "graph.ttl"), "-f", "json", "-o", str(tmp_path / "stats.json"))
    assert stats.returncode == 0, stats.stderr
    assert json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))["nodes"] > 10
    gold = Path(__file__).parent / "gold" / "gaza_rafah.json"
    new = kg("eval", str(gold), "-f", "json", "-o", str(tmp_path / "eval.json"))
    old = kg("eval", str(gold), "--json")
    assert new.returncode == 0 and old.returncode == 0, new.stderr + old.stderr
    assert "--json is deprecated" in old.stderr
    assert json.loads((tmp_path / "eval.json").read_text(encoding="utf-8")) == json.loads(old.stdout)


def test_a_dying_worker_is_one_line(tmp_path, monkeypatch, capsys):
    import os

    import kg.build
    from kg.cli import main

    real = kg.build.extract_one
    monkeypatch.setattr(kg.build, "extract_one", lambda d: os._exit(9) if d.id == "d1" else real(d))
    code = main(["build", str(corpus(tmp_path, 3)), "-o", str(tmp_path / "out"), "-q", "--no-html", "-j", "2"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and err == ["kg: a worker process died during extraction (out of memory?); "
                                 "run with -j 1 to find the document"]
    assert not (tmp_path / "out").exists() or not [p for p in (tmp_path / "out").iterdir()]


def test_help_imports_no_heavy_library():
    """`kg --help` stays instant: building the parser (every command's) imports no RDF or NLP library."""
    code = ("import sys; from kg.cli import build_parser; build_parser(); "
            "print(sorted({m.split('.')[0] for m in sys.modules "
            "if m.startswith(('rdflib', 'pyoxigraph', 'camel_tools', 'networkx', 'pyshacl', 'torch'))}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr
