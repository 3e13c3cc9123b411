"""Corpus dates do not depend on the order or grouping documents arrive in.

An undated document is dated from the corpus (months placed in its most common year, or
its middle date): the stored dates must be those of one run over the whole corpus,
whether the documents came in one run, in two, or one at a time, and a document dated
from corpus figures is redone exactly when a figure it used changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_steps import extract_in_steps as _extract_in_steps
from corpusmine.records import DateSource
from corpusmine.runner import run_extract
from corpusmine.store import Store
from corpusmine.temporal.corpus_dates import CorpusDates, Figure

# Two domains besides the seeds: a hospital ward and an island ferry. Some print a
# dateline near their top; others name only months (placed in the corpus's year) or no
# date at all (given the corpus's middle date).
PASSAGES = {
    "health/ward_1.txt": (
        "Hospital trust delays reopening of children's ward\n\n"
        "14 March 2019\n\n"
        "The Northmoor Hospitals Trust said on Tuesday that the children's ward, closed in "
        "January, would not reopen before the summer.\n\n"
        "The trust said it had recruited 12 of the 30 nurses it needed."
    ),
    "health/ward_2.txt": (
        "Parents march over ward closure\n\n"
        "About 200 parents marched to Northmoor General Hospital on Saturday.\n\n"
        "The ward closed in January, and in February the trust said it could not staff it. "
        '"We were promised answers," said Joanne Firth, who organised the march.'
    ),
    "health/ward_3.txt": (
        "Nurses asked to cover closed ward\n\n"
        "Nurses at Northmoor General Hospital have been asked to work extra shifts while "
        'the children\'s ward stays shut. "Morale is low," one nurse said.'
    ),
    "transport/ferry_1.txt": (
        "Island ferry suspended after failed inspection\n\n"
        "September 3, 2018\n\n"
        "The Skerrydale ferry stopped running in August after its only vessel failed an "
        "inspection, its operator Westsound Shipping said.\n\n"
        "About 400 islanders rely on the service."
    ),
    "transport/ferry_2.txt": (
        "Ferry operator charters replacement vessel\n\n"
        "October 9, 2018\n\n"
        "Westsound Shipping has chartered a replacement vessel for the Skerrydale route, "
        "which has had no sailings since August."
    ),
    "transport/ferry_3.txt": (
        "Skerrydale sailings resume\n\n"
        "The Skerrydale ferry, which stopped in August, resumed sailings in October, "
        'islanders said. "It has been a hard autumn," said councillor Morag Baird.'
    ),
}


def _corpus(seeds_dir: Path) -> dict[str, str]:
    seeds = {f"seeds/{p.name}": p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    return {**seeds, **PASSAGES}


def _dates(db: Path) -> dict[str, dict]:
    """Every stored value that depends on the corpus's dates."""
    with Store(db, create=False) as store:
        documents = {d.id: (d.date, d.date_source, d.date_window) for d in store.documents()}
        mentions = {
            (m.document, m.start, m.end, m.label): m.normalized
            for m in store.mentions()
            if m.normalized
        }
        claims = {(c.document, c.start, c.end, c.attribute): c.as_of for c in store.claims()}
    return {"documents": documents, "mentions": mentions, "claims": claims}


@pytest.fixture(scope="module")
def one_run(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path
) -> tuple[dict[str, str], dict]:
    tmp = tmp_path_factory.mktemp("dates_one_run")
    corpus = _corpus(seeds_dir)
    _extract_in_steps(tmp / "root", tmp / "all.db", corpus, [sorted(corpus)])
    return corpus, _dates(tmp / "all.db")


def test_undated_documents_take_the_figures_of_the_whole_corpus(one_run: tuple) -> None:
    _, got = one_run
    documents = got["documents"]
    given = [d for d, source, _ in documents.values() if d and DateSource(source).given]
    corpus = CorpusDates(tuple(sorted(given)))
    # The comparisons below are worth something only if some dates are printed ones and
    # some come from the corpus.
    assert documents["health/ward_1"][:2] == ("2019-03-14", DateSource.DATELINE)
    assert documents["transport/ferry_2"][:2] == ("2018-10-09", DateSource.DATELINE)
    inferred = {k: v for k, v in documents.items() if v[1] == DateSource.INFERRED}
    assert {"health/ward_2", "health/ward_3", "transport/ferry_3"} <= set(inferred)
    # Months without a year are placed in the corpus's most common year ...
    assert documents["transport/ferry_3"][0].startswith(str(corpus.year))
    # ... and a document with no date clue gets the middle given date, the span as window.
    assert documents["health/ward_3"][0] == corpus.typical
    assert documents["health/ward_3"][2] == "/".join(corpus.span or ())


@pytest.mark.parametrize(
    "order",
    ["undated passages first, then the rest", "one document at a time, last first"],
)
def test_dates_are_the_same_whatever_order_documents_arrive_in(
    order: str, one_run: tuple, tmp_path: Path
) -> None:
    corpus, expected = one_run
    names = sorted(corpus)
    if order.startswith("undated"):
        first = ["health/ward_2.txt", "health/ward_3.txt", "transport/ferry_3.txt"]
        steps = [first, [n for n in names if n not in first]]
    else:
        steps = [[n] for n in reversed(names)]
    _extract_in_steps(tmp_path / "root", tmp_path / "steps.db", corpus, steps)
    got = _dates(tmp_path / "steps.db")
    for part in ("documents", "mentions", "claims"):
        assert got[part] == expected[part], part


