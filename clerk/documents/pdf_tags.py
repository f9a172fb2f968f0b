"""Tagged PDF: marked content as the page is drawn, the structure tree written afterwards.

reportlab lays the pages out; it does not tag them. So each piece of content is wrapped, as it
is drawn, in a marked-content sequence (``/P <</MCID 3>> BDC ... EMC``) that names the
structure element it belongs to (a :class:`Node`), and everything that is not content (running
headers, footers, page numbers, rules and cell borders) in an ``/Artifact`` sequence. The
structure tree itself (Document, H1, P, L/LI/Lbl/LBody, Table/TR/TH/TD) is built up front in
reading order, which is the document's order whatever order the page is painted in, and
written into the finished file with pikepdf (:func:`write_structure`), with what PDF/UA asks
of the catalogue: /MarkInfo, /Lang, /ViewerPreferences /DisplayDocTitle and XMP metadata
carrying the PDF/UA identifier.

Any flowable can take part: give it a node and draw it through :meth:`Tagger.marked` (see
``pdf_flowables``). The canvas carries the tagger (``canvas.tagger``), so flowables drawn on a
canvas without one draw untagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from clerk import APP_NAME
from clerk.documents.model import Metadata

#: A marked-content reference: (page number from 1, MCID on that page).
Marked = tuple[int, int]


@dataclass(eq=False)
class Node:
    """A structure element: its standard type, its kids in reading order, its attributes."""

    role: str
    kids: list[Node | Marked] = field(default_factory=list)
    #: Attributes with their owner, e.g. {"Table": {"Scope": "Column"}}.
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The text a reader should get when it differs from the glyphs drawn (shaped or
    #: reordered scripts, replaced characters).
    actual_text: str | None = None
    #: A description (a link's address).
    alt: str | None = None
    #: Link annotations this element owns: (page, index among the page's links).
    annotations: list[tuple[int, int]] = field(default_factory=list)

    def add(self, role: str, **attributes: dict[str, str]) -> Node:
        child = Node(role, attributes=dict(attributes))
        self.kids.append(child)
        return child

    def first_page(self) -> int | None:
        """The page the element's content starts on."""
        for kid in self.kids:
            page = kid.first_page() if isinstance(kid, Node) else kid[0]
            if page is not None:
                return page
        return None

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()


