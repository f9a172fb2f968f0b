"""Several tagged PDFs as one tagged PDF: the structure trees kept, in order.

Each part Clerk renders (:func:`clerk.documents.pdf.render_pdf`) is tagged already; merging
keeps it so: each part's structure tree becomes a ``Part`` under one ``Document`` (reading
order: part after part), the parent tree is renumbered (pages first, then annotations), role
and class maps are carried over, and the catalogue gets what a tagged PDF/UA document needs
(/MarkInfo, /Lang, /ViewerPreferences, XMP with the PDF/UA identifier) for the merged title.

:class:`StructureMerger` is the one step both mergers take: :func:`merge_tagged` (parts, their
bookmarks kept) and :func:`clerk.documents.pdf_merge.assemble` (the agenda pack: pages
numbered through and stamped, an outline by item). A part that is not tagged (a report file
as an officer saved it) gets the little structure that can be known without reading it: a
``Part`` titled with its name, each page's content one ``P`` (a screen reader skips what is
not tagged in a tagged document, so untagged pages would be silent).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from io import BytesIO
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from clerk import APP_NAME
from clerk.documents.model import Metadata
from clerk.documents.pdf_tags import write_catalogue


def _numbers(tree: pikepdf.Object | None) -> Iterator[tuple[int, pikepdf.Object]]:
    """The entries of a number tree (a parent tree), flat: its /Nums and its /Kids' entries."""
    if tree is None:
        return
    nums = tree.get("/Nums")
    if nums is not None:
        for index in range(0, len(nums) - 1, 2):
            yield int(nums[index]), nums[index + 1]
    for kid in tree.get("/Kids", Array()):
        yield from _numbers(kid)


class StructureMerger:
    """Builds the merged structure tree as parts' pages are added to ``out``."""

    def __init__(self, out: pikepdf.Pdf) -> None:
        self.out = out
        self.root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = out.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root, K=Array())
        )
        self.root.K = self.document
        #: out page index -> its parent-tree value (the elements of its MCIDs)
        self.page_values: dict[int, pikepdf.Object] = {}
        #: (annotation in out, the element owning it)
        self.annotations: list[tuple[pikepdf.Object, pikepdf.Object]] = []
        self.role_map = Dictionary()
        self.class_map = Dictionary()

    def add(self, source: pikepdf.Pdf, first: int, title: str = "") -> bool:
        """Keep ``source``'s structure, its pages already copied to ``out`` from page index
        ``first`` (while ``source`` is open). False when it has none (an untagged file): its
        pages are tagged whole (see the module docstring), under ``title``."""
        tree = source.Root.get("/StructTreeRoot")
        if tree is None or tree.get("/K") is None:
            self._tag_pages(first, len(source.pages), title)
            return False
        out = self.out
        tops = list(tree.K) if isinstance(tree.K, Array) else [tree.K]
        copied = [out.copy_foreign(top) for top in tops]
        if len(copied) == 1 and copied[0].get("/S") == Name.Document:
            part = copied[0]
            part.S, part.P = Name.Part, self.document
        else:
            part = out.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.Part, P=self.document, K=Array(copied))
            )
            for top in copied:
                top.P = part
        self.document.K.append(part)
        values = dict(_numbers(tree.get("/ParentTree")))
        for index, page in enumerate(source.pages):
            own = page.obj.get("/StructParents")
            if own is not None and int(own) in values:
                self.page_values[first + index] = out.copy_foreign(values[int(own)])
            for annotation in out.pages[first + index].obj.get("/Annots", Array()):
                old = annotation.get("/StructParent")
                if old is not None and int(old) in values:
                    self.annotations.append((annotation, out.copy_foreign(values[int(old)])))
                elif old is not None:  # a key into no tree: it would name another's element
                    del annotation["/StructParent"]
        for mine, theirs in (("role_map", "/RoleMap"), ("class_map", "/ClassMap")):
            kept = getattr(self, mine)
            for key, value in tree.get(theirs, Dictionary()).items():
                if key not in kept:
                    kept[key] = out.copy_foreign(value)
        return True

    def _tag_pages(self, first: int, count: int, title: str) -> None:
        out = self.out
        part = out.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Part, P=self.document, K=Array())
        )
        if title:
            part.T = String(title)
        self.document.K.append(part)
        for index in range(first, first + count):
            page = out.pages[index]
            for annotation in page.obj.get("/Annots", Array()):
                if "/StructParent" in annotation:
                    del annotation["/StructParent"]
            page.contents_add(b"/P <</MCID 0>> BDC\n", prepend=True)
            page.contents_add(b"\nEMC\n", prepend=False)
            element = out.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.P, P=part, Pg=page.obj, K=0)
            )
            part.K.append(element)
            self.page_values[index] = out.make_indirect(Array([element]))

    def finish(self, metadata: Metadata) -> None:
        """Write the tree, the renumbered parent tree and the catalogue entries."""
        out = self.out
        for page in out.pages:  # keys a part's pages had in their own file
            if "/StructParents" in page.obj:
                del page.obj["/StructParents"]
        nums: list[Any] = []
        for index in sorted(self.page_values):
            out.pages[index].obj.StructParents = index
            nums += [index, self.page_values[index]]
        pages = len(out.pages)
        for offset, (annotation, element) in enumerate(self.annotations):
            annotation.StructParent = pages + offset
            nums += [pages + offset, element]
        root = self.root
        root.ParentTree = out.make_indirect(Dictionary(Nums=Array(nums)))
        root.ParentTreeNextKey = pages + len(self.annotations)
        if len(self.role_map):
            root.RoleMap = self.role_map
        if len(self.class_map):
            root.ClassMap = self.class_map
        out.Root.StructTreeRoot = root
        info = out.docinfo
        info.Title = String(metadata.title)
        if metadata.author:
            info.Author = String(metadata.author)
        if metadata.subject:
            info.Subject = String(metadata.subject)
        info.Creator = info.Producer = String(APP_NAME)
        write_catalogue(out, metadata)


