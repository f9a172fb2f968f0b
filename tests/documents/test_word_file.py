"""The Word file: the house template's styles, A4, properties, headers and page numbers."""

from __future__ import annotations

from io import BytesIO
from zipfile import ZipFile

import docx
from docx.oxml.ns import qn

from clerk.documents import typography
from clerk.documents.house_template import STYLES, TEMPLATE, build_template
from clerk.resources import resource
from tests.documents.conftest import MINUTES, SEPTEMBER, TRACKER, DemoFiles

COMMITTEE = "Children and Young People's Overview and Scrutiny Board"


def _open(demo_files: DemoFiles, name: str) -> docx.document.Document:
    return docx.Document(BytesIO(demo_files.read(name)))


def test_the_committed_house_template_is_what_the_script_builds() -> None:
    built = ZipFile(BytesIO(build_template()))
    committed = ZipFile(resource(*TEMPLATE))
    assert sorted(built.namelist()) == sorted(committed.namelist())
    for name in built.namelist():
        assert built.read(name) == committed.read(name), f"{name} differs: rebuild the template"


def test_the_template_has_the_house_styles_on_a4() -> None:
    template = docx.Document(str(resource(*TEMPLATE)))
    names = {style.name for style in template.styles}
    assert {"Title", "Heading 1", "Heading 2", "List Number", "Body Text", "Table Text"} <= names
    section = template.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (25, 25)
    for level, style in enumerate(("Heading 1", "Heading 2")):
        outline = template.styles[style].element.pPr.find(qn("w:outlineLvl"))
        assert outline is not None and outline.get(qn("w:val")) == str(level)


def test_minutes_use_real_heading_and_list_styles(demo_files: DemoFiles) -> None:
    document = _open(demo_files, f"{MINUTES}.docx")
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    # The title is balanced: broken at the same word as the PDF's, within one paragraph.
    assert by_style["Title"] == [
        "Minutes of the Children and Young\nPeople's Overview and Scrutiny Board"
    ]
    assert by_style["Heading 1"] == [
        "14. Apologies",
        "15. Minutes",
        "16. Corporate Parenting Strategy",
        "17. Exploitation Update",
    ]
    assert "to approve the Corporate Parenting Strategy;" in by_style["List Number"]


def test_core_properties_name_the_council_and_committee(demo_files: DemoFiles) -> None:
    core = _open(demo_files, f"{MINUTES}.docx").core_properties
    assert core.title == f"Minutes of the {COMMITTEE}, 18 August 2021"
    assert core.subject == COMMITTEE
    assert core.author == "Torbay Council"
    assert core.language == "en-GB"


def test_running_header_after_the_first_page_and_page_x_of_y(demo_files: DemoFiles) -> None:
    section = _open(demo_files, f"{MINUTES}.docx").sections[0]
    assert section.different_first_page_header_footer
    first = [p.text for p in section.first_page_header.paragraphs]
    later = [p.text for p in section.header.paragraphs]
    assert first == ["Draft: subject to confirmation"]
    assert later == ["Draft: subject to confirmation", f"{COMMITTEE}\tWednesday, 18 August 2021"]
    for footer in (section.footer, section.first_page_footer):
        xml = footer._element.xml
        assert " PAGE " in xml and " NUMPAGES " in xml
        assert "Page " in footer.paragraphs[0].text and " of " in footer.paragraphs[0].text


def test_the_signature_block_is_kept_with_the_text_before_it(demo_files: DemoFiles) -> None:
    paragraphs = _open(demo_files, f"{MINUTES}.docx").paragraphs
    texts = [p.text for p in paragraphs]
    chairman = texts.index("Chairman")
    for paragraph in paragraphs[chairman - 3 : chairman]:
        assert paragraph.paragraph_format.keep_with_next, paragraph.text


