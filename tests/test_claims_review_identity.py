"""Review items #4 and #7 (issue 15): an event is one only with the same identity.

#4: a warehouse fire and a bar shooting where 'the gunman then set fire to the kitchen'
are two incidents; a clause naming another incident word is not the toll's incident.
#7: a meeting is one only with the same two sides: a person meeting two people on one
day is two meetings, whichever side the sentence makes its subject.

Passages in several domains: fires and shootings, mining and protests, council
business, football, hospitals.
"""

from __future__ import annotations

from pathlib import Path

from corpus_steps import findings_of


def _agreed(found) -> list[tuple[str, str]]:
    return [(f.subject, f.attribute) for f in found.agreements]


def test_a_fire_and_a_shooting_with_a_fire_clause_do_not_agree(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "a_fire.txt": "date 2025-01-13\nWarehouse fire kills three in Leeds\n\n"
            "A fire at a warehouse in Leeds killed three people on Sunday, "
            "West Yorkshire Fire Service said.\n"
            "About 60 firefighters fought the blaze for six hours.\n",
            "c_shooting.txt": "date 2025-01-13\nGunman kills three at Leeds bar\n\n"
            "Three people were killed in a shooting at a bar in Leeds on Sunday night, "
            "and the gunman then set fire to the kitchen, police said.\n",
        },
    )
    assert not found.agreements, _agreed(found)
    assert not found.contradictions


def test_a_plant_explosion_and_an_attack_with_a_blast_clause_do_not_agree(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "a_plant.txt": "date 2025-05-06\nBlast at chemical plant\n\n"
            "An explosion at a chemical plant in Rotterdam killed four people on Tuesday, "
            "the company said.\n",
            "b_station.txt": "date 2025-05-06\nAttack on police station\n\n"
            "Four people were killed in an attack on a police station in Rotterdam on "
            "Tuesday, and the attackers then caused an explosion in the car park, "
            "officials said.\n",
        },
    )
    assert not found.agreements, _agreed(found)
    assert not found.contradictions


def test_a_mine_explosion_and_clashes_after_a_blast_do_not_agree(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "d_mine.txt": "date 2025-03-04\nBlast at mine\n\n"
            "An explosion at a coal mine near Katowice killed five miners on Monday, "
            "the operator said.\n",
            "e_riot.txt": "date 2025-03-04\nClashes in Katowice\n\n"
            "Five people were killed in clashes between police and protesters in Katowice "
            "on Monday after an explosion damaged a police van.\n",
        },
    )
    assert not found.agreements, _agreed(found)
    assert not found.contradictions


COUNCIL_AGENT = {
    "e_council.txt": "date 2026-01-12\nHousing talks\n\n"
    "Council leader Aled Hughes met housing minister Sarah Lind on Friday to discuss "
    "the Fen Road scheme.\n",
    "f_council.txt": "date 2026-01-12\nBus talks\n\n"
    "Council leader Aled Hughes met bus operator chief Priya Shah on Friday to discuss "
    "route cuts.\n",
}


def test_one_leader_meeting_two_people_on_one_day_is_no_agreement(tmp_path: Path):
    found = findings_of(tmp_path, COUNCIL_AGENT)
    assert not found.agreements, _agreed(found)


def test_meetings_written_from_the_other_side_are_no_agreement(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "e_council.txt": "date 2026-01-12\nHousing talks\n\n"
            "Housing minister Sarah Lind met council leader Aled Hughes on Friday to "
            "discuss the Fen Road scheme.\n",
            "f_council.txt": "date 2026-01-12\nBus talks\n\n"
            "Bus operator chief Priya Shah met council leader Aled Hughes on Friday to "
            "discuss route cuts.\n",
        },
    )
    assert not found.agreements, _agreed(found)


def test_a_coach_meeting_a_player_and_the_chairman_is_no_agreement(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "c_coach.txt": "date 2025-08-04\nLopez talks\n\n"
            "Rovers coach Maria Lopez met striker Jamal Okafor on Monday to discuss a new "
            "contract.\n",
            "d_coach.txt": "date 2025-08-04\nLopez and the board\n\n"
            "Rovers coach Maria Lopez met chairman Tom Reid on Monday to discuss the "
            "transfer budget.\n",
        },
    )
    assert not found.agreements, _agreed(found)


def test_one_meeting_of_the_same_two_people_still_agrees(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "a_trust.txt": "date 2025-11-03\nTrust talks\n\n"
            "Health secretary Wes Streeting met hospital chief executive Karen Marsh on "
            "Tuesday to discuss waiting lists.\n",
            "b_trust.txt": "date 2025-11-03\nWaiting lists\n\n"
            "Hospital chief executive Karen Marsh met Wes Streeting on Tuesday about the "
            "backlog.\n",
        },
    )
    assert [a for _, a in _agreed(found)] == ["meeting"], _agreed(found)
