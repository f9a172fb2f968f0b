"""The web version: the public minutes and the tracker as accessible HTML.

Read back with lxml for its structure (headings, lists, tables with header cells, links, the
language and title, the same words as the Word file), and checked by axe-core in headless
Chromium (WCAG 2.2 A and AA and best practice).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from clerk.documents.html import render_html
from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document, Furniture, Heading, Metadata, Para
from clerk.domain.errors import ClerkError
from clerk.services.documents import generate_minutes
from tests.conftest import run_clerk
from tests.documents.browser import run_axe
from tests.documents.conftest import MINUTES, SEPTEMBER, TRACKER, DemoFiles
from tests.documents.readback import docx_text, html_lines, normalise
from tests.documents.scenarios import september_meeting

COMMITTEE = "Children and Young People's Overview and Scrutiny Board"
PAGES = [f"{MINUTES}.html", f"{SEPTEMBER}.html", f"{TRACKER}.html"]


def _page(demo_files: DemoFiles, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(demo_files.read(name))


def _text(element: lxml.html.HtmlElement) -> str:
    return normalise(element.text_content())


@pytest.mark.parametrize("name", PAGES)
def test_one_file_with_its_language_title_and_style(demo_files: DemoFiles, name: str) -> None:
    data = demo_files.read(name)
    assert data.startswith(b"<!DOCTYPE html>")
    page = lxml.html.fromstring(data)
    assert page.get("lang") == "en-GB"
    assert page.find("head/meta").get("charset") == "utf-8"
    assert page.findtext("head/title").startswith(("Minutes of the", COMMITTEE))
    assert page.find("head/style") is not None
    assert not page.xpath("//link | //script | //img | //iframe")  # nothing fetched
    assert len(page.xpath("//main")) == 1 and len(page.xpath("//h1")) == 1


@pytest.mark.parametrize(
    ("name", "word"), [(MINUTES, MINUTES), (SEPTEMBER, SEPTEMBER), (TRACKER, TRACKER)]
)
def test_the_web_version_says_what_the_word_file_says(
    demo_files: DemoFiles, name: str, word: str
) -> None:
    web = normalise(" ".join(html_lines(demo_files.read(f"{name}.html"))))
    assert web == docx_text(demo_files.read(f"{word}.docx"))


def test_minutes_have_headings_sections_and_ordered_parts(demo_files: DemoFiles) -> None:
    page = _page(demo_files, f"{MINUTES}.html")
    assert _text(page.xpath("//h1")[0]) == f"Minutes of the {COMMITTEE}"
    sections = page.xpath("//main/section")
    assert [_text(s.find("h2")) for s in sections] == [
        "14. Apologies",
        "15. Minutes",
        "16. Corporate Parenting Strategy",
        "17. Exploitation Update",
    ]
    for section in sections:
        heading = section.find("h2")
        assert section.get("aria-labelledby") == heading.get("id")
    assert [_text(p) for p in page.xpath("//main/p[@class='marking']")] == [
        "Draft: subject to confirmation"
    ]
    strategy = sections[2].xpath("ol")[0]
    assert strategy.get("start") is None  # starts at 1
    assert _text(strategy.findall("li")[0]) == "to approve the Corporate Parenting Strategy;"
    exploitation = sections[3].xpath("ol")[0]
    (lettered,) = exploitation.xpath("li[1]/ol")
    assert lettered.get("type") == "a"
    assert len(lettered.findall("li")) == 2
    resolved = sections[3].xpath("p/strong")
    assert [_text(s) for s in resolved] == ["Resolved (unanimously):"]
    signature = page.xpath("//div[@class='signature']/p")
    assert [_text(p) for p in signature][1] == "Chairman"


def test_the_tracker_is_a_data_table_with_column_headers(demo_files: DemoFiles) -> None:
    page = _page(demo_files, f"{TRACKER}.html")
    (table,) = page.xpath("//table")
    headers = table.xpath("thead/tr/th")
    assert [_text(th) for th in headers] == [
        "Date of meeting",
        "Minute No.",
        "Action",
        "Comments",
        "Status",
    ]
    assert {th.get("scope") for th in headers} == {"col"}
    rows = table.xpath("tbody/tr")
    assert len(rows) == 2 and all(len(row.findall("td")) == 5 for row in rows)
    assert rows[1].xpath("td[3]/ol")[0].get("start") == "2"
    assert _text(table.find("caption")) == f"{COMMITTEE} Action Tracker"


def test_web_addresses_are_links(demo_files: DemoFiles) -> None:
    page = _page(demo_files, f"{SEPTEMBER}.html")
    (link,) = page.xpath("//a")
    assert link.get("href") == "https://www.torbay.gov.uk/family-friendly"
    assert _text(link) == "https://www.torbay.gov.uk/family-friendly"


def test_right_to_left_text_gets_its_direction_from_its_letters() -> None:
    document = Document(
        Metadata("Scripts", "Tests", "Torbay Council"),
        Furniture("The Board", "Monday"),
        (Heading("Scripts", 0), Para("مرحبا بكم في المجلس"), Para("English only")),
    )
    page = lxml.html.fromstring(render_html(document))
    arabic, english = page.xpath("//main/p")
    assert arabic.get("dir") == "auto" and english.get("dir") is None
    assert _text(arabic) == "مرحبا بكم في المجلس"  # as written: the browser shapes it


def test_no_web_version_of_the_confidential_minutes(demo_files: DemoFiles, tmp_path: Path) -> None:
    with pytest.raises(ClerkError, match=r"web version \(html\) is for publishing"):
        generate_minutes(demo_files.database, 2, ["pdf,html"], True, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_command_writes_the_web_version(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    result = run_clerk(
        "--db", db, "tracker", "cyp-scrutiny-board", "--format", "html", "-o", str(tmp_path),
        check=True,
    )  # fmt: skip
    assert result.stdout.splitlines() == [str(tmp_path / f"{TRACKER}.html")]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_accessibility_fault(demo_files: DemoFiles, name: str, tmp_path: Path) -> None:
    results = run_axe(demo_files.read(name), tmp_path)
    assert results["violations"] == []
    assert results["incomplete"] == []
    for rule in ("html-has-lang", "document-title", "heading-order", "list", "color-contrast"):
        assert rule in results["passes"]


def test_axe_does_report_a_fault_when_there_is_one(tmp_path: Path) -> None:
    """The check can fail: a page without its language and with a skipped heading level."""
    page = b"<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>A</h1>"
    page += b"<h4>B</h4><p style='color:#bbb'>faint</p></main></body></html>"
    results = run_axe(page, tmp_path)
    found = {v["id"] for v in results["violations"]}
    assert {"html-has-lang", "heading-order", "color-contrast"} <= found


def test_axe_finds_no_fault_in_a_recorded_vote_table(tmp_path: Path) -> None:
    """The minutes of a meeting with a recorded vote: its table (column headers, each row
    headed by the way voted) passes axe's table rules."""
    document = compose_minutes(september_meeting(), MinutesOptions())
    page = render_html(document)
    assert b'<th scope="row">' in page
    results = run_axe(page, tmp_path)
    assert results["violations"] == []
    assert results["incomplete"] == []
    for rule in ("scope-attr-valid", "th-has-data-cells", "td-headers-attr"):
        assert rule in results["passes"]
