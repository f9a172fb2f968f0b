"""PDF files put together: the one module that reads and merges PDFs (pikepdf, on qpdf).

An agenda pack is the front sheet and agenda (rendered by Clerk), then the documents of each
item: generated ones (the minutes, the action tracker) and the report files a clerk attached.
``assemble`` joins them, numbers every page through the whole pack by drawing on it (a page
number, "Agenda Item 6" on an item's first page, a confidentiality marking where asked), and
builds the outline: each part's own bookmarks nested under its item. The pack is a tagged
PDF made in the same step: each tagged part's structure tree kept as a ``Part`` of the
pack's (``pdf_tagged_merge.StructureMerger``), the stamps drawn as artifacts. ``inspect_pdf``
is what is checked before a report file is accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import pikepdf
from pikepdf import Array, Name, OutlineItem, Page, Pdf
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clerk.documents import fonts
from clerk.documents.model import Metadata
from clerk.documents.pdf_tagged_merge import StructureMerger

FOOTER_MM = 10  # where the page number sits, as in the renderer's footer
STAMP_SIZE = 9
ITEM_SIZE = 10


class BadPdf(ValueError):
    """The file is not a PDF Clerk can use; the message says why, without the file's name."""


@dataclass(frozen=True)
class PdfFacts:
    pages: int