def _items(
    source: list[OutlineItem], pages: dict[tuple[int, int], int], first: int
) -> list[OutlineItem]:
    """A part's bookmarks, pointing at its pages in the merged file."""
    items = []
    for item in source:
        destination = item.destination
        if destination is None or not isinstance(destination, Array) or not len(destination):
            continue
        index = pages.get(destination[0].objgen)
        if index is None:
            continue
        top = float(destination[3]) if len(destination) > 3 and destination[1] == "/XYZ" else None
        copy = OutlineItem(item.title, first + index, "XYZ" if top is not None else "Fit", top=top)
        copy.is_closed = item.is_closed
        copy.children.extend(_items(item.children, pages, first))
        items.append(copy)
    return items


def merge_tagged(parts: Sequence[bytes], metadata: Metadata) -> bytes:
    """One tagged PDF of ``parts`` (tagged PDFs), in order, titled by ``metadata``, each
    part's bookmarks kept."""
    if not parts:
        raise ValueError("Nothing to merge.")
    out = pikepdf.new()
    merger = StructureMerger(out)
    bookmarks: list[OutlineItem] = []
    for data in parts:
        with pikepdf.open(BytesIO(data)) as source:
            first = len(out.pages)
            out.pages.extend(source.pages)
            merger.add(source, first)
            numbers = {page.obj.objgen: index for index, page in enumerate(source.pages)}
            with source.open_outline() as outline:
                bookmarks.extend(_items(list(outline.root), numbers, first))
    merger.finish(metadata)
    with out.open_outline() as outline:
        outline.root.extend(bookmarks)
    out.Root.PageMode = Name.UseOutlines
    buffer = BytesIO()
    out.save(buffer, min_version="1.7")
    return buffer.getvalue()
