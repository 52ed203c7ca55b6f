"""A real SPARQL 1.1 server on loopback (oxigraph serve): loading, querying, same answers, errors."""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from kg.cli import main
from test_store import NASTY_ID as ODD_ID, NASTY_TEXT as ODD_TEXT, NASTY_TITLE as ODD_TITLE

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
NEEDS_A_CORPUS = {"disagreements"}  # answers only over several outlets' reports of one event


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_executable() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        pytest.skip("the oxigraph server executable is not installed")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """`oxigraph serve` on a free loopback port, default graph = union of named graphs."""
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    process = subprocess.Popen([oxigraph_executable(), "serve", "--location", str(location / "data"),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=1):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"oxigraph serve did not start: {Path(log.name).read_text(errors='replace')[-500:]}")
            time.sleep(0.05)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def clear(base: str) -> None:
    request = urllib.request.Request(base + "/update", data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).read()


def remote_count(base: str) -> int:
    from kg.store.query import on_endpoint

    answer = on_endpoint(base + "/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", 10)
    return int(answer.rows[0][0].value)


def remote_quads(base: str) -> set:
    import pyoxigraph as ox

    with urllib.request.urlopen(urllib.request.Request(base + "/store", headers={"Accept": "application/n-quads"}),
                                timeout=30) as response:
        return set(ox.parse(response.read(), format=ox.RdfFormat.N_QUADS))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def odd_ttl(tmp_path_factory) -> Path:
    """An article whose id and title hold `>`, `"`, `}` and newlines, built by the real pipeline."""
    from kg.export.rdf import write_graph
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph
    from kg.model import Document

    doc = Document(id=ODD_ID, text=ODD_TEXT, title=ODD_TITLE, date=date(2022, 9, 14))
    return write_graph(extraction_graph(extract(doc)), tmp_path_factory.mktemp("odd") / "graph.ttl")


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, seed_ttl, odd_ttl) -> Path:
    from kg.store.load import load_into_store

    path = tmp_path_factory.mktemp("local") / "store"
    load_into_store([seed_ttl, odd_ttl], path)
    return path


def test_every_query_answers_alike_on_store_file_and_server(capsys, server, seed_ttl, odd_ttl, local_store):
    from kg.store.query import on_endpoint, on_files, on_store, read_query_file

    from kg.store.embedded import open_store

    store, _ = open_store(local_store, create=False)
    local_quads = set(store)
    del store
    for via in ("gsp", "update"):  # both ways give the embedded store's layout, quad for quad
        clear(server)
        for _ in range(2):  # loading twice must not duplicate anything
            code, out, err = run(capsys, "load", seed_ttl, odd_ttl, "--endpoint", server, "--via", via)
            assert code == 0, err
            assert "2 named graphs replaced" in out and f"{server}/{'store' if via == 'gsp' else 'update'}" in out
        assert remote_quads(server) == local_quads, via
    for path in QUERIES:
        text = read_query_file(path)
        answers = [on_store(local_store, text), on_files([seed_ttl, odd_ttl], text), on_endpoint(server + "/query", text, 30)]
        assert answers[0].variables == answers[1].variables == answers[2].variables, path.name
        expected = sorted(answers[0].rows, key=repr)
        assert expected or path.stem in NEEDS_A_CORPUS, f"{path.name}: no answers on the test data"
        for answer in answers[1:]:
            assert sorted(answer.rows, key=repr) == expected, path.name


def test_query_command_on_the_server(capsys, server, seed_ttl):
    clear(server)
    assert run(capsys, "load", seed_ttl, "--endpoint", server)[0] == 0
    code, out, err = run(capsys, "query", "arms_transfers", "--endpoint", server, "-o", "json")
    assert code == 0, err
    bindings = json.loads(out)["results"]["bindings"]
    assert [(b["supplier"]["value"], b["recipient"]["value"]) for b in bindings] == [("Turkey Government", "Azerbaijan")]
    code, out, _ = run(capsys, "query", "--endpoint", server, "-e", "ASK { kgr:Russia kg:declares ?e }")
    assert out.strip() == "true"
    code, out, _ = run(capsys, "query", "--endpoint", server, "-o", "turtle", "-e",
                       "CONSTRUCT { kgr:Turkey_Government kg:supplies ?x } WHERE { kgr:Turkey_Government kg:supplies ?x }")
    assert code == 0 and "kgr:Turkey_Government kg:supplies kgr:Azerbaijan" in out