def inspect_pdf(data: bytes) -> PdfFacts:
    """The PDF's page count, or ``BadPdf``: not a PDF, encrypted, damaged, or empty."""
    if b"%PDF-" not in data[:1024]:
        raise BadPdf("is not a PDF")
    try:
        with Pdf.open(BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise BadPdf("is encrypted (password-protected); attach an unprotected copy")
            pages = len(pdf.pages)
            for page in pdf.pages:
                page.mediabox  # noqa: B018 - reading each page finds damage qpdf would repair
            if pdf.get_warnings():
                raise BadPdf("is damaged (it could only be read by repairing it)")
    except pikepdf.PasswordError:
        raise BadPdf("is encrypted (password-protected); attach an unprotected copy") from None
    except pikepdf.PdfError:
        raise BadPdf("is damaged and cannot be read") from None
    if pages < 1:
        raise BadPdf("has no pages")
    return PdfFacts(pages=pages)


def page_count(data: bytes) -> int:
    with Pdf.open(BytesIO(data)) as pdf:
        return len(pdf.pages)


@dataclass(frozen=True)
class Part:
    """A document of the pack, in order.

    ``group`` is the bookmark of the item it belongs to ("6. Family Friendly Vision"); a part
    without a group (the front sheet and agenda) puts its own bookmarks at the top level. Its
    ``title`` is a bookmark under the group when the group has more than one part.
    """

    data: bytes
    title: str
    group: str = ""
    #: Drawn at the top of the part's first page: "Agenda Item 6".
    item_label: str = ""
    #: Drawn at the top of every page of the part: a confidentiality marking.
    marking: str = ""
    #: Bookmarks to add at the top level before the part's own ("Front sheet").
    lead: tuple[str, ...] = ()


@dataclass
class _Entry:
    title: str
    page: int
    children: list[_Entry] = field(default_factory=list)


def _resolve_page(pdf: Pdf, item: OutlineItem) -> int | None:
    destination: Any = item.destination
    if destination is None and item.action is not None:
        destination = item.action.get("/D")
    if isinstance(destination, Array) and len(destination) > 0:
        target = destination[0]
        for index, page in enumerate(pdf.pages):
            if page.obj.objgen == target.objgen:
                return index
    return None


def _outline_of(pdf: Pdf) -> list[_Entry]:
    def walk(items: Sequence[OutlineItem]) -> list[_Entry]:
        entries = []
        for item in items:
            page = _resolve_page(pdf, item)
            children = walk(item.children)
            if page is not None:
                entries.append(_Entry(str(item.title), page, children))
            else:
                entries.extend(children)
        return entries

    with pdf.open_outline() as outline:
        return _unwrapped(walk(outline.root))


def _unwrapped(entries: list[_Entry]) -> list[_Entry]:
    """A generated document's bookmarks hang under its title (one root): in the pack the
    item's own bookmark stands for the title, so its children come up a level."""
    if len(entries) == 1 and entries[0].children:
        return entries[0].children
    return entries


def _stamps(sizes: list[tuple[float, float]], texts: list[tuple[str, str, str]]) -> bytes:
    """One page per pack page, the size of that page: the number at the foot, the item label
    at the top right, the marking at the top centre."""
    buffer = BytesIO()
    body, bold = fonts.register_fonts(), fonts.bold()
    # Every font embedded (PDF/UA): not reportlab's initial Helvetica either.
    canvas = Canvas(buffer, pageCompression=1, initialFontName=body)
    for (width, height), (number, label, marking) in zip(sizes, texts, strict=True):
        canvas.setPageSize((width, height))
        _boxed(canvas, number, width / 2, FOOTER_MM * mm, body, STAMP_SIZE, "centre")
        if label:
            _boxed(canvas, label, width - 12 * mm, height - 8 * mm, bold, ITEM_SIZE, "right")
        if marking:
            _boxed(canvas, marking, width / 2, height - 15 * mm, bold, 8.5, "centre")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _boxed(canvas: Canvas, text: str, x: float, y: float, font: str, size: float, at: str) -> None:
    """Text on a white ground, so a number drawn over a report's own footer stays legible."""
    width = canvas.stringWidth(text, font, size)
    left = x - width / 2 if at == "centre" else x - width
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(left - 3, y - 3, width + 6, size + 4, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(font, size)
    canvas.drawString(left, y, text)


def _displayed_size(page: Page) -> tuple[float, float]:
    box = page.mediabox
    width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    return (height, width) if int(page.obj.get("/Rotate", 0)) % 180 else (width, height)


def _overlay(page: Page, stamp: Page) -> None:
    """Draw ``stamp`` over ``page`` upright as the page is shown (rotation undone), wrapping
    the page's own content in q/Q so its graphics state cannot leak into the stamp."""
    form = stamp.as_form_xobject()
    name = page.add_resource(form, Name.XObject, prefix="ClerkStamp")
    placement = page.calc_form_xobject_placement(
        form, name, pikepdf.Rectangle(page.mediabox), invert_transformations=True
    )
    page.contents_add(b"q\n", prepend=True)
    stamped = b"/Artifact <</Type /Pagination>> BDC\n" + placement + b"\nEMC\n"
    page.contents_add(b"Q\n" + stamped, prepend=False)


def assemble(
    parts: Sequence[Part],
    page_label: Callable[[int], str] = lambda n: f"Page {n}",
    title: str = "",
    metadata: dict[str, str] | None = None,
    language: str = "en-GB",
) -> bytes:
    """The parts as one tagged PDF: pages numbered through, stamped, with the outline."""
    pack = Pdf.new()
    merger = StructureMerger(pack)
    outline: list[_Entry] = []
    groups: dict[str, _Entry] = {}
    members: dict[str, list[_Entry]] = {}
    texts: list[tuple[str, str, str]] = []
    sources: list[Pdf] = []
    try:
        for part in parts:
            source = Pdf.open(BytesIO(part.data))
            sources.append(source)
            start = len(pack.pages)
            inner = _shift(_outline_of(source), start)
            pack.pages.extend(source.pages)
            merger.add(source, start, part.title)
            for index in range(len(source.pages)):
                label = part.item_label if index == 0 else ""
                texts.append((page_label(start + index + 1), label, part.marking))
            outline.extend(_Entry(lead, start) for lead in part.lead)
            if not part.group:
                outline.extend(inner)
                continue
            entry = _Entry(part.title, start, inner)
            if part.group not in groups:
                groups[part.group] = _Entry(part.group, start, list(inner))
                members[part.group] = [entry]
                outline.append(groups[part.group])
            else:
                # A second document under the item: each gets its own bookmark.
                members[part.group].append(entry)
                groups[part.group].children = list(members[part.group])
        sizes = [_displayed_size(page) for page in pack.pages]
        with Pdf.open(BytesIO(_stamps(sizes, texts))) as stamps:
            for page, stamp in zip(pack.pages, stamps.pages, strict=True):
                _overlay(page, stamp)
        _write_outline(pack, outline)
        more = dict(metadata or {})
        merger.finish(
            Metadata(
                title=title,
                subject=more.pop("Subject", ""),
                author=more.pop("Author", ""),
                language=language,
                keywords=more.pop("Keywords", ""),
            )
        )
        for key, value in more.items():
            pack.docinfo[f"/{key}"] = value
        buffer = BytesIO()
        pack.save(
            buffer,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            min_version="1.7",
        )
        return buffer.getvalue()
    finally:
        for source in sources:
            source.close()
        pack.close()


def _shift(entries: list[_Entry], by: int) -> list[_Entry]:
    return [_Entry(e.title, e.page + by, _shift(e.children, by)) for e in entries]


def _write_outline(pack: Pdf, entries: list[_Entry]) -> None:
    def build(entry: _Entry) -> OutlineItem:
        item = OutlineItem(entry.title, entry.page)
        item.children.extend(build(child) for child in entry.children)
        return item

    with pack.open_outline() as outline:
        outline.root.extend(build(entry) for entry in entries)
    pack.Root.PageMode = Name.UseOutlines
