"""Several tagged PDFs as one (the agenda pack: front sheet, agenda, minutes, tracker).

Each part comes from :func:`clerk.documents.pdf.render_pdf`, so it is tagged already; merging
keeps it so: the pages in order, each part's structure tree a ``Part`` under one ``Document``
(reading order: part after part), the parent tree renumbered (pages first, then link
annotations), each part's bookmarks kept on its own pages, and the catalogue and XMP
metadata a tagged PDF/UA document needs, for the merged document's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, String

from clerk import APP_NAME
from clerk.documents.model import Metadata
from clerk.documents.pdf_tags import write_catalogue


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
    """One tagged PDF of ``parts`` (tagged PDFs), in order, titled by ``metadata``."""
    if not parts:
        raise ValueError("Nothing to merge.")
    out = pikepdf.new()
    root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = out.make_indirect(
        Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array())
    )
    root.K = document
    page_values: list[pikepdf.Object] = []
    annotations: list[tuple[pikepdf.Object, pikepdf.Object]] = []
    bookmarks: list[OutlineItem] = []
    for data in parts:
        with pikepdf.open(BytesIO(data)) as source:
            tree = source.Root.StructTreeRoot
            first = len(out.pages)
            out.pages.extend(source.pages)
            part = out.copy_foreign(tree.K)
            part.S, part.P = Name.Part, document
            document.K.append(part)
            values = {
                int(tree.ParentTree.Nums[i]): tree.ParentTree.Nums[i + 1]
                for i in range(0, len(tree.ParentTree.Nums), 2)
            }
            for index, page in enumerate(source.pages):
                own = page.obj.get("/StructParents")
                value = out.copy_foreign(values[int(own)]) if own is not None else Array()
                page_values.append(value)
                copied = out.pages[first + index].obj
                for annotation in copied.get("/Annots", Array()):
                    old = annotation.get("/StructParent")
                    if old is not None:
                        annotations.append((annotation, out.copy_foreign(values[int(old)])))
            numbers = {page.obj.objgen: index for index, page in enumerate(source.pages)}
            with source.open_outline() as outline:
                bookmarks.extend(_items(list(outline.root), numbers, first))
    nums: list[Any] = []
    for index, value in enumerate(page_values):
        out.pages[index].obj.StructParents = index
        nums += [index, value]
    for offset, (annotation, element) in enumerate(annotations):
        key = len(page_values) + offset
        annotation.StructParent = key
        nums += [key, element]
    root.ParentTree = out.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(page_values) + len(annotations)
    out.Root.StructTreeRoot = root
    with out.open_outline() as outline:
        outline.root.extend(bookmarks)
    out.Root.PageMode = Name.UseOutlines
    out.docinfo.Title = String(metadata.title)
    out.docinfo.Author = String(metadata.author)
    out.docinfo.Subject = String(metadata.subject)
    out.docinfo.Creator = out.docinfo.Producer = String(APP_NAME)
    write_catalogue(out, metadata)
    buffer = BytesIO()
    out.save(buffer, min_version="1.7")
    return buffer.getvalue()
