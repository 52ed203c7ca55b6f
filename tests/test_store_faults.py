"""Faults and hostile use of the store: killed loads, misbehaving servers, secrets, huge queries.

The killed-load tests run `kg load` in a subprocess and stop it with SIGINT, SIGTERM or SIGKILL at
a random moment; afterwards the store must open and hold, per document, the old version or the
new one (and the shared graphs must agree with the documents as they are). The server tests run a
small misbehaving HTTP server in this process.
"""
from __future__ import annotations

import base64
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main

KG = "https://w3id.org/kg-arabic-news/ontology#"
KGR = "https://w3id.org/kg-arabic-news/resource/"
ACTORS = ox.NamedNode(KGR + "graph/actors")
RELATIONS = ox.NamedNode(KGR + "graph/relations")
ACTOR_COUNT = 12


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def synthetic_build(path: Path, docs: int, events: int, version: int) -> Path:
    """An N-Triples file shaped like `kg build`'s: per document its nodes, events and the direct
    relations they imply; then each actor's description once. Versions differ in every document
    (counts, targets, so relations) and in every actor's label."""
    lines = []
    for d in range(docs):
        doc = f"<{KGR}doc/d{d}>"
        lines.append(f'{doc} <{KG}docId> "d{d}" .')
        for e in range(events):
            event = f"<{KGR}doc/d{d}/e/{e}>"
            agent = f"<{KGR}A{(d + e) % ACTOR_COUNT}>"
            target = f"<{KGR}A{(d + e + 1 + version) % ACTOR_COUNT}>"
            lines += [f"{event} <{KG}agent> {agent} .", f"{event} <{KG}target> {target} .",
                      f"{event} <{KG}relation> <{KG}attacks> .", f"{event} <{KG}modality> <{KG}Asserted> .",
                      f"{event} <{KG}document> {doc} .", f'{event} <{KG}casualtyCount> "{e * 10 + version}" .',
                      f"{agent} <{KG}attacks> {target} ."]
    for a in range(ACTOR_COUNT):
        lines.append(f'<{KGR}A{a}> <http://www.w3.org/2000/01/rdf-schema#label> "Actor {a} v{version}"@en .')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def layout_of(path: Path) -> dict:
    from kg.store.files import read_quads
    from kg.store.partition import split_quads

    return split_quads(read_quads(path))


