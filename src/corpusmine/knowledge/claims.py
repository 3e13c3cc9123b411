"""The claim vocabulary of ``models/attributes.yaml`` and ``models/hedges.yaml``, typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from ..records import Qualifier
from .files import load_yaml


@dataclass(frozen=True)
class EventKind:
    """One dated-event attribute and the words that trigger it."""

    attribute: str
    nouns: tuple[tuple[str, ...], ...]  # each a word sequence: ("monitoring", "visit")
    verbs: frozenset[str]
    of_event_template: str | None = None
    plain_for: frozenset[str] = frozenset()  # events whose publication keeps the plain name
    # A political event (a primary, a caucus, a debate) is one event only by its place and
    # party: its claim needs the place, and its attribute names the party.
    political: bool = False
    # A recurring event (a meeting, a publication, a decision) happens to one subject many
    # times: two dates of it far apart are two occurrences, not one event moved.
    recurring: bool = False
    # A reciprocal event ("X met Y") is both sides' event: its claim is filed under each.
    reciprocal: bool = False


@dataclass(frozen=True)
class TollKind:
    """What happened to the people or things a toll counts ("killed", "captured")."""

    what: str
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]


@dataclass(frozen=True)
class HaulKind:
    """The value of what an incident took ("made off with jewellery worth £88m")."""

    attribute: str
    of: str  # the incident kind it is about
    verbs: frozenset[str]  # verbs whose object is what was taken ("stole diamonds")
    # (verb lemma, particle or "") taking it with "with": ("make", "off") of "made off
    # with", ("escape", "") of "escaped with"; "made with gold" takes nothing.
    with_verbs: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class MeasureKind:
    """A measure of an incident ("magnitude" of an earthquake) and its words."""

    attribute: str
    nouns: frozenset[str]
    of: str  # the incident kind it measures
    max: float
    spread: float  # figures further apart than this measure two incidents
    window: int


@dataclass(frozen=True)
class ClaimVocabulary:
    """Everything the claim extractor and the analyser read from ``models/``."""

    count_template: str
    min_singular: int
    skip_units: frozenset[str]
    restricting_preps: frozenset[str]
    amount_template: str
    amount_nouns: frozenset[str]
    keep_modifiers: frozenset[str]
    periods: dict[str, str]
    fallback_amount: str
    rating_attribute: str
    rating_area_template: str
    from_words: frozenset[str]
    to_words: frozenset[str]
    previous_words: frozenset[str]
    target_words: frozenset[str]
    rating_window: int
    events: tuple[EventKind, ...]
    light_verbs: frozenset[str]
    event_window_days: int
    subject_heads: dict[str, str]  # head word -> head class
    assessor_classes: frozenset[str]  # head classes of bodies that judge others
    subject_stop_words: frozenset[str]
    hedges: tuple[tuple[tuple[str, ...], Qualifier], ...]  # (words, qualifier), longest first
    approximate_tolerance: float
    exact_round_zeros: int
    change_cues: tuple[tuple[str, ...], ...] = ()  # word sequences, lower case
    same_moment_days: int = 3
    scope_cues: tuple[tuple[str, ...], ...] = ()
    same_period_days: int = 31
    share_template: str = "share of {thing}"
    poll_template: str = "poll share"
    pollster_template: str = "poll share ({pollster})"
    poll_words: frozenset[str] = frozenset()
    share_subject_labels: frozenset[str] = frozenset()
    percent_words: frozenset[str] = frozenset()
    pollster_filler: frozenset[str] = frozenset()
    pollster_preps: frozenset[str] = frozenset()
    poll_antecedent_words: frozenset[str] = frozenset()
    population_template: str = "{poll} among {population}"
    # (verb lemma, preposition or "") that give a share to the name they take: "backed X",
    # "voted for X"; "opposed X", "blamed X" give none.
    support_verbs: frozenset[tuple[str, str]] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    incidents: dict[str, str] = field(default_factory=dict)  # incident noun -> its kind
    incident_idioms: frozenset[str] = frozenset()
    incident_families: dict[str, str] = field(default_factory=dict)  # kind -> family
    haul: HaulKind | None = None
    parties: dict[str, str] = field(default_factory=dict)  # "gop" -> "republican"
    event_object_verbs: frozenset[str] = frozenset()  # "won the primary on Tuesday"
    weekday_future_cues: frozenset[str] = frozenset()
    weekday_past_verbs: frozenset[str] = frozenset()
    weekday_past_words: frozenset[str] = frozenset()
    currency_words: dict[str, str] = field(default_factory=dict)  # "euros" -> EUR
    weight_words: frozenset[str] = frozenset()  # currency words that may be weights
    toll_template: str = "count of {unit} {what}"
    person_nouns: frozenset[str] = frozenset()
    person_unit: str = "people"
    subject_verbs: frozenset[str] = frozenset()
    tolls: tuple[TollKind, ...] = ()
    through_nouns: frozenset[str] = frozenset()
    measures: tuple[MeasureKind, ...] = ()
    generic_modals: frozenset[str] = frozenset()
    incident_moment_days: int = 2
    incident_change_days: int = 7
    poll_report_days: int = 3
    needed_template: str = "{count} needed"
    need_words: frozenset[str] = frozenset()
    need_modals: frozenset[str] = frozenset()
    threshold_verbs: frozenset[str] = frozenset()
    whole_sample_words: frozenset[str] = frozenset()
    change_max_ratio: float = 2.0
    change_max_points: float = 10.0
    incident_lead_chars: int = 400
    incident_bodies: frozenset[str] = frozenset()  # head classes of bodies named by noun
    incident_preps: frozenset[str] = frozenset()
    range_before: frozenset[str] = frozenset()
    range_after: frozenset[str] = frozenset()
    pronoun_one_before: frozenset[str] = frozenset()

    def judges_others(self, key: tuple[str, str]) -> bool:
        """Whether a subject key (see claims.subjects.subject_key) names an assessing body:
        its grades are of someone else, and "it" or a title never stands for it."""
        return key[1] in self.assessor_classes

    @cached_property
    def event_attributes(self) -> frozenset[str]:
        """Every attribute name an event claim can have (computed once)."""
        names = {e.attribute for e in self.events}
        for kind in self.events:
            if kind.of_event_template:
                names |= {kind.of_event_template.format(event=e.attribute) for e in self.events}
        return frozenset(names | self.party_event_attributes)

    @cached_property
    def party_event_attributes(self) -> frozenset[str]:
        """Political events named with their party ("democratic primary")."""
        return frozenset(
            f"{party} {kind.attribute}"
            for kind in self.events
            if kind.political
            for party in set(self.parties.values())
        )

    @cached_property
    def reciprocal_event_attributes(self) -> frozenset[str]:
        """Events with two sides ("X met Y"): one occurrence is one pair of participants."""
        return frozenset(kind.attribute for kind in self.events if kind.reciprocal)

    @cached_property
    def recurring_event_attributes(self) -> frozenset[str]:
        """Events a subject has many of, with the names derived from them ("monitoring
        visit report published")."""
        names = set()
        for kind in self.events:
            if kind.recurring:
                names.add(kind.attribute)
                if kind.of_event_template:
                    names |= {kind.of_event_template.format(event=e.attribute) for e in self.events}
        return frozenset(names)

    @cached_property
    def political_event_attributes(self) -> frozenset[str]:
        """Political events, with or without their party."""
        plain = {kind.attribute for kind in self.events if kind.political}
        return frozenset(plain) | self.party_event_attributes

    @cached_property
    def incident_attributes(self) -> frozenset[str]:
        """Attribute names of tolls and measures: figures of one incident, which another
        incident of the same kind on another day does not contradict or change."""
        hauls = {self.haul.attribute} if self.haul else set()
        return frozenset(m.attribute for m in self.measures) | hauls

    def measure(self, attribute: str) -> MeasureKind | None:
        return next((m for m in self.measures if m.attribute == attribute), None)

    def is_needed_attribute(self, attribute: str) -> bool:
        """A count of what its subject still lacks ("count of delegates needed")."""
        return attribute.endswith(self.needed_template.split("}")[-1])

    def is_incident_attribute(self, attribute: str) -> bool:
        prefix = self.toll_template.split("{")[0]
        endings = tuple(f" {t.what}" for t in self.tolls)
        return attribute in self.incident_attributes or (
            attribute.startswith(prefix) and attribute.endswith(endings)
        )


@cache
def claim_vocabulary() -> ClaimVocabulary:
    """The claim vocabulary, loaded once per process."""
    data = load_yaml("attributes.yaml")
    hedge_data = load_yaml("hedges.yaml")
    count, amount, rating = data["count"], data["amount"], data["rating"]
    events = tuple(
        EventKind(
            attribute=e["attribute"],
            nouns=tuple(tuple(str(n).lower().split()) for n in e.get("nouns", ())),
            verbs=frozenset(str(v).lower() for v in e.get("verbs", ())),
            of_event_template=e.get("of_event_template"),
            plain_for=frozenset(e.get("plain_for", ())),
            political=bool(e.get("political", False)),
            recurring=bool(e.get("recurring", False)),
            reciprocal=bool(e.get("reciprocal", False)),
        )
        for e in data["events"]
    )
    heads = {
        word.lower(): group for group, words in data["subject_heads"].items() for word in words
    }
    hedges = sorted(
        (
            (tuple(phrase.lower().split()), Qualifier(qualifier))
            for phrase, qualifier in hedge_data["hedges"].items()
        ),
        key=lambda item: -len(item[0]),
    )
    tolerance = hedge_data["tolerance"]
    return ClaimVocabulary(
        count_template=count["template"],
        min_singular=int(count["min_singular"]),
        skip_units=frozenset(count["skip_units"]),
        restricting_preps=frozenset(count["restricting_preps"]),
        amount_template=amount["template"],
        amount_nouns=frozenset(amount["nouns"]),
        keep_modifiers=frozenset(amount["keep_modifiers"]),
        periods={str(k): str(v) for k, v in amount["periods"].items()},
        fallback_amount=amount["fallback_noun"],
        rating_attribute=rating["attribute"],
        rating_area_template=rating["area_template"],
        from_words=frozenset(rating["from_words"]),
        to_words=frozenset(rating["to_words"]),
        previous_words=frozenset(rating["previous_words"]),
        target_words=frozenset(rating["target_words"]),
        rating_window=int(rating["window"]),
        events=events,
        light_verbs=frozenset(data["light_verbs"]),
        event_window_days=int(data["event_window_days"]),
        subject_heads=heads,
        assessor_classes=frozenset(data["assessor_heads"]),
        subject_stop_words=frozenset(w.lower() for w in data["subject_stop_words"]),
        hedges=tuple(hedges),
        approximate_tolerance=float(tolerance["approximate"]),
        exact_round_zeros=int(tolerance["exact_round_zeros"]),
        change_cues=tuple(tuple(str(c).lower().split()) for c in hedge_data["change_cues"]),
        same_moment_days=int(hedge_data["same_moment_days"]),
        scope_cues=tuple(tuple(str(c).lower().split()) for c in hedge_data["scope_cues"]),
        same_period_days=int(hedge_data["same_period_days"]),
        share_template=data["share"]["template"],
        poll_template=data["share"]["poll_template"],
        pollster_template=data["share"]["pollster_template"],
        poll_words=frozenset(data["share"]["poll_words"]),
        share_subject_labels=frozenset(data["share"]["subject_labels"]),
        percent_words=frozenset(data["share"]["percent_words"]),
        pollster_filler=frozenset(data["share"]["pollster_filler"]),
        pollster_preps=frozenset(data["share"]["pollster_preps"]),
        poll_antecedent_words=frozenset(data["share"]["poll_antecedent_words"]),
        population_template=data["share"]["population_template"],
        support_verbs=frozenset(
            (*str(v).lower().split(), "")[:2] for v in data["share"]["support_verbs"]
        ),
        holding_verbs=frozenset(str(v).lower() for v in data["share"]["holding_verbs"]),
        incidents={
            word.lower(): kind for kind, words in data["incidents"].items() for word in words
        },
        incident_idioms=frozenset(data["incident_idioms"]),
        currency_words={
            str(k).lower(): str(v) for k, v in load_yaml("numbers.yaml")["currency_words"].items()
        },
        weight_words=frozenset(load_yaml("numbers.yaml")["currency_weights"]),
        parties={
            str(word).lower(): party
            for party, words in data["political_events"]["parties"].items()
            for word in words
        },
        event_object_verbs=frozenset(data["political_events"]["object_verbs"]),
        weekday_future_cues=frozenset(data["political_events"]["future_cues"]),
        weekday_past_verbs=frozenset(data["political_events"]["past_verbs"]),
        weekday_past_words=frozenset(data["political_events"]["past_words"]),
        haul=HaulKind(
            attribute=data["haul"]["attribute"],
            of=data["haul"]["of"],
            verbs=frozenset(data["haul"]["verbs"]),
            with_verbs=frozenset(
                (*str(v).lower().split(), "")[:2] for v in data["haul"]["with_verbs"]
            ),
        ),
        incident_families={
            kind: family for family, kinds in data["incident_families"].items() for kind in kinds
        },
        toll_template=data["tolls"]["template"],
        person_nouns=frozenset(data["tolls"]["person_nouns"]),
        person_unit=data["tolls"]["person_unit"],
        subject_verbs=frozenset(data["tolls"]["subject_verbs"]),
        tolls=tuple(
            TollKind(
                what=k["what"],
                verbs=frozenset(k["verbs"]),
                adjectives=frozenset(k["adjectives"]),
                nouns=frozenset(k["nouns"]),
            )
            for k in data["tolls"]["kinds"]
        ),
        through_nouns=frozenset(data["tolls"]["through_nouns"]),
        measures=tuple(
            MeasureKind(
                attribute=m["attribute"],
                nouns=frozenset(m["nouns"]),
                of=m["of"],
                max=float(m["max"]),
                spread=float(m["spread"]),
                window=int(m["window"]),
            )
            for m in data["measures"]
        ),
        generic_modals=frozenset(data["generic_modals"]),
        incident_moment_days=int(hedge_data["incident_moment_days"]),
        incident_change_days=int(hedge_data["incident_change_days"]),
        poll_report_days=int(hedge_data["poll_report_days"]),
        needed_template=data["count"]["needed_template"],
        need_words=frozenset(data["count"]["need_words"]),
        need_modals=frozenset(data["count"]["need_modals"]),
        threshold_verbs=frozenset(data["count"]["threshold_verbs"]),
        whole_sample_words=frozenset(data["share"]["whole_sample_words"]),
        change_max_ratio=float(hedge_data["change_max_ratio"]),
        change_max_points=float(hedge_data["change_max_points"]),
        incident_lead_chars=int(hedge_data["incident_lead_chars"]),
        incident_bodies=frozenset(data["incident_bodies"]),
        incident_preps=frozenset(data["incident_preps"]),
        range_before=frozenset(data["range_before"]),
        range_after=frozenset(data["range_after"]),
        pronoun_one_before=frozenset(data["pronoun_one_before"]),
    )
