"""An incident's identity is its kind, its place and its day (issue 15 review): reports
of two incidents of one kind (arrests after a match and at a protest, a house fire and a
warehouse fire) never contradict, and figures outside incidents still get checked.

Documents are written here, in several domains: policing, fires, council services,
storms; each is extracted and compared end to end.
"""

from __future__ import annotations

from pathlib import Path

from corpus_steps import findings_of


def test_arrests_in_two_cities_do_not_contradict(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "news_2024-06-01_match.txt": "Trouble in Leeds after the cup match\n\n"
            "Fans clashed outside the ground in Leeds on Saturday evening.\n\n"
            "Police arrested 12 people.\n",
            "news_2024-06-02_protest.txt": "Bristol protest ends peacefully\n\n"
            "Thousands marched through Bristol on Sunday against the new bypass.\n\n"
            "Police arrested three people.\n",
        },
    )
    assert not found.contradictions, [f.explanation for f in found.contradictions]


def test_two_fires_on_different_days_do_not_contradict(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "news_2024-06-05_house.txt": "House fire in Leeds\n\n"
            "A house fire in Leeds on Monday killed two people.\n\n"
            "Firefighters rescued 12 people from the fire on Monday.\n",
            "news_2024-06-06_warehouse.txt": "Warehouse blaze in Leeds\n\n"
            "A warehouse fire in Leeds on Wednesday killed one person.\n\n"
            "Firefighters rescued three people from the fire on Wednesday.\n",
        },
    )
    assert not found.contradictions, [f.explanation for f in found.contradictions]


def test_one_storm_in_one_place_still_contradicts(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "wire_2024-02-10_storm.txt": "Storm batters Galway\n\n"
            "Emergency crews worked through the night along the coast.\n\n"
            "Four people were killed when the storm struck on Friday, the coastguard said.\n",
            "paper_2024-02-10_storm.txt": "Galway counts the cost\n\n"
            "The storm that hit Galway on Friday killed seven people.\n",
        },
    )
    assert [f.attribute for f in found.contradictions] == ["count of people killed"]


def test_ordinary_figures_of_undated_documents_are_checked(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "care_report.txt": "Children's services annual report\n\n"
            "Northshire County Council looks after 450 children in care.\n",
            "care_review.txt": "Review of children's services\n\n"
            "Northshire County Council looks after 520 children in care.\n",
        },
    )
    checked = [f for f in found.checks if "450" in f.explanation or "520" in f.explanation]
    assert checked, found
    assert not found.contradictions


def test_one_incident_written_as_attack_and_shooting_is_one_agreement(tmp_path: Path):
    # The wire writes its incident both ways ("the attack", "the shooting"): one incident,
    # so the paper's "shooting" of that town and day agrees with the wire's "attack".
    found = findings_of(
        tmp_path,
        {
            "wire_2024-05-04_mall.txt": "Gunman kills six in Riverton\n\n"
            "Police sealed off the Riverton shopping centre on Friday night.\n\n"
            "The attack in Riverton on Friday killed six people.\n\n"
            "Nine people were hurt in the shooting, police said.\n",
            "paper_2024-05-05_mall.txt": "Riverton mourns\n\n"
            "Candles were lit outside the centre in Riverton.\n\n"
            "The shooting in Riverton on Friday killed six people, police said.\n",
        },
    )
    killed = [f for f in found.agreements if f.attribute == "count of people killed"]
    assert len(killed) == 1, [(f.subject, f.attribute) for f in found.agreements]
    assert {c["document"][:5] for c in killed[0].claims} == {"wire_", "paper"}


def test_an_attack_and_a_shooting_with_different_tolls_do_not_contradict(tmp_path: Path):
    # Told under two kinds, two reports of one town and day may be two incidents (a
    # stabbing attack and a shooting): a check at most, never a contradiction.
    found = findings_of(
        tmp_path,
        {
            "wire_2024-05-04_town.txt": "Violence in Riverton\n\n"
            "Police were called to the market in Riverton on Friday.\n\n"
            "The attack in Riverton on Friday killed two people.\n",
            "paper_2024-05-04_town.txt": "Riverton shooting\n\n"
            "Officers closed the station in Riverton on Friday.\n\n"
            "The shooting in Riverton on Friday killed five people.\n",
        },
    )
    assert not found.contradictions, [f.explanation for f in found.contradictions]


def test_one_incident_written_as_explosion_and_fire_is_one_agreement(tmp_path: Path):
    # Industry: the wire writes its incident both ways ("the explosion", "the fire"), so
    # the paper's "fire" of that plant and day is the same incident and its toll agrees.
    found = findings_of(
        tmp_path,
        {
            "wire_2024-09-09_plant.txt": "Blast at Harwell chemical plant\n\n"
            "Crews were called to the Harwell chemical plant on Monday morning.\n\n"
            "The explosion at the plant in Harwell on Monday killed four workers.\n\n"
            "Nine workers were hurt in the fire that followed, officials said.\n",
            "paper_2024-09-10_plant.txt": "Harwell counts the cost\n\n"
            "Families gathered at the gates of the plant in Harwell.\n\n"
            "The fire at the plant in Harwell on Monday killed four workers, officials said.\n",
        },
    )
    killed = [f for f in found.agreements if f.attribute == "count of workers killed"]
    assert len(killed) == 1, [(f.subject, f.attribute) for f in found.agreements]
    assert {c["document"][:5] for c in killed[0].claims} == {"wire_", "paper"}


def test_equal_tolls_of_two_kinds_with_nothing_joining_them_say_nothing(tmp_path: Path):
    # Neither report writes its incident both ways: a stabbing attack and a shooting of one
    # town and day may be two incidents, so their equal tolls neither agree nor need a check.
    found = findings_of(
        tmp_path,
        {
            "wire_2024-05-04_town.txt": "Violence in Riverton\n\n"
            "Police were called to the market in Riverton on Friday.\n\n"
            "The attack in Riverton on Friday killed two people.\n",
            "paper_2024-05-04_town.txt": "Riverton shooting\n\n"
            "Officers closed the station in Riverton on Friday.\n\n"
            "Two people were killed in the shooting outside the station in Riverton on"
            " Friday, police said.\n",
        },
    )
    every = found.contradictions + found.agreements + found.checks + found.changes
    assert not every, [(f.verdict, f.explanation) for f in every]


def test_a_bounded_magnitude_is_never_a_change_over_time(tmp_path: Path):
    # Geology: "at least 5.9" and, a day later, 6.1 bound one quake's magnitude; a magnitude
    # does not grow as a toll does, so the two are neither a change nor a contradiction.
    found = findings_of(
        tmp_path,
        {
            "wire_2024-02-04_quake.txt": "date 2024-02-04\nQuake hits Tarn valley\n\n"
            "An earthquake with a magnitude of at least 5.9 hit the Tarn valley on Sunday.\n",
            "paper_2024-02-05_quake.txt": "date 2024-02-05\nTarn valley shaken\n\n"
            "The 6.1-magnitude quake struck the Tarn valley, officials said.\n",
        },
    )
    moved = [f for f in found.changes + found.contradictions if f.attribute == "magnitude"]
    assert not moved, [(f.verdict, f.explanation) for f in moved]
