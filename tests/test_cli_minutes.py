"""``attendance`` and ``decisions`` as a user runs them on two meetings of one parish
council and one eScribe-style committee (issue 14): the JSON fields of DESIGN.md, a
person followed across meetings, filters, offsets that slice the stored text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusmine.cli import cli

ATTENDANCE_FIELDS = {"document", "name", "entity_id", "status", "role", "start", "end"}
DECISION_FIELDS = {
    "id", "document", "item", "kind", "text", "moved_by", "moved_by_id", "seconded_by",
    "seconded_by_id", "outcome", "votes_for", "votes_against", "abstentions", "voters",
    "actor", "start", "end",
}  # fmt: skip

MARCH = """\
---
title: Minutes of Brackley Green Parish Council, March
date: 2024-03-05
---
MINUTES OF THE MEETING OF BRACKLEY GREEN PARISH COUNCIL HELD ON 5TH MARCH 2024

PRESENT Chairman (Mr. Halloran, who presided), Mrs. Whitcombe and Messrs Dyer and Fenn.

IN ATTENDANCE The Clerk (Mrs. R. Ashby).

APOLOGIES were received from Mr. Goss.

1. MINUTES
The minutes of the meeting held on 6th February were proposed by Mrs. Whitcombe \
and seconded by Mr. Dyer and were signed as a true record.

2. BUS SHELTER
Mrs. Whitcombe proposed that the bus shelter be replaced; this was seconded by Mr. Fenn. \
On being put to the vote the motion was lost, 1 for, 3 against.
The Clerk to write to the County Council about the shelter.

The meeting closed at 8.55 p.m.
"""

APRIL = """\
---
title: Minutes of Brackley Green Parish Council, April
date: 2024-04-02
---
MINUTES OF THE MEETING OF BRACKLEY GREEN PARISH COUNCIL HELD ON 2ND APRIL 2024

PRESENT Mr. Halloran (Chairman), Mrs. Whitcombe, Mr. Goss and Mr. Fenn.

APOLOGIES were received from Mr. Dyer.

1. MINUTES
The minutes of the meeting held on 5th March were proposed by Mr. Fenn \
and seconded by Mrs. Whitcombe and were signed as a true record.

2. GRASS CUTTING
It was proposed by Mr. Goss and seconded by Mrs. Whitcombe that the grass cutting \
contract be renewed. Carried unanimously.

The meeting closed at 9.00 p.m.
"""


@pytest.fixture(scope="module")
def minutes_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("minutes")
    (folder / "march.md").write_text(MARCH, encoding="utf-8")
    (folder / "april.md").write_text(APRIL, encoding="utf-8")
    db = folder / "minutes.db"
    result = CliRunner().invoke(cli, ["extract", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, folder


def run_json(db: Path, *args: str) -> list:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_attendance_json_contract_and_offsets(minutes_db: tuple[Path, Path]) -> None:
    db, folder = minutes_db
    rows = run_json(db, "attendance")
    assert rows and all(set(r) >= ATTENDANCE_FIELDS for r in rows)
    for row in rows:
        text = (folder / f"{row['document']}.md").read_text(encoding="utf-8")
        assert row["name"].endswith(text[row["start"] : row["end"]].split()[-1])
        assert row["status"] in {"present", "apologies", "absent", "also_present", "remote"}
    march = {(r["name"], r["status"], r["role"]) for r in rows if r["document"] == "march"}
    assert march == {
        ("Mr. Halloran", "present", "Chairman"),
        ("Mrs. Whitcombe", "present", None),
        ("Mr. Dyer", "present", None),
        ("Mr. Fenn", "present", None),
        ("Mrs. R. Ashby", "also_present", "Clerk"),
        ("Mr. Goss", "apologies", None),
    }


def test_attendance_of_one_person_across_meetings(minutes_db: tuple[Path, Path]) -> None:
    db, _ = minutes_db
    rows = run_json(db, "attendance", "Dyer")
    assert [(r["document"], r["status"]) for r in rows] == [
        ("march", "present"),
        ("april", "apologies"),
    ]
    # One person: the same entity in both meetings.
    assert rows[0]["entity_id"] and rows[0]["entity_id"] == rows[1]["entity_id"]
    apologies = run_json(db, "attendance", "--status", "apologies")
    assert {r["name"] for r in apologies} == {"Mr. Goss", "Mr. Dyer"}


def test_decisions_json_contract(minutes_db: tuple[Path, Path]) -> None:
    db, folder = minutes_db
    rows = run_json(db, "decisions")
    assert len(rows) == 5
    for row in rows:
        assert set(row) >= DECISION_FIELDS
        assert set(row["voters"]) == {"for", "against", "abstain", "absent"}
        text = (folder / f"{row['document']}.md").read_text(encoding="utf-8")
        assert " ".join(text[row["start"] : row["end"]].split()) == row["text"]
    lost = run_json(db, "decisions", "--outcome", "lost")
    assert [(r["kind"], r["votes_for"], r["votes_against"], r["item"]) for r in lost] == [
        ("motion", 1, 3, "2 BUS SHELTER")
    ]
    action = [r for r in rows if r["kind"] == "action"]
    assert [(a["actor"], a["outcome"]) for a in action] == [("Clerk", "unknown")]


def test_decisions_of_one_person_across_meetings(minutes_db: tuple[Path, Path]) -> None:
    db, _ = minutes_db
    rows = run_json(db, "decisions", "--person", "Whitcombe")
    assert [(r["document"], r["role"], r["outcome"]) for r in rows] == [
        ("march", "moved", "carried"),
        ("march", "moved", "lost"),
        ("april", "seconded", "carried"),
        ("april", "seconded", "carried"),
    ]
    ids = {r["moved_by_id"] for r in rows if r["role"] == "moved"}
    ids |= {r["seconded_by_id"] for r in rows if r["role"] == "seconded"}
    assert len(ids) == 1 and None not in ids
    about = run_json(db, "decisions", "--about", "grass cutting")
    assert [r["moved_by"] for r in about] == ["Mr. Goss"]


def test_decisions_table_and_bad_outcome(minutes_db: tuple[Path, Path]) -> None:
    db, _ = minutes_db
    result = CliRunner().invoke(cli, ["decisions", "--person", "Fenn", "--db", str(db)])
    assert result.exit_code == 0 and "Decisions (2)" in result.output
    bad = CliRunner().invoke(cli, ["decisions", "--outcome", "won", "--db", str(db)])
    assert bad.exit_code == 2 and "'won' is not one of" in bad.output
