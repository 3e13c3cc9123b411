"""Group claims by (subject, attribute) across documents and decide what they add up to.

Within a group, every pair of claims from two different documents is compared
(:mod:`compare`); claims within one document are never held against each other ("£328
and £945 respectively"). A group with a contradicting pair is a contradiction; otherwise
agreeing claims form agreements, earlier-vs-later claims a change over time, and unclear
pairs a check. Near misses across groups (a related subject, or the same thing counted
over a narrower population) are listed as checks, never as contradictions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from operator import itemgetter

from ..knowledge import claim_vocabulary
from .compare import Relation, one_measure, relation
from .records import (
    AGREE,
    CHECK,
    CONTRADICT,
    DIFFERENT_SUBJECT,
    DIFFERENT_TIME,
    SINGLE_SOURCE,
    Finding,
    Findings,
    StoredClaim,
)
from .values import date_interval

GroupKey = tuple[tuple[str, str], str]
Pair = tuple[StoredClaim, StoredClaim, Relation]


def decide(claims: Sequence[StoredClaim], labels: Mapping[str, str] | None = None) -> Findings:
    """All findings for a corpus's claims. ``labels`` name documents in explanations as
    people know them (title, source, date); a document without one is named by its id."""
    labels = labels or {}
    groups: dict[GroupKey, list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        if claim.key[1]:
            groups[(claim.key, claim.attribute)].append(claim)
    _fold_party_events(groups)
    found: dict[str, list[Finding]] = defaultdict(list)
    written = _incident_kinds_written(claims)
    partners = _partners(claims)
    for key in sorted(groups, key=lambda k: (k[1], k[0])):
        for finding in _group_findings(groups[key], labels, written, partners):
            found[finding.verdict].append(finding)
    checks = found[CHECK] + _subject_near_misses(groups) + _population_near_misses(groups)
    return Findings(
        contradictions=_once(found[CONTRADICT]),
        agreements=_once(found[AGREE]),
        checks=_once(checks),
        single_source=tuple(found[SINGLE_SOURCE]),
        changes=_once(found[DIFFERENT_TIME]),
    )


def _fold_party_events(groups: dict[GroupKey, list[StoredClaim]]) -> None:
    """A political event written with its party ("Saturday's Democratic caucuses in
    Wyoming") on the very date another document gives the same place's event without one
    ("Saturday's Wyoming caucuses") says the same of it: the party's claims join the plain
    group, where two dates are never held against each other (each party's event may have
    its own day), so only the agreement can come of it. Only when one party's event is on
    that date: two parties' primaries of one state and day are two events, and the plain
    "Tuesday's Ohio primary" cannot tell which it is (review #19). Never the other way:
    a plain claim may be either party's."""
    vocab = claim_vocabulary()
    plain = {kind.attribute for kind in vocab.events if kind.political}
    # (key, plain attribute, date) -> the party claims of that place and date
    by_date: dict[tuple[tuple[str, str], str, str | None], list[tuple[GroupKey, StoredClaim]]]
    by_date = defaultdict(list)
    for (key, attribute), members in groups.items():
        base = attribute.split(" ", 1)[-1]
        if attribute in vocab.party_event_attributes and base in plain:
            for claim in members:
                by_date[(key, base, claim.normalized)].append(((key, attribute), claim))
    for (key, base, when), found in by_date.items():
        general = groups.get((key, base))
        if not general or len({group for group, _ in found}) != 1:
            continue  # no plain claim of the place, or two parties' events on the date
        documents = {c.document for c in general if c.normalized == when}
        moving = [c for _, c in found if documents - {c.document}]
        if not moving:
            continue
        group = found[0][0]
        general.extend(StoredClaim.from_fields({**c.__dict__, "attribute": base}) for c in moving)
        ids = {c.id for c in moving}
        kept = [c for c in groups[group] if c.id not in ids]
        if kept:
            groups[group] = kept
        else:
            del groups[group]


def _once(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings without repeats: one fact filed under two subjects (a meeting under each
    of the two who met) rests on the same sentences and is shown once."""
    seen: set[tuple[str, frozenset[tuple[str, int]]]] = set()
    kept = []
    for finding in findings:
        where = frozenset((c["document"], c["start"]) for c in finding.claims)
        if (finding.attribute, where) not in seen:
            seen.add((finding.attribute, where))
            kept.append(finding)
    return tuple(kept)


def cross_pairs(
    members: Sequence[StoredClaim],
    written: Mapping[str, frozenset[str]] | None = None,
    partners: Mapping[int, frozenset[str]] | None = None,
) -> list[Pair]:
    """Related pairs of claims from different documents. ``written``: the incident kinds
    each document's claims are about (``_incident_kinds_written``); ``partners``: the
    other side of each two-sided event claim (``_partners``)."""
    written = written or {}
    partners = partners or {}
    reciprocal = claim_vocabulary().reciprocal_event_attributes
    pairs = []
    for a, b in combinations(members, 2):
        if a.document == b.document or same_sentence(a, b):
            continue  # one source: a document, or a sentence copied into several
        if not one_subject(a, b):
            continue  # "Hillside Primary School", "Oakwood Primary School": two schools
        if a.attribute in reciprocal and not _same_sides(a, b, partners):
            # X met A, X met B: one person's two meetings of a day. A meeting whose
            # other side is named is one only with the same other side.
            continue
        rel = relation(a, b)
        if rel is None:
            continue
        # A subject carried over from another sentence (the document's topic, an
        # antecedent) is too weak to build a contradiction on, or an event's agreement.
        named_a, named_b = names_subject(a), names_subject(b)
        if rel.verdict == CHECK and not (named_a or named_b):
            # Neither sentence names the subject: two figures filed under two documents'
            # topics ("two boats were firing", "escorting five vessels"), nothing to check.
            continue
        weak = not (named_a and named_b)
        kinds = {_incident_kind(a), _incident_kind(b)}
        if len(kinds) > 1 and rel.verdict != CHECK:
            # "the attack" and "the shooting" of one place and day are one incident only
            # where a document writes its incident both ways ("the attack ... the
            # shooting"); else they may be two (a knife attack, a shooting): nothing is
            # said, and differing tolls are a check, never a contradiction.
            one = any(kinds <= written.get(d, frozenset()) for d in (a.document, b.document))
            if rel.verdict != CONTRADICT and not one:
                continue  # equal tolls of two kinds: nothing says they are one incident
            if rel.verdict == CONTRADICT:
                rel = Relation(
                    CHECK, f"{rel.reason}, but one says '{a.subject}', one '{b.subject}'"
                )
        # A figure's change over time is a claim that one thing moved: as strong as a
        # contradiction, it needs both sentences to name it ("Out of 14 candidates" under
        # the document's topic Trump, and "Trump beat a field of 16 candidates" are no
        # field shrinking). A grade or a date may be the topic's: "was rated" names none.
        figure = a.kind not in ("event", "rating")
        strong = rel.verdict == CONTRADICT or (figure and rel.verdict == DIFFERENT_TIME)
        if weak and (strong or (a.kind == "event" and rel.verdict == AGREE)):
            rel = Relation(CHECK, f"{rel.reason}, but a sentence does not name '{a.subject}'")
        pairs.append((a, b, rel))
    return pairs


# Sentences sharing this much of their words are one sentence edited (a live blog's
# versions, a republished article, wire copy with a word changed).
SAME_SENTENCE_OVERLAP = 0.8
# A long sentence whose words nearly all recur in another is that sentence trimmed (an
# outlet reusing its own paragraph with a clause cut); a short one ("Cruz has 370
# delegates.") may well be written twice independently.
TRIMMED_SENTENCE_WORDS = 12
TRIMMED_SENTENCE_SHARE = 0.9


def _incident_kinds_written(claims: Sequence[StoredClaim]) -> dict[str, frozenset[str]]:
    """The incident kinds each document's claims are about (their subjects' heads: "the
    attack killed five ... the shooting"). An incident word elsewhere in a sentence ("the
    gunman then set fire to the kitchen") may be another event and says nothing."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        kind = _incident_kind(claim)
        if kind is not None:
            kinds[claim.document].add(kind)
    return {document: frozenset(found) for document, found in kinds.items()}


def _partners(claims: Sequence[StoredClaim]) -> dict[int, frozenset[str]]:
    """The other side of each two-sided event claim: the subjects (canonical names) of
    the claims the same date mention gave ("X met Y on Friday" is X's claim and Y's)."""
    reciprocal = claim_vocabulary().reciprocal_event_attributes
    sides: dict[tuple[str, str, int], list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        if claim.attribute in reciprocal:
            sides[(claim.document, claim.attribute, claim.start)].append(claim)
    partners = {}
    for together in sides.values():
        for claim in together:
            partners[claim.id] = frozenset(
                name
                for name in (other.subject.casefold() for other in together)
                if name != claim.subject.casefold()
            )
    return partners


def _same_sides(a: StoredClaim, b: StoredClaim, partners: Mapping[int, frozenset[str]]) -> bool:
    """Two claims of a two-sided event have the same other side: the same partner, or, where
    one sentence gave no claim to its other side, that sentence names the other's partner
    ("Pichai met with Nadella" beside "Nadella met Pichai"). Neither naming one: as before."""
    sides_a, sides_b = partners.get(a.id, frozenset()), partners.get(b.id, frozenset())
    if sides_a and sides_b:
        return bool(sides_a & sides_b)
    if not (sides_a or sides_b):
        return True
    named, sentence = (sides_a, b.sentence) if sides_a else (sides_b, a.sentence)
    words = set(_TOKENS.findall(sentence.casefold()))
    return any(name.split()[-1] in words for name in named if name.split())


def _incident_kind(claim: StoredClaim) -> str | None:
    """The incident kind its subject's head names ("the mass shooting" -> shooting)."""
    words = claim.subject.lower().split()
    return claim_vocabulary().incidents.get(words[-1]) if words else None


def names_subject(claim: StoredClaim) -> bool:
    """The claim's own sentence names its subject (its distinguishing word or its head:
    "Clinton", "the service"), so the comparison rests on what the sentence says, not on
    a topic or antecedent carried over from another sentence."""
    words = set(_words(claim.sentence).replace("'s", "").split())
    words |= {w.strip(".,;:!?()\"'") for w in words}
    distinct, head = claim.key
    return bool({distinct, head} & words) or any(
        w.lower() in words for w in claim.subject.split() if len(w) > 3
    )


def same_sentence(a: StoredClaim, b: StoredClaim) -> bool:
    """Both claims come from one sentence, word for word or nearly (syndicated copy, a
    republished article): one source, however many documents carry it."""
    wa, wb = _words(a.sentence), _words(b.sentence)
    if wa == wb:
        return True
    sa, sb = set(wa.split()), set(wb.split())
    if not (sa and sb):
        return False
    shared = len(sa & sb)
    if shared / len(sa | sb) >= SAME_SENTENCE_OVERLAP:
        return True
    ta, tb = set(_TOKENS.findall(wa)), set(_TOKENS.findall(wb))  # "emails," is "emails"
    shorter = min(len(ta), len(tb))
    return shorter >= TRIMMED_SENTENCE_WORDS and len(ta & tb) / shorter >= TRIMMED_SENTENCE_SHARE


_TOKENS = re.compile(r"\w+")


def _words(sentence: str) -> str:
    return " ".join(sentence.replace("\u2019", "'").replace("\u201c", '"').replace(
        "\u201d", '"').casefold().split())  # fmt: skip


def _group_findings(
    members: list[StoredClaim],
    labels: Mapping[str, str],
    written: Mapping[str, frozenset[str]] | None = None,
    partners: Mapping[int, frozenset[str]] | None = None,
) -> list[Finding]:
    sources = {_words(c.sentence) for c in members}
    documents = {c.document for c in members}
    if len(documents) == 1 or len(sources) == 1:
        return [_finding(members, SINGLE_SOURCE, _single_explanation(members, labels))]
    pairs = cross_pairs(members, written, partners)
    by_verdict: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_verdict[pair[2].verdict].append(pair)
    findings = []
    if by_verdict[CONTRADICT]:
        involved = _claims_of(by_verdict[CONTRADICT])
        findings.append(
            _finding(involved, CONTRADICT, _explain(involved, by_verdict[CONTRADICT], labels))
        )
    else:
        components = _components(by_verdict[AGREE])
        nested: dict[int, list[StoredClaim]] = {}
        if members[0].kind == "event":
            components, nested = _nest_grains(components)
        for i, component in enumerate(components):
            if len({c.document for c in component}) > 1:
                explanation = _explain(component, by_verdict[AGREE], labels)
                coarse = nested.get(i, [])
                if coarse:
                    explanation += " " + _grain_note(component[0], coarse)
                findings.append(_finding(component + coarse, AGREE, explanation))
    # A change over time is one figure moving: each connected set of moves is its own
    # finding, so that two incidents of one kind do not read as one story.
    for component in _components(by_verdict[DIFFERENT_TIME]):
        if len({c.document for c in component}) > 1:
            ids = {c.id for c in component}
            moves = [p for p in by_verdict[DIFFERENT_TIME] if p[0].id in ids]
            findings.append(_finding(component, DIFFERENT_TIME, _explain(component, moves, labels)))
    for verdict in (CHECK,):
        if by_verdict[verdict]:
            involved = _claims_of(by_verdict[verdict])
            findings.append(
                _finding(involved, verdict, _explain(involved, by_verdict[verdict], labels))
            )
    # Incidents, polls and recurring events (meetings) with no comparable pair are two
    # events of one kind or cannot be told apart: comparison declined on purpose, nothing
    # to check. Other figures are one subject's, and several documents giving them
    # unreconciled is worth a look.
    vocab = claim_vocabulary()
    attribute = members[0].attribute
    # A place's primaries of one year are several (the presidential one in March, a
    # congressional one in August): none of them is to be reconciled with another either.
    events = (
        vocab.is_incident_attribute(attribute)
        or attribute.startswith(vocab.poll_template)
        or attribute in vocab.recurring_event_attributes
        or attribute in vocab.political_event_attributes
    )
    # Figures filed under documents' topics, named by no sentence, are nothing to check.
    named = {c.document for c in members if names_subject(c)}
    # One value in every document ("2,383" months apart) leaves nothing to reconcile.
    same = len({c.normalized for c in members}) == 1
    # Figures too far apart to be one measure (a share of the Latino vote and of a
    # primary's vote) are two measures under one name: nothing to reconcile.
    if not (pairs or events or same) and len(named) > 1 and _one_measure_across(members):
        findings.append(_finding(members, CHECK, "Several documents, but no comparable values."))
    return findings


def _one_measure_across(members: Sequence[StoredClaim]) -> bool:
    """Whether two documents' values of the group can be one measure (``one_measure``)
    of one subject (``one_subject``)."""
    return any(
        one_measure(a, b) and one_subject(a, b)
        for a, b in combinations(members, 2)
        if a.document != b.document
    )


def one_subject(a: StoredClaim, b: StoredClaim) -> bool:
    """Two claims of one subject key name one subject: one name's distinguishing words
    hold the other's ("the fostering service" and "the Children's Trust Fostering Agency";
    never "Hillside Primary School" and "Oakwood Primary School", whose key word "primary"
    is only the kind of school)."""
    return a.name_words <= b.name_words or b.name_words <= a.name_words


def _nest_grains(
    components: list[list[StoredClaim]],
) -> tuple[list[list[StoredClaim]], dict[int, list[StoredClaim]]]:
    """An event's agreements at a coarser grain that hold exactly one finer agreement ("last
    week's" and "this week" around two outlets' "Feb. 1" caucuses) are that agreement told
    less precisely: folded into it (the index of the finer one -> the coarser claims), not
    a finding of their own."""
    spans = [date_interval(component[0].normalized) for component in components]
    order = sorted(
        range(len(components)), key=lambda i: (spans[i][1] - spans[i][0]) if spans[i] else 0
    )
    kept: list[int] = []
    folded: dict[int, list[StoredClaim]] = defaultdict(list)
    for i in order:
        span = spans[i]
        inside = [
            j
            for j in kept
            if span
            and spans[j]
            and span != spans[j]
            and span[0] <= spans[j][0]
            and spans[j][1] <= span[1]
        ]
        if len(inside) == 1:
            folded[inside[0]].extend(components[i])
        else:
            kept.append(i)
    kept.sort()
    return [components[i] for i in kept], {
        n: folded[i] for n, i in enumerate(kept) if folded.get(i)
    }


def _grain_note(fine: StoredClaim, coarse: Sequence[StoredClaim]) -> str:
    periods = ", ".join(sorted({f"'{c.value}' ({c.normalized})" for c in coarse}))
    return f"Also {periods}, which hold {fine.normalized} and name no other date."


def _subject_near_misses(groups: dict[GroupKey, list[StoredClaim]]) -> list[Finding]:
    """Related subjects (same kind of organisation, different distinguishing word) whose
    values would contradict if they were one subject: listed to show they were not."""
    findings = []
    # Only groups with the same attribute and the same kind of head can be near misses:
    # compare within those buckets, not every pair of groups in the corpus.
    buckets: dict[tuple[str, str], list[GroupKey]] = defaultdict(list)
    for key in groups:
        (distinct, head), attribute = key
        if distinct:
            buckets[(attribute, head)].append(key)
    candidates = sorted(
        pair for bucket in buckets.values() for pair in combinations(sorted(bucket), 2)
    )
    for (key_a, attribute_a), (key_b, attribute_b) in candidates:
        pairs = [
            (a, b, rel)
            for a in groups[(key_a, attribute_a)]
            for b in groups[(key_b, attribute_b)]
            if a.document != b.document
            and (rel := relation(a, b)) is not None
            and rel.verdict == CONTRADICT
        ]
        if not pairs:
            continue
        a, b, _ = pairs[0]
        reason = Relation(
            DIFFERENT_SUBJECT,
            f"'{a.subject}' and '{b.subject}' are different subjects ({key_a[0]} vs "
            f"{key_b[0]} {key_a[1]}), so '{a.normalized}' and '{b.normalized}' do not conflict",
        )
        involved = _claims_of([(a, b, reason)])
        findings.append(
            Finding(
                subject=f"{a.subject} / {b.subject}",
                subject_id=None,
                attribute=attribute_a,
                verdict=DIFFERENT_SUBJECT,
                claims=tuple(c.as_dict() for c in involved),
                explanation=reason.reason[0].upper() + reason.reason[1:] + ".",
            )
        )
    return findings


def _population_near_misses(groups: dict[GroupKey, list[StoredClaim]]) -> list[Finding]:
    """The same subject and unit counted over a narrower population ("495 children" vs
    "480 children in in-house foster placements"): a check, never a contradiction."""
    by_unit: dict[tuple[tuple[str, str], str], list[GroupKey]] = defaultdict(list)
    for key, members in groups.items():
        sample = members[0]
        # A toll's attribute says what happened to those counted: killed and injured are
        # never one group counted twice.
        vocab = claim_vocabulary()
        incident = vocab.is_incident_attribute(sample.attribute)
        # What a subject lacks is not a narrower group of what it has.
        needed = vocab.is_needed_attribute(sample.attribute)
        if sample.kind == "count" and sample.unit and not (incident or needed):
            by_unit[(key[0], sample.unit)].append(key)
    findings = []
    for related in by_unit.values():
        if len(related) < 2:
            continue
        for ka, kb in combinations(sorted(related), 2):
            pairs = [
                (a, b)
                for a in groups[ka]
                for b in groups[kb]
                if a.document != b.document and a.normalized != b.normalized
            ]
            if not pairs:
                continue
            a, b = pairs[0]
            findings.append(
                Finding(
                    subject=a.subject,
                    subject_id=a.subject_id,
                    attribute=f"{ka[1]} / {kb[1]}",
                    verdict=CHECK,
                    claims=(a.as_dict(), b.as_dict()),
                    explanation=(
                        f"'{a.value} {a.unit}' ({a.attribute}) and '{b.value} {b.unit}' "
                        f"({b.attribute}) count different groups; check they are not the same."
                    ),
                )
            )
    return findings


def _finding(members: Iterable[StoredClaim], verdict: str, explanation: str) -> Finding:
    ordered = sorted(members, key=lambda c: (c.document, c.start, c.id))
    return Finding(
        subject=_preferred(_counts(c.subject for c in ordered)),
        subject_id=_most_common(c.subject_id for c in ordered if c.subject_id),
        attribute=ordered[0].attribute,
        verdict=verdict,
        claims=tuple([c.as_dict() for c in ordered]),
        explanation=explanation,
    )


def _counts(values: Iterable[str]) -> dict[str, int]:
    # A plain dict: most findings hold one or two claims, where a Counter costs more to
    # build than the counting itself.
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_common(values: Iterable[str]) -> str | None:
    # The first of the most frequent, as Counter.most_common(1) picks it.
    counts = _counts(values)
    return max(counts.items(), key=itemgetter(1))[0] if counts else None


def _preferred(names: dict[str, int]) -> str:
    # The most frequent name; among equals the longest (most specific) one.
    return max(names.items(), key=lambda item: (item[1], len(item[0])))[0]


def _claims_of(pairs: Sequence[Pair]) -> list[StoredClaim]:
    seen: dict[int, StoredClaim] = {}
    for a, b, _ in pairs:
        seen.setdefault(a.id, a)
        seen.setdefault(b.id, b)
    return list(seen.values())


def _components(pairs: Sequence[Pair]) -> list[list[StoredClaim]]:
    """Claims connected by agreement, each connected set once."""
    parent: dict[int, int] = {}
    claims: dict[int, StoredClaim] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in pairs:
        claims[a.id], claims[b.id] = a, b
        parent[find(a.id)] = find(b.id)
    # A document stating one figure in two sentences (a live blog's versions) states it
    # once: its agreements with another document are one finding, not one per sentence.
    first: dict[tuple[str, str | None], int] = {}
    for ident, claim in claims.items():
        seen = first.setdefault((claim.document, claim.normalized), ident)
        parent[find(ident)] = find(seen)
    components: dict[int, list[StoredClaim]] = defaultdict(list)
    for ident, claim in claims.items():
        components[find(ident)].append(claim)
    return list(components.values())


def matched_on(claims: Sequence[StoredClaim]) -> str:
    """Which words made these claims comparable: the subject's names and key, the
    attribute, the unit."""
    names = sorted({c.subject for c in claims})
    distinct, head = claims[0].key
    unit = f", unit '{claims[0].unit}'" if claims[0].unit else ""
    return (
        f"Matched on subject {' / '.join(repr(n) for n in names)} (key '{distinct} {head}'), "
        f"attribute '{claims[0].attribute}'{unit}."
    )


def describe(claim: StoredClaim, labels: Mapping[str, str] | None = None) -> str:
    """One claim in a phrase: where (the document's label), what it says, how it reads."""
    reading = claim.normalized or "?"
    extras = []
    if claim.qualifier != "exact":
        extras.append(claim.qualifier.replace("_", " "))
    if claim.kind == "rating" and claim.status:
        extras.append(claim.status)
    if claim.kind != "event" and claim.as_of:
        extras.append(f"as of {claim.as_of}")
    if claim.kind == "event" and claim.status == "planned":
        extras.append("planned")
    suffix = f" ({', '.join(extras)})" if extras else ""
    label = (labels or {}).get(claim.document)
    if label:
        dated = ""
        if claim.corpus_dated:
            dated = " (undated: placed at the corpus's middle date)"
        elif claim.document_date:
            inferred = claim.date_source == "inferred"
            dated = (
                " (date inferred from its text)" if inferred else f" (date: {claim.date_source})"
            )
        return f"{label}{dated} says '{claim.value}' = {reading}{suffix}"
    dated = f" ({claim.document_date}, {claim.date_source})" if claim.document_date else ""
    return f"{claim.document}{dated} says '{claim.value}' = {reading}{suffix}"


def _explain(
    members: Sequence[StoredClaim], pairs: Sequence[Pair], labels: Mapping[str, str]
) -> str:
    ordered = sorted(members, key=lambda c: (c.document, c.start))
    ids = {c.id for c in ordered}
    lines = [matched_on(ordered), "; ".join(describe(c, labels) for c in ordered) + "."]
    reasons = sorted({rel.reason for a, b, rel in pairs if a.id in ids and b.id in ids})
    lines.append(" ".join(r[0].upper() + r[1:] + "." for r in reasons[:3]))
    lines += _date_notes(ordered, labels)
    return " ".join(line for line in lines if line)


def _date_notes(claims: Sequence[StoredClaim], labels: Mapping[str, str]) -> list[str]:
    """One sentence per undated document saying which dates were inferred and how."""
    by_document: dict[tuple[str, str], list[StoredClaim]] = defaultdict(list)
    for claim in claims:
        if claim.date_reference:
            by_document[(claim.document, claim.date_reference)].append(claim)
    notes = []
    for (document, reference), dated in sorted(by_document.items()):
        readings = ", ".join(
            f"'{c.value}' as {c.normalized} ({c.date_inferred} inferred)" for c in dated
        )
        notes.append(
            f"{labels.get(document, document)} is undated: read {readings} against its {reference}."
        )
    return notes


def _single_explanation(members: Sequence[StoredClaim], labels: Mapping[str, str]) -> str:
    values = sorted({c.normalized or c.value for c in members})
    document = members[0].document
    return f"Only {labels.get(document, document)} says this ({', '.join(values)})."
