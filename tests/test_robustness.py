"""Issue 18: nothing lost, nothing leaked, nothing hung. One test (or a few) per item,
each on a corpus built in a temporary folder."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import corpusmine
from corpusmine.cli import cli
from corpusmine.ingest.decode import NotText, decode
from corpusmine.report.output import to_csv, to_xlsx
from corpusmine.resolve.aliases import AliasFileError, load_alias_file
from corpusmine.store import Store

# Short articles in two domains (a harbour town's water plant, a football club).
WATER = (
    "date 2024-05-02\nHarbour council approves new water plant\n\n"
    'Mayor Ingrid Solberg said: "The plant will serve 12,000 homes from next spring."\n\n'
    "The utility Vestvann said the works would cost about £4 million.\n"
)
FOOTBALL = (
    "date 2024-03-10\nRovers appoint new manager\n\n"
    'Chairman Malik Osei said: "Dana Whitfield is the right person to lead Rovers."\n\n'
    "Whitfield said the club would sign two strikers before the window closes.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def texts(db: Path) -> dict[str, str]:
    with Store(db, create=False) as store:
        return dict(store.document_texts())


# --- 1. id collisions ---------------------------------------------------------------------


def test_a_document_id_is_never_silently_reused_for_another_file(tmp_path: Path) -> None:
    business = write(tmp_path / "corpus" / "business", "001.txt", WATER).parent
    politics = write(tmp_path / "corpus" / "politics", "001.txt", FOOTBALL).parent
    db = tmp_path / "x.db"
    assert run("extract", str(business), "--db", str(db))[0] == 0
    code, _, err = run("extract", str(politics), "--db", str(db))
    assert code == 1
    assert "already holds" in err and str(business / "001.txt") in err and "--replace" in err
    assert "water plant" in texts(db)["001"]  # the business document is still there
    code, _, err = run("extract", str(politics), "--db", str(db), "--replace")
    assert code == 0, err
    assert "Rovers" in texts(db)["001"]


def test_a_moved_folder_keeps_its_ids(tmp_path: Path) -> None:
    old = write(tmp_path / "old", "001.txt", WATER).parent
    db = tmp_path / "x.db"
    assert run("extract", str(old), "--db", str(db))[0] == 0
    new = tmp_path / "new"
    shutil.move(old, new)
    code, _, err = run("extract", str(new), "--db", str(db))
    assert code == 0 and "1 unchanged" in err
    with Store(db, create=False) as store:
        assert [d.origin for d in store.documents()] == [str(new / "001.txt")]


# --- 2. an interrupted --force ------------------------------------------------------------


def _links(db: Path) -> tuple[int, int, str]:
    with Store(db, create=False) as store:
        unlinked = sum(1 for m in store.mentions() if m.entity_id is None)
        speakerless = sum(1 for q in store.quotes() if q.speaker_id is None)
    return unlinked, speakerless, corpusmine.open(db).report().to_json()


def test_an_interrupted_force_run_is_completed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    write(folder, "football.txt", FOOTBALL)
    db = tmp_path / "x.db"
    assert run("extract", str(folder), "--db", str(db))[0] == 0
    clean = _links(db)
    original = Store.save_extraction

    def crash_on_second(self, *args, **kwargs):
        if getattr(crash_on_second, "done", False):
            raise KeyboardInterrupt
        crash_on_second.done = True
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_extraction", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        corpusmine.extract([folder], db=db, force=True)
    monkeypatch.setattr(Store, "save_extraction", original)
    # The next ordinary run finds nothing to re-extract, but must resolve again.
    summary = corpusmine.extract([folder], db=db).summary
    assert summary is not None and summary.extracted == ()
    assert _links(db) == clean


# --- 3. symlinks out of the corpus --------------------------------------------------------


def test_links_leaving_the_folder_are_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    secret = write(tmp_path / "outside", "secret.txt", "root:x:0:0:Secret Person:/root:/bin/sh\n")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    (folder / "again.txt").symlink_to(folder / "water.txt")  # inside the folder: fine
    db = tmp_path / "x.db"
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 1
    assert err.count("outside the folders given") == 2 and "--follow-links" in err
    stored = texts(db)
    assert set(stored) == {"water", "again"}
    assert not any("Secret Person" in t for t in stored.values())
    code, _, err = run("extract", str(folder), "--db", str(db), "--follow-links")
    assert code == 0, err
    assert {"passwd", "elsewhere/secret"} <= set(texts(db))


# --- 4. formula injection -----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_csv_cells_never_start_a_formula() -> None:
    rows = [{"text": value, "n": -5} for value in FORMULAS] + [{"text": "plain", "n": 1}]
    out = list(csv.DictReader(io.StringIO(to_csv(rows, ["text", "n"]))))
    assert [r["text"] for r in out[:-1]] == ["'" + v for v in FORMULAS]
    assert out[-1]["text"] == "plain" and out[0]["n"] == "-5"  # numbers stay numbers


def test_xlsx_cells_never_start_a_formula(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "out.xlsx"
    to_xlsx([{"text": value} for value in FORMULAS], ["text"], str(path))
    sheet = openpyxl.load_workbook(path).active
    cells = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert cells == ["'" + v for v in FORMULAS]
    assert all(row[0].data_type == "s" for row in sheet.iter_rows(min_row=2))


# --- 6. file names in the terminal --------------------------------------------------------


def test_file_names_are_printed_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "[/red]oops.txt", WATER)
    write(folder, "[draft] minutes.txt", FOOTBALL)
    write(folder, "[bold]empty.txt", "")
    write(folder, "evil\x1b[2J.txt", "")
    db = tmp_path / "x.db"
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 1  # the two empty files
    assert set(texts(db)) == {"[/red]oops", "[draft] minutes"}
    assert "[bold]empty.txt: empty file" in err
    assert "\x1b" not in err and "evil\\x1b[2J.txt" in err
    _, out, _ = run("entities", "--db", str(db))
    assert "\x1b" not in out


# --- 7. workers die with their parent -----------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_die_when_extract_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    for i in range(70):  # more than two batches, so that --jobs 2 starts its workers
        write(folder, f"{i:03}.txt", (WATER if i % 2 else FOOTBALL) * 3)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen(
        [sys.executable, "-m", "corpusmine.cli", "extract", str(folder), "--db",
         str(tmp_path / "x.db"), "--jobs", "2", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    workers: set[int] = set()
    deadline = time.monotonic() + 240
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.2)
        workers = _children(parent.pid)
    assert len(workers) >= 2, "the workers never started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60  # generous: the kernel signals them at once
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)


# --- 8. silent skips ----------------------------------------------------------------------


def test_an_unreadable_subfolder_is_a_failure_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    write(folder / "locked", "football.txt", FOOTBALL)
    real_scandir = os.scandir

    def scandir(path="."):  # root reads every folder, so refuse one as a user would be
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run("extract", str(folder), "--db", str(tmp_path / "x.db"))
    assert code == 1 and "locked: permission denied" in err


def test_a_path_longer_than_the_system_allows_is_a_failure_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    deep = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 200 characters: past PATH_MAX (4096)
            os.mkdir("d" * 200, dir_fd=deep)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        with open(os.open("note.txt", os.O_WRONLY | os.O_CREAT, dir_fd=deep), "w") as handle:
            handle.write(FOOTBALL)
    finally:
        os.close(deep)
    code, _, err = run("extract", str(folder), "--db", str(tmp_path / "x.db"))
    assert code == 1 and "longer than the system allows" in err


def test_an_empty_folder_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run("extract", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "warning:" in err
    assert "no .txt, .md, .html, .htm, .pdf or .docx files" in " ".join(err.split())


# --- 9. and 10. the aliases file ----------------------------------------------------------


def test_yaml_aliases_and_anchors_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 9)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.process_time()
    with pytest.raises(AliasFileError, match="anchors and aliases"):
        load_alias_file(str(bomb))
    assert time.process_time() - started < 5  # generous: it is refused before expansion
    code, _, err = run("extract", str(tmp_path), "--db", str(tmp_path / "x.db"),
                       "--aliases", str(bomb))  # fmt: skip
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_an_oversized_aliases_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("canonical,alias\n" + "Some Body,Some B\n" * 70_000, encoding="utf-8")
    with pytest.raises(AliasFileError, match="limit"):
        load_alias_file(str(big))


def test_an_alias_under_two_canonicals_names_both(tmp_path: Path) -> None:
    fix = tmp_path / "fix.csv"
    fix.write_text("Ingrid Solberg,the mayor\nMalik Osei,The Mayor\n", encoding="utf-8")
    with pytest.raises(AliasFileError) as found:
        load_alias_file(str(fix))
    assert "'Ingrid Solberg'" in str(found.value) and "'Malik Osei'" in str(found.value)


def test_an_unknown_canonical_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    fix = tmp_path / "fix.csv"
    fix.write_text("Ingrid Solberg,Mayor Solberg\nNobody Atall,Zzyzx\n", encoding="utf-8")
    code, _, err = run(
        "extract", str(folder), "--db", str(tmp_path / "x.db"), "--aliases", str(fix)
    )
    assert code == 0
    assert err.count("'Nobody Atall' names no entity") == 1 and "'Ingrid Solberg'" not in err


# --- 11. database errors ------------------------------------------------------------------


def test_a_damaged_database_is_one_line_and_not_written(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    shutil.copy(seed_db, db)
    size = db.stat().st_size
    with open(db, "r+b") as handle:
        handle.seek(size // 4)
        handle.write(os.urandom(size // 2))
    before = db.read_bytes()
    folder = write(tmp_path / "corpus", "water.txt", WATER).parent
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 2 and "damaged" in err and err.count("\n") == 1
    assert db.read_bytes() == before
    for command in ("entities", "who-said", "claims", "timeline", "report"):
        code, _, err = run(command, "--db", str(db))
        assert code == 2 and "Traceback" not in err and err.count("\n") == 1, (command, err)


def test_a_read_only_database_fails_before_the_nlp(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from corpusmine.nlp import pipeline
    from corpusmine.store import database

    db = tmp_path / "ro.db"
    shutil.copy(seed_db, db)
    real_connect = sqlite3.connect

    def read_only(path, *args, **kwargs):  # as root, chmod does not stop writes
        return real_connect(f"{Path(path).as_uri()}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", read_only)
    monkeypatch.setattr(pipeline, "build_pipeline", lambda *a, **k: pytest.fail("NLP ran"))
    folder = write(tmp_path / "corpus", "water.txt", WATER).parent
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 2 and "cannot write" in err and err.count("\n") == 1


def test_a_full_disk_is_one_line_naming_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpusmine.store import database

    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER * 40)
    db = tmp_path / "full.db"
    Store(db).close()  # an empty database, then a disk that holds only a few more pages
    real = database.Store._check_and_migrate

    def small_disk(self, *args):
        real(self, *args)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(database.Store, "_check_and_migrate", small_disk)
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 2 and "full" in err and "no transaction" not in err
    assert err.count("\n") == 1


def test_report_into_a_missing_folder_is_one_line(seed_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "report.html"
    code, _, err = run("report", "--db", str(seed_db), "--format", "html", "--output", str(target))
    assert code == 2 and str(target) in err and err.count("\n") == 1


# --- 12. smaller things -------------------------------------------------------------------


def test_a_document_longer_than_spacys_default_limit_is_parsed() -> None:
    import spacy

    from corpusmine.ingest import document_from_text
    from corpusmine.runner import _fit_max_length

    nlp = spacy.blank("en")
    text = "The plant opened. " * 60_000  # 1,080,000 characters
    _fit_max_length(nlp, [document_from_text(text)])
    assert len(nlp(text)) > 200_000


def test_mixed_utf8_and_cp1252_lines_are_decoded_line_by_line(tmp_path: Path) -> None:
    data = "Zoë Ångström said the plant “works”.\n".encode() + "Costs: £4m – maybe.\n".encode(
        "cp1252"
    )
    text, encoding = decode(data)
    assert text == "Zoë Ångström said the plant “works”.\nCosts: £4m – maybe.\n"
    assert encoding == "utf-8+cp1252"
    path = tmp_path / "corpus" / "mixed.txt"
    path.parent.mkdir()
    path.write_bytes(b"date 2024-05-02\nPlant\n\n" + data)
    code, _, err = run("extract", str(path.parent), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "decoded line by line" in err
    assert "Zoë Ångström" in texts(tmp_path / "x.db")["mixed"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec: str) -> None:
    assert decode(FOOTBALL.encode(codec)) == (FOOTBALL, codec)


def test_a_nul_anywhere_means_binary() -> None:
    with pytest.raises(NotText, match="NUL"):
        decode(("x" * 70_000 + "\x00 tail").encode())


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from corpusmine import api
    from corpusmine import cli as cli_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "extract", interrupted)
    monkeypatch.setattr(sys, "argv", ["corpusmine", "extract", ".", "--quiet"])
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 130 and "Interrupted" in capsys.readouterr().err


def test_prune_drops_documents_whose_file_is_gone(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    old = write(folder, "football.txt", FOOTBALL)
    db = tmp_path / "x.db"
    assert run("extract", str(folder), "--db", str(db))[0] == 0
    old.rename(folder / "renamed.txt")
    code, _, err = run("extract", str(folder), "--db", str(db))
    assert code == 0 and "--prune" in err
    assert set(texts(db)) == {"water", "football", "renamed"}
    code, _, err = run("extract", str(folder), "--db", str(db), "--prune")
    assert code == 0 and "pruned 1" in err
    assert set(texts(db)) == {"water", "renamed"}
    claims = json.loads(run("claims", "--db", str(db), "--format", "json")[1])
    assert all(c["document"] != "football" for c in claims)


def test_jobs_are_capped_at_the_cpus(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write(folder, "water.txt", WATER)
    summary = corpusmine.extract([folder], db=tmp_path / "x.db", jobs=10_000).summary
    assert summary is not None and summary.failures == ()
    assert any(f"using {os.cpu_count()}" in note for note in summary.notes)


# --- 5. one long document never holds its batch back --------------------------------------


def test_a_long_document_is_parsed_in_a_batch_of_its_own() -> None:
    from corpusmine.ingest import document_from_text
    from corpusmine.runner import LONG_DOCUMENT_CHARS, _batches

    short = [document_from_text(WATER, document_id=f"s{i}") for i in range(5)]
    long = document_from_text(
        "The plant opened. " * (LONG_DOCUMENT_CHARS // 18 + 1), document_id="L"
    )
    batches = list(_batches(iter([short[0], long, *short[1:]]), 2))
    assert [[d.id for d in b] for b in batches] == [["L"], ["s0", "s1"], ["s2", "s3"], ["s4"]]


def test_quote_extraction_grows_linearly_with_repeated_quotes() -> None:
    """N times 'Maria Lopez said: "..."': doubling N about doubles the quote extractor's
    work, counted as the lines of extract/quotes/ it executes (not seconds)."""
    from corpusmine.extract import extract_document
    from corpusmine.ingest import document_from_text
    from corpusmine.nlp import build_pipeline

    nlp = build_pipeline(None)
    counts = []
    for n in (100, 200, 400):
        text = "Title\n\n" + "\n\n".join(
            f'Maria Lopez said: "The plan number {i} is good." She said: "Yes."' for i in range(n)
        )
        source = document_from_text(text, document_id=f"q{n}")
        doc = nlp(source.clean)
        lines = _count_lines(functools.partial(extract_document, doc, source, None), "/quotes/")
        counts.append(lines)
    assert counts[2] <= 2.5 * counts[1] and counts[1] <= 2.5 * counts[0], counts


def _count_lines(work, folder: str) -> int:
    """Lines executed in files whose path contains ``folder`` while ``work()`` runs."""
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
        return local

    def calls(frame, event, arg):
        return local if folder in frame.f_code.co_filename else None

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count[0]


def test_a_database_in_a_read_only_folder_can_still_be_queried(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from corpusmine.store import database

    db = tmp_path / "seeds.db"
    shutil.copy(seed_db, db)
    real_connect = sqlite3.connect

    def folder_read_only(target, *args, uri=False, **kwargs):
        # As SQLite answers when it cannot create its side files (root ignores chmod).
        if not uri:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, uri=uri, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", folder_read_only)
    code, out, err = run("entities", "--db", str(db), "--format", "json")
    assert code == 0, err
    assert "Jason Smithers" in {e["name"] for e in json.loads(out)}
    code, _, err = run("extract", str(tmp_path), "--db", str(db))
    assert code == 2 and err.count("\n") == 1  # writing still refuses, in one line


def test_a_migration_already_applied_by_another_process_is_not_applied_twice(
    tmp_path: Path,
) -> None:
    # Two extracts creating one new file: the second read version 0 before the first
    # committed, then waits for the lock; it must re-read the version under the lock
    # (ALTER TABLE ... ADD COLUMN would fail the second time).
    db = tmp_path / "new.db"
    with Store(db) as first:
        first._migrate()  # as the second process does once it holds the lock
        assert first.documents() == []  # reads every column, origin included
    with Store(db) as again:
        assert again.integrity_check() == "ok"
