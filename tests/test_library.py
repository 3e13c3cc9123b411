"""The library API of DESIGN.md (``corpusmine.open``, ``corpusmine.extract``) and the
promises the CLI relies on: remembered aliases, one cache key, frames and spreadsheets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import corpusmine
from corpusmine.cli import cli
from corpusmine.nlp import signature
from corpusmine.query import Statement
from corpusmine.store import Store

# A second domain beside the seeds: a small-town water story.
WATER = {
    "harbour.txt": (
        "date 2024-05-02\n"
        "Harbour council approves new water plant\n\n"
        'Mayor Ingrid Solberg said: "The plant will serve 12,000 homes from next spring."\n\n'
        "The utility Vestvann said the works would cost about £4 million.\n"
    ),
    "letters.txt": (
        "date 2024-05-09\n"
        "Letters: the water plant\n\n"
        "Ingrid Solberg told residents the plant would serve 11,000 homes.\n"
    ),
}


@pytest.fixture(scope="module")
def water(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("water")
    for name, text in WATER.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_open_answers_the_design_questions_as_records(seed_db: Path) -> None:
    corpus = corpusmine.open(seed_db)
    said = corpus.who_said("Smithers")
    assert said and all(isinstance(s, Statement) for s in said)
    assert {s.speaker for s in said} == {"Jason Smithers"}
    frame = said.to_frame()
    assert list(frame.columns[:9]) == ["document", "speaker", "speaker_id", "speaker_mention",
                                       "text", "kind", "cue", "start", "end"]  # fmt: skip
    assert len(frame) == len(said)
    people = corpus.entities("PERSON")
    assert people and {e.type for e in people} == {"PERSON"}
    assert set(people.to_frame()["name"]) == {e.name for e in people}
    claims = corpus.claims(attribute="count of children")
    assert claims and all(c.attribute.startswith("count of children") for c in claims)
    report = corpus.report()
    assert report.data["summary"]["documents"] == 5
    assert "<!DOCTYPE html>" in report.to_html()
    assert report.to_markdown().startswith("# corpusmine report")


def test_library_results_are_what_the_cli_prints(seed_db: Path) -> None:
    corpus = corpusmine.open(seed_db)
    for command, records in (
        (["who-said", "Ofsted"], corpus.who_said("Ofsted")),
        (["entities"], corpus.entities()),
        (["claims"], corpus.claims()),
        (["mentions", "--label", "DATE"], corpus.mentions("DATE")),
    ):
        result = CliRunner().invoke(cli, [*command, "--db", str(seed_db), "--format", "json"])
        assert json.loads(result.output) == json.loads(json.dumps(records.dicts()))


def test_open_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(corpusmine.CorpusmineError, match="no database here"):
        corpusmine.open(tmp_path / "none.db")


def test_extract_remembers_aliases_through_the_library(water: Path, tmp_path: Path) -> None:
    db = tmp_path / "water.db"
    corpus = corpusmine.extract([water], db=db)
    assert corpus.summary is not None and corpus.summary.failures == ()
    assert "Vestvann" in {e.name for e in corpus.entities()}
    # A correction given once, as pairs (a file path works the same way) ...
    corpusmine.extract([water], db=db, aliases=[("Harbour Water Utility", "Vestvann")])
    names = {e.name for e in corpusmine.open(db).entities()}
    assert "Vestvann" not in names and "Harbour Water Utility" in names
    # ... is kept by a later run that passes none, as the CLI's --aliases is.
    again = corpusmine.extract([water], db=db)
    assert again.summary is not None and again.summary.extracted == ()
    assert "Harbour Water Utility" in {e.name for e in again.entities()}
    with Store(db, create=False) as store:
        assert store.stored_aliases() == [("Harbour Water Utility", "Vestvann")]


def test_aliases_file_through_the_library(water: Path, tmp_path: Path) -> None:
    db = tmp_path / "water.db"
    fix = tmp_path / "fix.csv"
    fix.write_text("canonical,alias\nHarbour Water Utility,Vestvann\n", encoding="utf-8")
    corpus = corpusmine.extract([water], db=db, aliases=fix)
    assert "Harbour Water Utility" in {e.name for e in corpus.entities()}


def test_one_digest_keys_documents_and_report(
    water: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "water.db"
    corpusmine.extract([water], db=db)
    with Store(db, create=False) as store:
        pipelines = {d.pipeline for d in store.documents()}
        report_key = store.get_meta("report_key")
    digest = signature.code_digest()
    # (an explicit date is part of the key too: it changes what relative dates mean)
    assert {p.split("|")[0] for p in pipelines} == {f"{signature.model_name()}:{digest}"}
    assert report_key is not None and report_key.endswith(":" + digest)
    # Any change to code or knowledge files changes the digest: everything is redone.
    monkeypatch.setattr(signature, "code_digest", lambda: "0" * 16)
    redone = corpusmine.extract([water], db=db)
    assert redone.summary is not None and len(redone.summary.extracted) == len(WATER)
    with Store(db, create=False) as store:
        assert store.get_meta("report_key").endswith(":" + "0" * 16)


def test_the_digest_covers_knowledge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    models = tmp_path / "models"
    shutil.copytree(Path(signature.__file__).resolve().parents[1] / "models", models)
    monkeypatch.setenv("CORPUSMINE_MODELS", str(models))
    signature.code_digest.cache_clear()
    before = signature.code_digest()
    first = sorted(models.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# a changed rule file\n")
    signature.code_digest.cache_clear()
    try:
        assert signature.code_digest() != before
    finally:
        monkeypatch.delenv("CORPUSMINE_MODELS")
        signature.code_digest.cache_clear()


@pytest.mark.parametrize("command", [["entities"], ["who-said"], ["claims"], ["timeline"]])
def test_xlsx_output_has_the_json_records(seed_db: Path, tmp_path: Path, command: list) -> None:
    import pandas

    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(
        cli, [*command, "--db", str(seed_db), "--format", "xlsx", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    sheet = pandas.read_excel(out, engine="openpyxl")
    rows = json.loads(
        CliRunner().invoke(cli, [*command, "--db", str(seed_db), "--format", "json"]).output
    )
    assert len(sheet) == len(rows)
    if "document" in sheet.columns:
        assert list(sheet["document"]) == [r["document"] for r in rows]


def test_xlsx_needs_an_output_file(seed_db: Path) -> None:
    result = CliRunner().invoke(cli, ["entities", "--db", str(seed_db), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "--output" in result.output