def test_the_tracker_is_a_landscape_table_with_a_repeating_header(demo_files: DemoFiles) -> None:
    document = _open(demo_files, f"{TRACKER}.docx")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == [
        "Date of meeting",
        "Minute No.",
        "Action",
        "Comments",
        "Status",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_word_files_come_from_a_clean_template(demo_files: DemoFiles) -> None:
    """No preview thumbnail, application properties that say Clerk, only the house styles,
    no latent-style list, no leftovers of python-docx's default document."""
    for name in (f"{MINUTES}.docx", f"{TRACKER}.docx"):
        archive = ZipFile(BytesIO(demo_files.read(name)))
        parts = set(archive.namelist())
        assert not {p for p in parts if "thumbnail" in p or p.startswith("customXml")}
        assert "word/stylesWithEffects.xml" not in parts
        assert "thumbnail" not in archive.read("_rels/.rels").decode()
        app = archive.read("docProps/app.xml").decode()
        assert "<Application>Clerk</Application>" in app and "Microsoft" not in app
        styles = docx.Document(BytesIO(demo_files.read(name))).styles
        assert {s.name for s in styles} == set(STYLES)
        assert styles.element.find(qn("w:latentStyles")) is None
        assert b"savePreviewPicture" not in archive.read("word/settings.xml")


def test_no_empty_paragraphs_for_spacing(demo_files: DemoFiles) -> None:
    for name in (f"{MINUTES}.docx", f"{SEPTEMBER}.docx", f"{TRACKER}.docx"):
        document = _open(demo_files, name)
        empty = [i for i, p in enumerate(document.paragraphs) if not p.text.strip()]
        assert empty == [], name
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    texts = [p.text for p in cell.paragraphs]
                    assert len(texts) == 1 or all(t.strip() for t in texts), texts


def test_parts_stay_together_with_their_resolved_line(demo_files: DemoFiles) -> None:
    paragraphs = _open(demo_files, f"{MINUTES}.docx").paragraphs
    texts = [p.text for p in paragraphs]
    for resolved in [i for i, t in enumerate(texts) if t == "Resolved (unanimously):"]:
        assert paragraphs[resolved].paragraph_format.keep_with_next
        block = []  # the preamble ("That the Cabinet be recommended:"), then the parts
        for paragraph in paragraphs[resolved + 1 :]:
            preamble = not block and paragraph.style.name == "Body Text"
            if not (preamble or paragraph.style.name == "List Number"):
                break
            block.append(paragraph)
        parts = [p for p in block if p.style.name == "List Number"]
        assert parts
        for paragraph in block[:-1]:  # each with the next, the last with what follows if asked
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
        for paragraph in parts:
            assert paragraph.paragraph_format.keep_together, paragraph.text
    # Headings never end a page: the styles keep them with the next paragraph.
    for style in ("Title", "Heading 1", "Heading 2"):
        assert paragraphs[0].part.document.styles[style].paragraph_format.keep_with_next


def test_web_addresses_are_hyperlinks(demo_files: DemoFiles) -> None:
    document = _open(demo_files, f"{SEPTEMBER}.docx")
    links = document.element.body.findall(".//" + qn("w:hyperlink"))
    assert len(links) == 1
    target = document.part.rels[links[0].get(qn("r:id"))]
    assert target.is_external
    assert target.target_ref == "https://www.torbay.gov.uk/family-friendly"
    run_style = links[0].find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rStyle"))
    assert run_style.get(qn("w:val")) == "Hyperlink"
    text = "".join(t.text for t in links[0].iter(qn("w:t")))
    assert text == "https://www.torbay.gov.uk/family-friendly"


def test_word_and_pdf_share_one_metric_compatible_font() -> None:
    """The styles name Arial (with its metric twin, which the PDF embeds, as the alternate);
    every style's line spacing is the PDF's leading, so the two set the same lines."""
    template = docx.Document(str(resource(*TEMPLATE)))
    fonts = template.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:cs")) == "Arial"
    table = ZipFile(resource(*TEMPLATE)).read("word/fontTable.xml").decode()
    assert '<w:font w:name="Arial"><w:altName w:val="Liberation Sans"/>' in table
    body = template.styles["Body Text"].paragraph_format
    assert body.line_spacing.pt == typography.BODY.leading
    assert template.styles["Heading 1"].paragraph_format.space_before.pt == (
        typography.HEADING_1.before
    )
