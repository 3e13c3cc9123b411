"""`corpusmine extract` and `entities` as a user runs them, bad input included."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusmine.cli import cli
from corpusmine.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def bad_corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    """A folder with two good documents and one of each kind of bad file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seeds_dir / "004_c40e236ad98d6d9d.txt", corpus / "good.txt")
    (corpus / "latin1.txt").write_bytes(
        "Council tax rises by \xa3120, Cllr Ann Lee said.\n".encode("latin-1")
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (corpus / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    (corpus / "dangling.txt").symlink_to(corpus / "missing-target.txt")
    (corpus / "loop").symlink_to(corpus)  # a folder link back to its parent
    (corpus / "notes.csv").write_text("ignored,because,not,txt\n")
    return corpus


def test_bad_files_are_reported_and_the_rest_stored(bad_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    code, _, err = run(
        "extract",
        str(bad_corpus),
        str(tmp_path / "no-such-folder"),
        "--db",
        str(db),
        "--max-mb",
        "0.004",
    )
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("skipped")]
    reasons = "\n".join(lines)
    assert "empty.txt: empty file" in reasons
    assert "binary.txt: binary file" in reasons
    assert "huge.txt: file is" in reasons and "limit" in reasons
    assert "dangling.txt: broken symlink" in reasons
    assert "no-such-folder: no such file or folder" in reasons
    assert "symlink loop" in reasons
    with Store(db, create=False) as store:
        stored = {d.id: d.encoding for d in store.documents()}
    assert stored == {"good": "utf-8", "latin1": "cp1252"}


def test_latin1_text_is_decoded_not_dropped(bad_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    run("extract", str(bad_corpus / "latin1.txt"), "--db", str(db))
    with Store(db, create=False) as store:
        assert "\u00a3120" in store.document_text("latin1")


def test_clean_run_exits_zero_and_rerun_skips(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, _, err = run("extract", str(seeds_dir), "--db", str(db))
    assert code == 0, err
    assert "5 extracted, 0 unchanged" in err
    code, _, err = run("extract", str(seeds_dir), "--db", str(db))
    assert code == 0
    assert "0 extracted, 5 unchanged" in err
    code, _, err = run("extract", str(seeds_dir), "--db", str(db), "--force")
    assert "5 extracted, 0 unchanged" in err


def test_editing_one_file_re_extracts_exactly_that_file(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(seeds_dir, corpus)
    db = tmp_path / "e.db"
    run("extract", str(corpus), "--db", str(db))
    target = corpus / "001_a4a2f7c9588256ae.txt"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8"
    )
    code, _, err = run("extract", str(corpus), "--db", str(db))
    assert code == 0
    assert "1 extracted, 4 unchanged" in err
    with Store(db, create=False) as store:
        assert "A new closing line." in store.document_text("001_a4a2f7c9588256ae")


def test_document_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "sub" / "note.md").write_text("# Heading\n\nThe council met.\n")
    db = tmp_path / "ids.db"
    run("extract", str(tmp_path / "corpus"), "--db", str(db))
    with Store(db, create=False) as store:
        assert [d.id for d in store.documents()] == ["sub/note"]


def test_future_schema_is_refused_and_untouched(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "future.db"
    with Store(db):
        pass
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = db.read_bytes()
    code, _, err = run("extract", str(seeds_dir), "--db", str(db))
    assert code == 2
    assert "schema version 99 is newer" in err
    assert db.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "other.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE things (x)")
    connection.close()
    code, _, err = run("entities", "--db", str(db))
    assert code == 2 and "not a corpusmine database" in err


def test_query_without_database_says_how_to_make_one(tmp_path: Path) -> None:
    code, _, err = run("entities", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "run 'corpusmine extract PATH' first" in err


def test_usage_error_exits_two() -> None:
    code, _, _ = run("extract")
    assert code == 2


def test_interrupted_run_is_completed_by_the_next(
    seeds_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    db = tmp_path / "crash.db"
    original = Store.save_extraction
    calls = {"n": 0}

    def crash_on_third(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_extraction", crash_on_third)
    with pytest.raises(KeyboardInterrupt), Store(db) as store:
        from corpusmine.runner import run_extract

        run_extract([str(seeds_dir)], store)
    monkeypatch.setattr(Store, "save_extraction", original)
    with Store(db, create=False) as store:
        assert len(store.documents()) == 2
        assert store.integrity_check() == "ok"
    code, _, err = run("extract", str(seeds_dir), "--db", str(db))
    assert code == 0 and "3 extracted, 2 unchanged" in err


def test_two_runs_at_once_both_succeed(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "both.db"
    command = [
        sys.executable,
        "-m",
        "corpusmine.cli",
        "extract",
        str(seeds_dir),
        "--db",
        str(db),
        "--quiet",
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    second = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    outputs = [first.communicate(timeout=300)[1], second.communicate(timeout=300)[1]]
    assert first.returncode == 0 and second.returncode == 0, outputs
    with Store(db, create=False) as store:
        assert len(store.documents()) == 5
        assert store.integrity_check() == "ok"


def test_entities_json_follows_the_contract(seed_db: Path) -> None:
    code, out, _ = run("entities", "--db", str(seed_db), "--format", "json")
    assert code == 0
    records = json.loads(out)
    for record in records:
        assert {"id", "name", "type", "aliases", "roles", "mentions", "documents"} <= set(record)
        assert record["type"] in {"PERSON", "ORG", "GPE", "ROLE", "PRODUCT", "OTHER"}
    ofsted = [r for r in records if r["name"] == "Ofsted"]
    assert len(ofsted) == 1 and ofsted[0]["type"] == "ORG" and len(ofsted[0]["documents"]) == 5


def test_entities_type_filter_and_csv(seed_db: Path) -> None:
    code, out, _ = run("entities", "--db", str(seed_db), "--type", "person", "--format", "csv")
    assert code == 0
    header, *rows = out.strip().splitlines()
    assert header.startswith("id,name,type")
    assert rows and all(",PERSON," in row for row in rows)


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        code, out, _ = run(name, "--help")
        assert code == 0, name
        assert command.help and "Example" in out, name


def test_stored_mention_offsets_slice_the_original_file(seed_store: Store, seeds_dir: Path) -> None:
    count = 0
    for _, mention in seed_store.mention_records():
        original = (seeds_dir / f"{mention.document}.txt").read_text(encoding="utf-8")
        assert original[mention.start : mention.end] == mention.text
        sentence = original[mention.sentence_start : mention.sentence_end]
        assert mention.sentence_start <= mention.start and mention.end <= mention.sentence_end, (
            sentence
        )
        count += 1
    assert count > 200