def test_only_documents_dated_from_a_changed_figure_are_redone(
    one_run: tuple, tmp_path: Path
) -> None:
    corpus, _ = one_run
    passages = {k: v for k, v in corpus.items() if not k.startswith("seeds/")}
    ferries = sorted(k for k in passages if k.startswith("transport/"))
    runs = _extract_in_steps(
        tmp_path / "root", tmp_path / "db", passages, [ferries, [], ["health/ward_1.txt"]]
    )
    assert set(runs[0]) == {"transport/ferry_1", "transport/ferry_2", "transport/ferry_3"}
    assert runs[1] == ()  # an unchanged corpus costs nothing
    # A 2019 dateline joins two of 2018: the most common year stays 2018, so the
    # document whose months were placed in it is kept; nothing used the middle date.
    assert set(runs[2]) == {"health/ward_1"}
    # A second 2019 dateline makes the tie 2018/2019 (earliest wins: still 2018) but
    # moves the middle date: the undated document using it is redone, not the others.
    (tmp_path / "root" / "health").mkdir(exist_ok=True)
    (tmp_path / "root" / "health" / "ward_3.txt").write_text(passages["health/ward_3.txt"])
    with Store(tmp_path / "db") as store:
        assert set(run_extract([str(tmp_path / "root")], store).extracted) == {"health/ward_3"}
        (tmp_path / "root" / "health" / "ward_4.txt").write_text(
            passages["health/ward_1.txt"].replace("14 March 2019", "2 April 2019") + " Later."
        )
        redone = set(run_extract([str(tmp_path / "root")], store).extracted)
        dates = {d.id: d for d in store.documents()}
    assert redone == {"health/ward_4", "health/ward_3"}
    assert dates["health/ward_3"].date == "2019-03-14"  # the middle of four given dates


def test_corpus_figures_do_not_depend_on_the_order_of_dates() -> None:
    dates = ("2019-05-01", "2018-02-03", "2019-01-10", "2018-11-30")
    assert {CorpusDates(dates).year, CorpusDates(dates[::-1]).year} == {2018}
    assert CorpusDates(dates).typical == CorpusDates(dates[::-1]).typical == "2019-01-10"
    corpus = CorpusDates(dates)
    stored = "sig||none" + corpus.key((Figure.YEAR, Figure.TYPICAL)) + "|bp:abc"
    assert CorpusDates.without_figures(stored) == "sig||none|bp:abc"
    assert corpus.rekey(stored) == stored
    # A new date moves the middle date but not the year.
    moved = CorpusDates((*dates, "2018-06-01"))
    assert moved.rekey(stored) != stored
    only_year = "sig||none" + corpus.key((Figure.YEAR,))
    assert moved.rekey(only_year) == only_year


def _page(title: str, paragraphs: list[str], published: str | None = None) -> str:
    """A saved news page, its date in its JSON-LD when ``published`` is given."""
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "{published}"}}</script>'
        if published
        else ""
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{ld}</head><body><main><article>"
        f"<h1>{title}</h1>{body}</article></main></body></html>"
    )


# Saved pages: one dated by its tags, one by the date its text prints; and a text
# file with no date clue at all, which takes the middle of their dates.
PAGES = {
    "pages/library.html": _page(
        "Library opening hours cut",
        [
            "Three branch libraries in Eastwick will open on two days a week from next "
            "month, the borough council has said.",
            "The council said the change would save about £90,000 a year. Readers' groups "
            "said they had not been asked.",
        ],
        published="2021-05-11T09:00:00+01:00",
    ),
    "pages/pool.html": _page(
        "Swimming pool to close for repairs",
        [
            "June 2, 2021",
            "Eastwick Leisure Centre's pool will close for six weeks while its roof is "
            "repaired, the operator said on Wednesday.",
            "Swimming clubs will use the pool at Northfield school during the closure.",
        ],
    ),
    "pages/readers.txt": (
        "Readers petition council\n\n"
        "More than 1,500 people have signed a petition asking Eastwick council to keep "
        'its branch libraries open. "The library is the only warm room some of us have," '
        "said one reader."
    ),
}


@pytest.mark.parametrize(
    "steps",
    [
        [sorted(PAGES)],
        [["pages/readers.txt"], ["pages/library.html", "pages/pool.html"]],
        [["pages/library.html", "pages/readers.txt"], ["pages/pool.html"]],
    ],
    ids=["one run", "undated first", "one page later"],
)
def test_pages_count_their_own_dates_in_the_run_that_reads_them(
    steps: list[list[str]], tmp_path: Path
) -> None:
    _extract_in_steps(tmp_path / "root", tmp_path / "db", PAGES, steps)
    documents = _dates(tmp_path / "db")["documents"]
    assert documents["pages/library"][:2] == ("2021-05-11", DateSource.PAGE)
    # The page reader reads the printed date as the page's own: given either way.
    assert documents["pages/pool"][0] == "2021-06-02"
    assert DateSource(documents["pages/pool"][1]).given
    # The middle of the two given dates (the later of two), their span as window.
    assert documents["pages/readers"] == (
        "2021-06-02",
        DateSource.INFERRED,
        "2021-05-11/2021-06-02",
    )
