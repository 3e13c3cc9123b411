"""Review #40 (issue 15): a quake's magnitude does not change over time: two reports of one
quake's magnitude that differ contradict, though a sentence says another figure "rose" (the
toll's), and a toll that grows is still a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_steps import findings_of


@pytest.mark.parametrize(
    "later",
    [
        "The death toll from Wednesday's magnitude 6.2 earthquake in Peru rose to 10 on Thursday.",
        "The number of dead from Wednesday's magnitude 6.2 earthquake in Peru climbed to 10 "
        "on Thursday.",
    ],
)
def test_a_magnitude_given_two_ways_contradicts_whatever_else_rose(tmp_path: Path, later):
    found = findings_of(
        tmp_path,
        {
            "wire_2024-04-03_quake.txt": "Strong quake hits Peru\n\n"
            "A magnitude 6.4 earthquake struck southern Peru on Wednesday morning, killing "
            "at least nine people.\n\nIt was the strongest in years, officials said.\n",
            "paper_2024-04-04_quake.txt": f"Peru counts cost of quake\n\n{later}\n\n"
            "Hundreds of homes were damaged.\n",
        },
    )
    magnitude = [f for f in found.contradictions if f.attribute == "magnitude"]
    assert magnitude and not [f for f in found.changes if f.attribute == "magnitude"], [
        (f.attribute, f.verdict, f.explanation) for f in found.changes + found.contradictions
    ]