class Tagger:
    """Emits the marked-content operators and remembers which node each MCID belongs to."""

    def __init__(self, root: Node | None = None) -> None:
        self.root = root or Node("Document")
        #: page -> the node of each MCID on it, in MCID order
        self.pages: dict[int, list[Node]] = {}
        #: page -> how many link annotations it has so far
        self.links: dict[int, int] = {}
        self._artifact = 0
        self._current: list[Node] = []

    @property
    def in_artifact(self) -> bool:
        return self._artifact > 0

    @contextmanager
    def marked(self, canvas: Any, node: Node | None) -> Iterator[None]:
        """Content drawn inside belongs to ``node`` (nothing is marked inside an artifact)."""
        if node is None or self._artifact:
            yield
            return
        page = canvas.getPageNumber()
        mcids = self.pages.setdefault(page, [])
        mcid = len(mcids)
        mcids.append(node)
        node.kids.append((page, mcid))
        canvas.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")
        self._current.append(node)
        try:
            yield
        finally:
            self._current.pop()
            canvas.addLiteral("EMC")

    def link(self, canvas: Any, address: str) -> None:
        """A link annotation was just added to the page: a Link element in the element being
        drawn owns it (one Link for a link broken over lines)."""
        page = canvas.getPageNumber()
        index = self.links.get(page, 0)
        self.links[page] = index + 1
        if not self._current:
            return
        owner = self._current[-1]
        last = owner.kids[-1] if owner.kids else None
        if isinstance(last, Node) and last.role == "Link" and last.alt == address:
            last.annotations.append((page, index))
            return
        link = owner.add("Link")
        link.alt = address
        link.annotations.append((page, index))

    @contextmanager
    def artifact(self, canvas: Any, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
        """Content drawn inside is an artifact: page furniture (``Pagination``, with subtype
        ``Header`` or ``Footer``) or decoration (``Layout``: rules, borders, shading)."""
        if self._artifact:
            self._artifact += 1
            try:
                yield
            finally:
                self._artifact -= 1
            return
        properties = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        canvas.addLiteral(f"/Artifact <<{properties}>> BDC")
        self._artifact += 1
        try:
            yield
        finally:
            self._artifact -= 1
            canvas.addLiteral("EMC")


def tagger_of(canvas: Any) -> Tagger | None:
    tagger = getattr(canvas, "tagger", None)
    return tagger if isinstance(tagger, Tagger) else None


@contextmanager
def marked(canvas: Any, node: Node | None) -> Iterator[None]:
    """:meth:`Tagger.marked` on the canvas's tagger, or nothing on an untagged canvas."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
    else:
        with tagger.marked(canvas, node):
            yield


@contextmanager
def artifact(canvas: Any, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
    else:
        with tagger.artifact(canvas, kind, subtype):
            yield


# -- the structure tree, written into the finished file ----------------------------------------


@dataclass
class _Tree:
    """What building the structure elements needs and collects."""

    pages: list[pikepdf.Page]
    #: page -> its link annotations, in the order they were made
    links: dict[int, list[pikepdf.Object]]
    elements: dict[int, pikepdf.Object] = field(default_factory=dict)
    #: (parent-tree key, element) for each annotation
    annotations: list[tuple[int, pikepdf.Object]] = field(default_factory=list)


def _element(pdf: pikepdf.Pdf, node: Node, parent: pikepdf.Object, tree: _Tree) -> pikepdf.Object:
    pages = tree.pages
    element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
    tree.elements[id(node)] = element
    starts = node.first_page()
    if starts is not None:  # where the element starts, even when its content is its kids'
        element.Pg = pages[starts - 1].obj
    kids = Array()
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(_element(pdf, kid, element, tree))
            continue
        page, mcid = kid
        if page == starts:
            kids.append(mcid)
        else:
            kids.append(Dictionary(Type=Name.MCR, Pg=pages[page - 1].obj, MCID=mcid))
    for page, index in node.annotations:
        annotation = tree.links[page][index]
        key = len(pages) + len(tree.annotations)
        annotation.StructParent = key
        tree.annotations.append((key, element))
        kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=pages[page - 1].obj))
    if len(kids) == 1:
        element.K = kids[0]
    elif len(kids) > 1:
        element.K = kids
    if node.attributes:
        owned = [
            Dictionary(
                {"/O": Name("/" + owner)} | {f"/{k}": Name("/" + v) for k, v in values.items()}
            )
            for owner, values in node.attributes.items()
        ]
        element.A = owned[0] if len(owned) == 1 else Array(owned)
    if node.actual_text is not None:
        element.ActualText = String(node.actual_text)
    if node.alt is not None:
        element.Alt = String(node.alt)
    return element


def _xmp(pdf: pikepdf.Pdf, metadata: Metadata) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = metadata.title
        if metadata.author:
            xmp["dc:creator"] = [metadata.author]
        if metadata.subject:
            xmp["dc:description"] = metadata.subject
        xmp["dc:language"] = {metadata.language}
        if metadata.keywords:
            xmp["pdf:Keywords"] = metadata.keywords
        xmp["pdf:Producer"] = APP_NAME
        xmp["xmp:CreatorTool"] = APP_NAME
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        xmp["xmp:CreateDate"] = xmp["xmp:ModifyDate"] = xmp["xmp:MetadataDate"] = now
        xmp["pdfuaid:part"] = "1"


def _unique_subset_tags(pdf: pikepdf.Pdf) -> None:
    """Give every embedded subset its own tag: reportlab starts each font's subsets at
    "AAAAAA+", and a tag is meant to name one subset in the file."""
    seen: set[tuple[int, int]] = set()
    count = 0
    for page in pdf.pages:
        forms = page.Resources.get("/XObject", {}).values()
        for owner in [page.Resources, *(x.get("/Resources") for x in forms)]:
            if owner is None:
                continue
            for font in owner.get("/Font", {}).values():
                name = str(font.get("/BaseFont", ""))
                if font.objgen in seen or "+" not in name:
                    continue
                seen.add(font.objgen)
                tag = "".join(chr(65 + (count // 26**i) % 26) for i in range(6))
                count += 1
                renamed = Name(f"/{tag}+{name.split('+', 1)[1]}")
                font.BaseFont = renamed
                if "/FontDescriptor" in font:
                    font.FontDescriptor.FontName = renamed


def write_catalogue(pdf: pikepdf.Pdf, metadata: Metadata) -> None:
    """What PDF/UA asks of a tagged document's catalogue: marked as tagged, its language, its
    title shown as the window's title, and XMP metadata with the PDF/UA identifier."""
    catalog = pdf.Root
    catalog.MarkInfo = Dictionary(Marked=True)
    catalog.Lang = String(metadata.language)
    catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    for page in pdf.pages:
        page.obj.Tabs = Name.S
    _xmp(pdf, metadata)


def write_structure(data: bytes, tagger: Tagger, metadata: Metadata) -> bytes:
    """The PDF ``data`` with the structure tree ``tagger`` collected, marked as tagged, and
    with the catalogue entries and XMP metadata PDF/UA asks for."""
    with pikepdf.open(BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        links = {
            number: [a for a in page.obj.get("/Annots", Array()) if a.get("/Subtype") == "/Link"]
            for number, page in enumerate(pages, start=1)
        }
        tree = _Tree(pages, links)
        root.K = _element(pdf, tagger.root, root, tree)
        elements = tree.elements
        nums = Array()
        for index, page in enumerate(pages):
            nodes = tagger.pages.get(index + 1)
            if not nodes:
                continue
            page.obj.StructParents = index
            nums.append(index)
            nums.append(pdf.make_indirect(Array([elements[id(node)] for node in nodes])))
        for key, element in tree.annotations:
            nums.append(key)
            nums.append(element)
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = len(pages) + len(tree.annotations)
        pdf.Root.StructTreeRoot = root
        write_catalogue(pdf, metadata)
        _unique_subset_tags(pdf)
        out = BytesIO()
        pdf.save(out, min_version="1.7")
        return out.getvalue()


def add_signature_field(
    data: bytes, name: str, page: int, box: tuple[float, float, float, float], description: str
) -> bytes:
    """The PDF ``data`` with an empty signature field ``name`` whose widget is on page index
    ``page`` (-1: the last) at ``box``, ready for a signer to fill (pyHanko signs an existing
    field by its name). In a tagged file the widget is tagged too, as PDF/UA asks: a ``Form``
    element at the end of the document owning it through an ``OBJR``, the widget's
    ``/StructParent`` in the parent tree, and ``description`` as its ``/TU`` and ``/Alt``."""
    with pikepdf.open(BytesIO(data)) as pdf:
        target = pdf.pages[page]
        widget = pdf.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                FT=Name.Sig,
                T=String(name),
                TU=String(description),
                Rect=Array([float(v) for v in box]),
                P=target.obj,
                F=4,  # printed
            )
        )
        if "/Annots" not in target.obj:
            target.obj.Annots = Array()
        target.obj.Annots.append(widget)
        if "/AcroForm" not in pdf.Root:
            pdf.Root.AcroForm = pdf.make_indirect(Dictionary(Fields=Array()))
        pdf.Root.AcroForm.Fields.append(widget)
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is not None and "/ParentTree" in tree:
            document = tree.K if not isinstance(tree.K, Array) else tree
            key = int(tree.get("/ParentTreeNextKey", len(pdf.pages)))
            form = pdf.make_indirect(
                Dictionary(
                    Type=Name.StructElem,
                    S=Name.Form,
                    P=document,
                    Pg=target.obj,
                    K=Dictionary(Type=Name.OBJR, Obj=widget, Pg=target.obj),
                    Alt=String(description),
                )
            )
            kids = document.K
            if not isinstance(kids, Array):
                document.K = kids = Array([kids])
            kids.append(form)
            widget.StructParent = key
            tree.ParentTree.Nums.append(key)
            tree.ParentTree.Nums.append(form)
            tree.ParentTreeNextKey = key + 1
        out = BytesIO()
        pdf.save(out, min_version="1.7")
        return out.getvalue()