def graphs_in(store_path: Path) -> dict:
    store = ox.Store(str(store_path))
    try:
        graphs: dict = {}
        for quad in store:
            graphs.setdefault(quad.graph_name, set()).add(ox.Triple(quad.subject, quad.predicate, quad.object))
        return graphs
    finally:
        del store


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(old file, new file, a store holding the old file) for the killed-load tests."""
    from kg.store.load import load_into_store

    base = tmp_path_factory.mktemp("versions")
    old = synthetic_build(base / "old.nt", docs=60, events=40, version=0)
    new = synthetic_build(base / "new.nt", docs=60, events=40, version=1)
    load_into_store([old], base / "store")
    return old, new, base / "store"


def check_old_or_new(store_path: Path, old: dict, new: dict) -> tuple[int, int]:
    """Every document graph is old or new; the shared graphs agree with them. (old, new) counts."""
    now = graphs_in(store_path)
    counts = [0, 0]
    relations_expected: set = set()
    for graph in old:
        if graph in (ACTORS, RELATIONS):
            continue
        state = now.get(graph, set())
        assert state in (old[graph], new[graph]), f"{graph}: neither the old nor the new version"
        version = new if state == new[graph] and state != old[graph] else old
        counts[version is new] += 1
        agents = {t.subject: t.object for t in state if t.predicate.value == KG + "agent"}
        targets = {t.subject: t.object for t in state if t.predicate.value == KG + "target"}
        relations_expected |= {ox.Triple(agents[e], ox.NamedNode(KG + "attacks"), targets[e]) for e in agents}
    assert now[RELATIONS] == relations_expected
    by_subject: dict = {}
    for t in now[ACTORS]:
        by_subject.setdefault(t.subject, set()).add(t)
    for subject, triples in by_subject.items():
        old_one = {t for t in old[ACTORS] if t.subject == subject}
        new_one = {t for t in new[ACTORS] if t.subject == subject}
        assert triples in (old_one, new_one), subject
    return counts[0], counts[1]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_load_killed_at_a_random_moment_leaves_each_document_old_or_new(versions, tmp_path, signum):
    old_file, new_file, old_store = versions
    store = tmp_path / "store"
    shutil.copytree(old_store, store)
    old, new = layout_of(old_file), layout_of(new_file)
    rng = random.Random()
    process = subprocess.Popen([*kg_command(), "load", str(new_file), "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(0.5, 1.5))
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    if signum != signal.SIGKILL and process.returncode == 130:
        assert err.startswith("kg: ") and "interrupted" in err and "Traceback" not in err
    check_old_or_new(store, old, new)
    if signum == signal.SIGKILL:
        assert run_ok(["load", str(new_file), "--store", str(store)])  # loading again finishes the job
        assert check_old_or_new(store, old, new) == (0, len(old) - 2)


def run_ok(argv: list[str]) -> bool:
    return subprocess.run([*kg_command(), *argv], capture_output=True, text=True, timeout=120).returncode == 0


# --- a misbehaving server ------------------------------------------------------------------------

class Misbehaving(BaseHTTPRequestHandler):
    """mode: redirect (302 to `elsewhere`), trickle (a byte every 0.3 s), hangup (no answer),
    echo (500 whose body repeats the request headers), html (200 with a web page), ok (204)."""

    mode = "ok"
    elsewhere = ""
    seen: list[tuple[str, str | None]] = []

    def answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Misbehaving.seen.append((self.path, self.headers.get("Authorization")))
        if self.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", self.elsewhere + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.mode == "trickle":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
            for _ in range(100):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
        elif self.mode == "hangup":
            self.close_connection = True
            self.connection.shutdown(2)
        elif self.mode == "echo":
            body = str(self.headers).encode()
            self.send_response(500)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.mode == "html":
            body = b"<html><body>Please log in</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(204)
            self.end_headers()

    do_GET = do_POST = do_PUT = answer

    def log_message(self, *args) -> None:
        pass


class Recorder(Misbehaving):
    mode = "ok"
    seen: list[tuple[str, str | None]] = []

    def answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Recorder.seen.append((self.path, self.headers.get("Authorization")))
        self.send_response(204)
        self.end_headers()

    do_GET = do_POST = do_PUT = answer


@pytest.fixture()
def servers():
    """(misbehaving base URL, recording base URL on another port)."""
    made = [ThreadingHTTPServer(("127.0.0.1", 0), handler) for handler in (Misbehaving, Recorder)]
    for httpd in made:
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    bases = [f"http://127.0.0.1:{httpd.server_port}" for httpd in made]
    Misbehaving.elsewhere, Misbehaving.seen, Recorder.seen = bases[1], [], []
    yield bases
    for httpd in made:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def small_nt(tmp_path) -> Path:
    return synthetic_build(tmp_path / "small.nt", docs=2, events=2, version=0)


def test_a_redirect_is_an_error_and_credentials_never_go_elsewhere(capsys, servers, small_nt, monkeypatch):
    base, other = servers
    Misbehaving.mode = "redirect"
    monkeypatch.setenv("KG_ENDPOINT_USER", "bob")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "hunter2")
    for via in ("update", "gsp"):
        code, out, err = run(capsys, "load", small_nt, "--endpoint", base, "--via", via)
        assert code == 4 and out == "" and "HTTP 302" in err and "does not follow redirects" in err, err
        assert other in err and "hunter2" not in err
    code, out, err = run(capsys, "query", "--endpoint", base, "-e", "SELECT * WHERE { ?s ?p ?o }")
    assert code == 4 and "HTTP 302" in err and "(0 rows)" not in out
    assert Recorder.seen == []  # nothing, and no Authorization header, reached the other host
    assert Misbehaving.seen and all(auth for _, auth in Misbehaving.seen)


def test_a_trickling_server_is_stopped_at_the_request_timeout(capsys, servers, small_nt):
    base, _ = servers
    Misbehaving.mode = "trickle"
    code, _, err = run(capsys, "load", small_nt, "--endpoint", base, "--timeout", "1")
    assert code == 4 and "no complete answer within 1 s" in err
    code, _, err = run(capsys, "query", "--endpoint", base, "--timeout", "1", "-e", "ASK {}")
    assert code == 4 and "no complete answer within 1 s" in err
    with pytest.raises(SystemExit) as stop:  # argparse refuses it
        run(capsys, "load", small_nt, "--endpoint", base, "--timeout", "0")
    assert stop.value.code == 2 and "more than 0 seconds" in capsys.readouterr().err


def test_no_answer_or_an_unexpected_one_is_an_error(capsys, servers, small_nt):
    base, _ = servers
    Misbehaving.mode = "hangup"
    code, out, err = run(capsys, "load", small_nt, "--endpoint", base)
    assert code == 4 and out == "" and "closed the connection without an answer" in err
    Misbehaving.mode = "html"
    code, out, err = run(capsys, "query", "--endpoint", base, "-e", "SELECT * WHERE { ?s ?p ?o }")
    assert code == 4 and "not SPARQL JSON results" in err and out == ""


def test_secrets_never_printed(capsys, servers, small_nt, monkeypatch):
    base, _ = servers
    monkeypatch.setenv("KG_ENDPOINT_USER", "bob")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "hunter2")
    token = base64.b64encode(b"bob:hunter2").decode()
    Misbehaving.mode = "echo"
    for argv in (("load", small_nt, "--endpoint", base), ("query", "--endpoint", base, "-e", "ASK {}")):
        code, _, err = run(capsys, *argv)
        assert code == 4 and "HTTP 500" in err and "hunter2" not in err and token not in err
    with_password = base.replace("http://", "http://bob:hunter2@")
    code, _, err = run(capsys, "query", "--endpoint", with_password, "-e", "ASK {}")
    assert code == 2 and "hunter2" not in err and "KG_ENDPOINT_PASSWORD" in err


def test_bad_endpoint_urls_are_one_line(capsys):
    for url in ("http://[::1", "http://host:99999", "ftp://example.org"):
        code, _, err = run(capsys, "query", "--endpoint", url, "-e", "ASK {}")
        assert code == 2 and err.count("\n") == 1 and err.startswith("kg: --endpoint")


def test_service_is_refused_without_allow_service(capsys, servers, small_nt):
    _, other = servers
    query = f"SELECT * WHERE {{ SERVICE <{other}/sparql> {{ ?s ?p ?o }} }}"
    code, _, err = run(capsys, "query", "--data", small_nt, "-e", query)
    assert code == 3 and "--allow-service" in err
    assert Recorder.seen == []


# --- queries that are too big, too slow, or print hostile text -----------------------------------

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "SELECT * WHERE { " + " UNION ".join("{ ?s ?p %d }" % i for i in range(10_000)) + " }",
    "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
])
def test_huge_queries_are_refused_in_one_line(query, small_nt, tmp_path):
    path = tmp_path / "huge.rq"
    path.write_text(query, encoding="utf-8")
    result = subprocess.run([*kg_command(), "query", str(path), "--data", str(small_nt)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "at most" in result.stderr


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_timeout_stops_a_query_on_the_store_and_on_files(versions, tmp_path):
    old_file, _, old_store = versions
    store = tmp_path / "store"
    shutil.copytree(old_store, store)
    for where in (["--store", str(store)], ["--data", str(old_file)]):
        result = subprocess.run([*kg_command(), "query", *where, "--timeout", "1", "-e", CARTESIAN],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 4 and result.stderr.strip() == "kg: query stopped after 1 s (--timeout)"
    assert run_ok(["query", "--store", str(store), "-e", "ASK { ?s ?p ?o }"])  # the store is fine


def test_control_characters_never_reach_the_terminal(capsys, tmp_path):
    data = tmp_path / "hostile.nt"
    data.write_text('<http://example.org/a> <http://example.org/says> "red \\u001B[31m bell \\u0007 flip \\u202E end" .\n',
                    encoding="utf-8")
    for fmt in ("table", "csv", "tsv"):
        code, out, _ = run(capsys, "query", "--data", data, "-o", fmt, "-e", "SELECT ?o WHERE { ?s ?p ?o }")
        assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\\x1b[31m" in out and "\\u202e" in out


# --- files and stores ---------------------------------------------------------------------------

def test_nquads_never_overwrites_its_own_input(capsys, tmp_path, small_nt):
    dump = tmp_path / "graphs.nq"
    assert run(capsys, "load", small_nt, "--nquads", dump)[0] == 0
    before = dump.read_bytes()
    code, _, err = run(capsys, "load", dump, "--nquads", dump)
    assert code == 2 and "is also an input file" in err and dump.read_bytes() == before
    code, _, err = run(capsys, "load", tmp_path, "--nquads", dump)
    assert code == 2 and dump.read_bytes() == before


def test_a_folder_load_skips_an_older_copy_from_an_earlier_build(capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = synthetic_build(out / "graph.nt", docs=3, events=2, version=0)
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    synthetic_build(out / "graph.ttl", docs=2, events=2, version=1)  # N-Triples is Turtle
    code, out_text, _ = run(capsys, "load", out, "--store", tmp_path / "store")
    assert code == 0 and "skipped older copies" in out_text and "graph.nt" in out_text
    docs = {g for g in graphs_in(tmp_path / "store") if "/doc/" in str(g)}
    assert docs == {ox.NamedNode(f"{KGR}doc/d0"), ox.NamedNode(f"{KGR}doc/d1")}


def test_a_damaged_store_is_one_line(capsys, tmp_path, small_nt):
    store = tmp_path / "store"
    assert run(capsys, "load", small_nt, "--store", store)[0] == 0
    (store / "CURRENT").write_text("garbage\n")
    for argv in (("query", "--store", store, "-e", "ASK {}"), ("load", small_nt, "--store", store)):
        code, _, err = run(capsys, *argv)
        assert code == 4 and err.count("\n") == 1 and "damaged" in err and str(store) in err


def test_a_load_killed_while_creating_the_store_leaves_no_half_store(tmp_path, small_nt):
    store = tmp_path / "new" / "store"
    process = subprocess.Popen([*kg_command(), "load", str(small_nt), "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(random.uniform(0.2, 1.0))
    process.kill()
    process.wait(timeout=30)
    assert not store.exists() or (store / "CURRENT").is_file()
    assert run_ok(["load", str(small_nt), "--store", str(store)])


def test_reloading_an_article_replaces_exactly_its_relations_and_actor_descriptions(tmp_path):
    """A relation another article still states stays; one only the old version stated goes."""
    from kg.store.load import load_into_store

    store = tmp_path / "store"
    three = synthetic_build(tmp_path / "three.nt", docs=3, events=4, version=0)
    one = synthetic_build(tmp_path / "one.nt", docs=1, events=4, version=1)  # a new version of d0 only
    load_into_store([three], store)
    load_into_store([one], store)
    now = graphs_in(store)
    stated = set()
    for graph, triples in now.items():
        if "/doc/" in str(graph):
            agents = {t.subject: t.object for t in triples if t.predicate.value == KG + "agent"}
            targets = {t.subject: t.object for t in triples if t.predicate.value == KG + "target"}
            stated |= {ox.Triple(agents[e], ox.NamedNode(KG + "attacks"), targets[e]) for e in agents}
    assert now[RELATIONS] == stated
    assert now[ox.NamedNode(f"{KGR}doc/d0")] == layout_of(one)[ox.NamedNode(f"{KGR}doc/d0")]
    assert now[ox.NamedNode(f"{KGR}doc/d1")] == layout_of(three)[ox.NamedNode(f"{KGR}doc/d1")]
    labels = {t.object.value for t in now[ACTORS]}
    assert labels == {f"Actor {a} v1" for a in range(ACTOR_COUNT)}  # descriptions replaced, not added to


def test_a_fresh_load_killed_mid_batch_leaves_each_document_absent_or_whole(tmp_path):
    """SIGKILL while `kg load` writes batches of new documents (the bulk path, many small batches
    here): afterwards the store opens, each document is absent or whole, the relations graph is
    exactly what the documents present imply, and loading again completes it."""
    new_file = synthetic_build(tmp_path / "new.nt", docs=150, events=40, version=1)
    new = layout_of(new_file)
    store = tmp_path / "store"
    env = {**os.environ, "KG_LOAD_BATCH": "3000"}
    process = subprocess.Popen([*kg_command(), "load", str(new_file), "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not (store / "CURRENT").exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(random.uniform(0.0, 1.0))
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    if (store / "CURRENT").exists():
        now = graphs_in(store)
        present = 0
        relations_expected: set = set()
        for graph, triples in new.items():
            if graph in (ACTORS, RELATIONS):
                continue
            state = now.get(graph, set())
            assert state in (set(), triples), f"{graph}: half written"
            if state:
                present += 1
                agents = {t.subject: t.object for t in state if t.predicate.value == KG + "agent"}
                targets = {t.subject: t.object for t in state if t.predicate.value == KG + "target"}
                relations_expected |= {ox.Triple(agents[e], ox.NamedNode(KG + "attacks"), targets[e]) for e in agents}
        assert now.get(RELATIONS, set()) == relations_expected
        assert now.get(ACTORS, set()) in (set(), new[ACTORS])
    assert run_ok(["load", str(new_file), "--store", str(store)])
    assert graphs_in(store) == new


def test_two_loads_at_once_one_waits_or_is_told_the_store_is_in_use(tmp_path):
    source = synthetic_build(tmp_path / "a.nt", docs=200, events=40, version=0)
    store = tmp_path / "store"
    command = [*kg_command(), "load", str(source), "--store", str(store)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    from kg.store.embedded import lock_holder

    while lock_holder(store) is None and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    second = subprocess.run(command, capture_output=True, text=True, timeout=120)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode in (0, 4)
    if second.returncode == 4:
        assert second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
        assert second.stderr.startswith(f"kg: {store}: store is in use by another process (pid {first.pid})")
    assert graphs_in(store) == layout_of(source)