def test_load_via_sparql_update_with_separate_urls(capsys, server, seed_ttl, seed_graph):
    clear(server)
    for _ in range(2):
        code, out, err = run(capsys, "load", seed_ttl, "--via", "update", "--update-endpoint", server + "/update")
        assert code == 0, err
        assert f"{server}/update" in out
    assert remote_count(server) == len(seed_graph)
    clear(server)
    assert run(capsys, "load", seed_ttl, "--store-endpoint", server + "/store")[0] == 0
    code, out, _ = run(capsys, "query", "--query-endpoint", server + "/query", "-o", "csv", "-e",
                       "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    counts = dict(line.rsplit(",", 1) for line in out.splitlines()[1:])
    resource = "https://w3id.org/kg-arabic-news/resource/"
    assert set(counts) == {resource + "doc/000_7f990094a9bbc95a", resource + "graph/actors", resource + "graph/relations"}
    assert sum(map(int, counts.values())) == len(seed_graph)


def test_odd_names_round_trip_through_the_server(capsys, server, odd_ttl):
    from kg.graph.iri import document_iri

    for via in ("gsp", "update"):
        clear(server)
        assert run(capsys, "load", odd_ttl, "--endpoint", server, "--via", via)[0] == 0
        code, out, _ = run(capsys, "query", "--endpoint", server, "-o", "json", "-e",
                           "SELECT ?g ?id ?title WHERE { GRAPH ?g { ?d kg:docId ?id ; schema:headline ?title } }")
        bindings = json.loads(out)["results"]["bindings"]
        assert [(b["g"]["value"], b["id"]["value"], b["title"]["value"]) for b in bindings] == [
            (str(document_iri(ODD_ID)), ODD_ID, ODD_TITLE)]


def test_unreachable_endpoint_and_http_errors(capsys, server, seed_ttl):
    closed = f"http://127.0.0.1:{free_port()}"
    code, _, err = run(capsys, "query", "--endpoint", closed, "-e", "SELECT * WHERE { ?s ?p ?o }")
    assert code == 4 and err.startswith(f"kg: cannot reach {closed}/query") and len(err.splitlines()) == 1
    code, _, err = run(capsys, "load", seed_ttl, "--endpoint", closed)
    assert code == 4 and f"cannot reach {closed}/update" in err
    code, _, err = run(capsys, "load", seed_ttl, "--endpoint", closed, "--via", "gsp")
    assert code == 4 and f"cannot reach {closed}/store?graph=" in err
    code, _, err = run(capsys, "query", "--query-endpoint", server + "/nowhere", "-e", "SELECT * WHERE { ?s ?p ?o }")
    assert code == 4 and f"{server}/nowhere: HTTP 404" in err
    code, _, err = run(capsys, "load", seed_ttl, "--store-endpoint", server + "/nowhere")
    assert code == 4 and f"{server}/nowhere?graph=" in err and "HTTP 404" in err
    code, _, err = run(capsys, "query", "--endpoint", server, "-e", "SELECT * WHERE {\n ?s ?p ?o .\n} ORDER ?s")
    assert code == 3 and "syntax error at line 3, column" in err
    code, _, err = run(capsys, "query", "--endpoint", "ftp://example.org", "-e", "ASK {}")
    assert code == 2 and "not an http(s) URL" in err


def test_unreachable_endpoint_from_the_shell_is_one_line(seed_ttl):
    script = Path(sys.executable).parent / "kg"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]
    closed = f"http://127.0.0.1:{free_port()}"
    result = subprocess.run([*command, "query", "who_said_what", "--endpoint", closed],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 4 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert closed in result.stderr


class Recorder(BaseHTTPRequestHandler):
    """Answers 401 to everything, remembering the Authorization headers it was sent."""

    seen: list[str | None] = []

    def reply(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Recorder.seen.append(self.headers.get("Authorization"))
        self.send_response(401, "Unauthorized")
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"bad credentials")

    do_PUT = do_POST = do_GET = reply

    def log_message(self, *args) -> None:
        pass


def test_basic_auth_comes_from_the_environment(capsys, seed_ttl, monkeypatch):
    httpd = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    try:
        monkeypatch.setenv("KG_ENDPOINT_USER", "analyst")
        monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret:pw")
        Recorder.seen.clear()
        code, _, err = run(capsys, "load", seed_ttl, "--endpoint", base)
        assert code == 4 and "HTTP 401" in err and base in err and "s3cret" not in err
        code, _, err = run(capsys, "query", "--endpoint", base, "-e", "ASK {}")
        assert code == 4 and "HTTP 401" in err and "KG_ENDPOINT_USER" in err
        expected = "Basic " + base64.b64encode(b"analyst:s3cret:pw").decode()
        assert Recorder.seen and all(header == expected for header in Recorder.seen)
    finally:
        httpd.shutdown()
        httpd.server_close()
