"""Reading a tagged PDF back as assistive technology does, with pikepdf.

``read_tagged`` walks every page's content stream (and the form XObjects it draws), decodes
each text-showing operator through its font's ToUnicode map, and files the text under the
marked-content sequence it is drawn in: an MCID (real content), an artifact, or nothing (a
fault). It then walks the structure tree in order, so a test can ask what a screen reader
would read, element by element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
LINE_OPERATORS = {"BT", "T*", "Td", "TD", "Tm", "'", '"'}


def _cmap(font: pikepdf.Object) -> dict[int, str]:
    """The font's ToUnicode map (bfchar and bfrange entries)."""
    data = font.ToUnicode.read_bytes().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, uni in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(uni, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


@dataclass
class PageText:
    #: MCID -> the text drawn in that marked-content sequence
    marked: dict[int, str] = field(default_factory=dict)
    #: text drawn inside artifacts
    artifacts: list[str] = field(default_factory=list)
    #: text or paths drawn outside any marked content (should be none)
    untagged: list[str] = field(default_factory=list)
    #: MCIDs in the order they are drawn
    order: list[int] = field(default_factory=list)
    #: MCID -> the fonts (base names without the subset tag) its text is drawn in
    fonts: dict[int, set[str]] = field(default_factory=dict)


def _decode(operands: list[pikepdf.Object], cmap: dict[int, str]) -> str:
    parts = []
    for operand in operands:
        if isinstance(operand, pikepdf.Array):
            parts.append(_decode(list(operand), cmap))
        elif isinstance(operand, pikepdf.String):
            parts.append("".join(cmap.get(b, "\ufffd") for b in bytes(operand)))
    return "".join(parts)


def _walk(
    stream: pikepdf.Object,
    resources: pikepdf.Object,
    page: PageText,
    stack: list[tuple[str, int | None]],
) -> None:
    fonts = resources.get("/Font", pikepdf.Dictionary())
    cmaps: dict[str, dict[int, str]] = {}
    current: dict[int, str] = {}
    font_name = ""
    new_line = False
    for instruction in pikepdf.parse_content_stream(stream):
        operator = str(instruction.operator)
        operands = list(instruction.operands)
        if operator in LINE_OPERATORS:
            new_line = True
        if operator in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if operator == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                mcid = int(operands[1].get("/MCID", -1))
                mcid = None if mcid < 0 else mcid
            stack.append((tag, mcid))
            if mcid is not None:
                page.order.append(mcid)
                page.marked.setdefault(mcid, "")
        elif operator == "EMC":
            stack.pop()
        elif operator == "Tf":
            name = str(operands[0])
            if name not in cmaps:
                cmaps[name] = _cmap(fonts[name])
            current = cmaps[name]
            font_name = str(fonts[name].BaseFont).split("+")[-1]
        elif operator in TEXT_OPERATORS | PAINT_OPERATORS | {"Do"}:
            if operator == "Do":
                xobject = resources.XObject[str(operands[0])]
                if any(tag == "/Artifact" for tag, _ in stack):
                    page.artifacts.append(_form_text(xobject))
                    continue
                if xobject.get("/Subtype") == "/Form":
                    _walk(xobject, xobject.get("/Resources", resources), page, stack)
                    continue
            text = _decode(operands, current) if operator in TEXT_OPERATORS else f"<{operator}>"
            if operator in TEXT_OPERATORS and new_line:
                text, new_line = " " + text, False
            if any(tag == "/Artifact" for tag, _ in stack):
                page.artifacts.append(text)
            else:
                mcid = next((m for _tag, m in reversed(stack) if m is not None), None)
                if mcid is None:
                    page.untagged.append(text)
                elif operator in TEXT_OPERATORS:
                    page.marked[mcid] += text
                    if text.strip():
                        page.fonts.setdefault(mcid, set()).add(font_name)


def _form_text(xobject: pikepdf.Object) -> str:
    page = PageText()
    stack: list[tuple[str, int | None]] = [("/Artifact", None)]
    _walk(xobject, xobject.get("/Resources", pikepdf.Dictionary()), page, stack)
    return " ".join(page.artifacts)


@dataclass
class Element:
    role: str
    kids: list[Element]
    #: (page index, MCID) of its own marked content, in order
    content: list[tuple[int, int]]
    attributes: dict[str, str]
    actual_text: str | None
    texts: dict[tuple[int, int], str]
    #: annotations it owns (OBJR), such as a link's
    annotations: list[pikepdf.Object] = field(default_factory=list)
    alt: str | None = None

    @property
    def own_text(self) -> str:
        return " ".join(self.texts.get(ref, "") for ref in self.content)

    @property
    def text(self) -> str:
        """What a reader reads for the element: its /ActualText, else its content and its
        kids' in tree order."""
        if self.actual_text is not None:
            return self.actual_text
        parts = [self.own_text] if self.content else []
        parts += [kid.text for kid in self.kids]
        return " ".join(" ".join(p.split()) for p in parts if p.strip())

    def walk(self) -> list[Element]:
        found = [self]
        for kid in self.kids:
            found += kid.walk()
        return found

    def all(self, role: str) -> list[Element]:
        return [e for e in self.walk() if e.role == role]


@dataclass
class Tagged:
    pdf: pikepdf.Pdf
    pages: list[PageText]
    root: Element

    def leaves(self) -> list[str]:
        """The text a screen reader reads, element by element, in reading order."""
        return [e.text for e in self.root.walk() if _is_leaf(e) and e.text]


def _is_leaf(element: Element) -> bool:
    return bool(element.content) or element.actual_text is not None


def _element(
    obj: pikepdf.Object, pages: dict[tuple[int, int], int], texts: dict[tuple[int, int], str]
) -> Element:
    page = pages.get(obj.Pg.objgen) if "/Pg" in obj else None
    kids_obj = obj.get("/K")
    items = (
        []
        if kids_obj is None
        else (list(kids_obj) if isinstance(kids_obj, pikepdf.Array) else [kids_obj])
    )
    kids: list[Element] = []
    content: list[tuple[int, int]] = []
    annotations: list[pikepdf.Object] = []
    for item in items:
        if isinstance(item, int) or (
            isinstance(item, pikepdf.Object) and item._type_code == pikepdf.ObjectType.integer
        ):
            assert page is not None, "an MCID without a page"
            content.append((page, int(item)))
        elif isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/MCR":
            content.append((pages[item.Pg.objgen], int(item.MCID)))
        elif isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/OBJR":
            annotations.append(item.Obj)
        else:
            kids.append(_element(item, pages, texts))
    attributes: dict[str, str] = {}
    owned = obj.get("/A")
    for attribute in (
        [] if owned is None else (list(owned) if isinstance(owned, pikepdf.Array) else [owned])
    ):
        for key, value in attribute.items():
            attributes[key[1:]] = str(value).lstrip("/")
    actual = obj.get("/ActualText")
    alt = obj.get("/Alt")
    return Element(
        str(obj.S).lstrip("/"),
        kids,
        content,
        attributes,
        None if actual is None else str(actual),
        texts,
        annotations,
        None if alt is None else str(alt),
    )


def read_tagged(data: bytes) -> Tagged:
    pdf = pikepdf.open(BytesIO(data))
    page_texts: list[PageText] = []
    for page in pdf.pages:
        text = PageText()
        _walk(page.obj, page.Resources, text, [])
        page_texts.append(text)
    numbers = {page.objgen: index for index, page in enumerate(pdf.pages)}
    texts = {(i, m): t for i, page in enumerate(page_texts) for m, t in page.marked.items()}
    root = _element(pdf.Root.StructTreeRoot.K, numbers, texts)
    return Tagged(pdf, page_texts, root)
