"""The query commands as a user runs them on the seed database: the JSON contract of
DESIGN.md, speaker matching through aliases, filters, and the report outputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusmine.cli import cli
from corpusmine.temporal.calendar import parse_value

QUOTE_FIELDS = {
    "document",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "text",
    "kind",
    "cue",
    "start",
    "end",
}
CLAIM_FIELDS = {
    "id", "document", "subject", "subject_id", "attribute", "value", "normalized", "unit",
    "qualifier", "as_of", "speaker", "sentence", "start", "end",
}  # fmt: skip
MENTION_FIELDS = {"document", "start", "end", "label", "text", "entity_id", "normalized"}


def run_json(db: Path, *args: str) -> list | dict:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_who_said_json_contract_and_offsets(seed_db: Path, seeds_dir: Path) -> None:
    quotes = run_json(seed_db, "who-said")
    assert len(quotes) > 20
    for quote in quotes:
        assert set(quote) >= QUOTE_FIELDS
        assert quote["kind"] in {"direct", "indirect", "partial"}
        original = (seeds_dir / f"{quote['document']}.txt").read_text(encoding="utf-8")
        assert original[quote["start"] : quote["end"]] == quote["text"]
        assert quote["text"][:1] not in {'"', "“", "‘"} and quote["text"][-1:] not in {'"', "”"}


@pytest.mark.parametrize(
    "asked", ["Smithers", "Cllr Smithers", "jason smithers", "Cllr Jason Smithers"]
)
def test_who_said_matches_speaker_through_aliases(seed_db: Path, asked: str) -> None:
    quotes = run_json(seed_db, "who-said", asked)
    assert quotes
    assert {q["speaker"] for q in quotes} == {"Jason Smithers"}
    # He speaks in the joint statement (000) and on his own after the meeting (004).
    assert {q["document"][:3] for q in quotes} >= {"000", "004"}


def test_who_said_does_not_mix_people(seed_db: Path) -> None:
    nunn = run_json(seed_db, "who-said", "Cllr Nunn")
    assert nunn and {q["speaker"] for q in nunn} == {"Jonathan Nunn"}
    ofsted = run_json(seed_db, "who-said", "Ofsted")
    assert ofsted and {q["speaker"] for q in ofsted} == {"Ofsted"}


def test_who_said_about_filters_by_words(seed_db: Path) -> None:
    quotes = run_json(seed_db, "who-said", "--about", "foster carers")
    assert quotes
    assert all("foster carer" in q["text"].lower().replace("’", "'") for q in quotes)


def test_who_said_document_and_kind_filters(seed_db: Path) -> None:
    quotes = run_json(
        seed_db, "who-said", "--document", "002_a567c5bbb173bc07", "--kind", "indirect"
    )
    assert quotes
    assert {q["document"] for q in quotes} == {"002_a567c5bbb173bc07"}
    assert {q["kind"] for q in quotes} == {"indirect"}


def test_who_said_table_groups_by_speaker(seed_db: Path) -> None:
    result = CliRunner().invoke(cli, ["who-said", "Wooster", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert "Julian Wooster (" in result.stdout


def test_claims_json_contract(seed_db: Path, seeds_dir: Path) -> None:
    claims = run_json(seed_db, "claims")
    assert claims
    for claim in claims:
        assert set(claim) >= CLAIM_FIELDS
        assert claim["qualifier"] in {"exact", "approximate", "at_least", "at_most"}
        original = (seeds_dir / f"{claim['document']}.txt").read_text(encoding="utf-8")
        assert claim["sentence"] and claim["sentence"] in original
    approximate = [c for c in claims if c["value"] == "about 500"]
    assert approximate and approximate[0]["qualifier"] == "approximate"


def test_claims_filters(seed_db: Path) -> None:
    ratings = run_json(seed_db, "claims", "--attribute", "rating")
    assert ratings and all("rating" in c["attribute"] for c in ratings)
    agency = run_json(seed_db, "claims", "--subject", "Fostering Agency")
    assert agency and all("Fostering Agency" in c["subject"] for c in agency)


def test_mentions_json_contract_and_normalised_values(seed_db: Path) -> None:
    mentions = run_json(seed_db, "mentions", "--document", "004_c40e236ad98d6d9d")
    for mention in mentions:
        assert set(mention) >= MENTION_FIELDS
    by_text = {m["text"]: m["normalized"] for m in mentions}
    assert by_text["last night"] == "2023-03-22"
    assert by_text["earlier this week"] == "2023-W12"


def test_timeline_lists_dated_events_in_order(seed_db: Path) -> None:
    events = run_json(seed_db, "timeline")
    periods = [parse_value(e["date"]) for e in events]
    starts = [p.start for p in periods if p is not None]
    assert len(starts) >= 5 and starts == sorted(starts)
    visit = [e for e in events if e["date"] == "2023-04" and "monitoring visit" in e["event"]]
    assert visit and {"002_a567c5bbb173bc07", "004_c40e236ad98d6d9d"} <= set(visit[0]["documents"])


def test_report_json_shape(seed_db: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--format", "json", "--db", str(seed_db)])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {"documents", "contradictions", "agreements", "single_source"} <= set(report)
    assert len(report["documents"]) == 5
    for finding in report["contradictions"] + report["agreements"]:
        assert {"subject", "attribute", "verdict", "claims", "explanation"} <= set(finding)


def test_report_markdown_and_html_files(seed_db: Path, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["report", "--format", "html", "--output", str(html), "--db", str(seed_db)]
    )
    assert result.exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Contradictions" in page
    result = CliRunner().invoke(cli, ["report", "--db", str(seed_db)])
    assert result.stdout.startswith("# ") and "## Contradictions" in result.stdout


def test_csv_output_is_parseable(seed_db: Path) -> None:
    result = CliRunner().invoke(cli, ["who-said", "--db", str(seed_db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and set(rows[0]) >= QUOTE_FIELDS


def test_aliases_file_merges_and_is_remembered(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "aliases.db"
    runner = CliRunner()
    runner.invoke(cli, ["extract", str(seeds_dir), "--db", str(db)])
    corrections = tmp_path / "fix.csv"
    corrections.write_text("canonical,alias\nOfsted,Department for Education\n", encoding="utf-8")
    result = runner.invoke(
        cli, ["extract", str(seeds_dir), "--db", str(db), "--aliases", str(corrections)]
    )
    assert result.exit_code == 0 and "0 extracted, 5 unchanged" in result.stderr
    names = {e["name"] for e in run_json(db, "entities")}
    assert "Department for Education" not in names
    # A later run without --aliases keeps the correction.
    runner.invoke(cli, ["extract", str(seeds_dir), "--db", str(db)])
    assert "Department for Education" not in {e["name"] for e in run_json(db, "entities")}


@pytest.mark.parametrize("command", ["report", "who-said", "claims", "entities", "timeline"])
def test_json_output_is_written_as_the_standard_library_writes_it(
    seed_db: Path, command: str
) -> None:
    # Other tools diff these files: the fast writer must not change a byte of layout.
    result = CliRunner().invoke(cli, [command, "--format", "json", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.output)
    assert result.output.rstrip("\n") == json.dumps(parsed, ensure_ascii=False, indent=2)


def test_json_writer_handles_empty_nested_and_non_ascii_values() -> None:
    from corpusmine.report.output import json_text

    value = {"a": [], "b": {}, "c": [{"d": "Café – “quoted”", "e": None, "f": 1.5}], 7: [[]]}
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_extract_stores_the_report_and_report_serves_it(seed_db: Path, tmp_path: Path) -> None:
    import shutil

    from corpusmine.query.report import fresh_report
    from corpusmine.report.output import json_text
    from corpusmine.store import Store

    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with Store(db, create=False) as store:
        live = json_text(fresh_report(store))
        assert store.get_meta("report_json") == live  # made by extract
        store.set_meta("report_json", '{"served": "from the database"}')
    served = CliRunner().invoke(cli, ["report", "--format", "json", "--db", str(db)])
    assert json.loads(served.output) == {"served": "from the database"}


def test_a_stored_report_is_not_served_once_the_records_change(
    seed_db: Path, tmp_path: Path
) -> None:
    import shutil

    from corpusmine.store import Store

    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with Store(db, create=False) as store:
        store.set_meta("report_json", '{"served": "stale"}')
        # What a later extract or alias change does before it re-resolves.
        store.set_meta("resolved_state", "another state")
    for output_format in ("json", "md"):
        result = CliRunner().invoke(cli, ["report", "--format", output_format, "--db", str(db)])
        assert result.exit_code == 0 and "stale" not in result.output
    report = run_json(db, "report")
    assert report["summary"]["documents"] == 5
