"""The HTML report (issue 5) in a real browser: headless Chromium renders the
contradiction section, and a document full of markup cannot run script.

Chromium is Debian's ``chromium`` package, installed by ``make test``; without it the
browser tests are skipped (the escaping tests still run).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpusmine import runner
from corpusmine.query.report import report_html
from corpusmine.report.html import CSP
from corpusmine.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)"
)

# A document whose text tries every way of running script in the page.
HOSTILE = (
    "date 2023-03-24\n"
    "Fostering agency news <script>document.title='pwned'</script>\n\n"
    'The agency looks after 495 children. <img src=x onerror="document.body.setAttribute('
    "'data-pwned','img')\"> <svg onload=\"document.body.setAttribute('data-pwned','svg')\">"
    '</svg> <a href="javascript:alert(1)">link</a> <iframe src="https://example.com"></iframe>'
)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = folder.parent / "report.db"
    with Store(path) as store:
        assert runner.run_extract([str(folder)], store).failures == ()
        html = report_html(store)
    out = folder.parent / "report.html"
    out.write_text(html, encoding="utf-8")
    yield out


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after Chromium loaded the page (and ran whatever script it was allowed to)."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout


def title_of(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.S)
    return match.group(1) if match else ""


@needs_chromium
def test_harness_detects_script_that_runs(tmp_path: Path):
    # Without escaping and CSP the same payload does run: the checks below can fail.
    page = tmp_path / "unsafe.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>safe</title></head><body>"
        + HOSTILE.split("\n", 1)[1]
        + "</body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page, tmp_path / "profile")
    assert title_of(dom) == "pwned" or 'data-pwned="' in dom


@needs_chromium
def test_contradiction_section_renders(report_file: Path, tmp_path: Path):
    dom = dump_dom(report_file, tmp_path / "profile")
    section = re.search(r'<section id="contradictions">(.*?)</section>', dom, re.S)
    assert section is not None
    body = section.group(1)
    assert 'class="finding contradict"' in body
    assert "last November" in body and "February" in body
    assert body.count('class="side"') >= 2  # the conflicting sentences side by side
    assert re.search(r'<a href="#doc-000_8f1243ab9ff67e7d-[0-9a-f]{6}-at-\d+">', body)


@needs_chromium
def test_document_markup_cannot_run_script(report_file: Path, tmp_path: Path):
    dom = dump_dom(report_file, tmp_path / "profile")
    assert title_of(dom) == "corpusmine report"
    assert 'data-pwned="' not in dom
    assert not re.search(r"<(script|img|svg|iframe)\b", dom, re.I)
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
    assert not re.search(r"<a\b[^>]*javascript:", dom, re.I)


def test_page_is_self_contained_and_forbids_scripts(report_file: Path):
    html = report_file.read_text(encoding="utf-8")
    assert "script-src" not in CSP and "default-src 'none'" in CSP
    assert '<meta http-equiv="Content-Security-Policy"' in html
    assert 'name="viewport"' in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # no external resource
    assert "<script" not in html.lower()
    assert '<span class="ent ent-ORG"' in html  # entities highlighted in document text
