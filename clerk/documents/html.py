"""The web version: accessible HTML from the same document model as Word and PDF.

One self-contained file (its CSS inside) for the council's website: ``lang`` and a title,
the markings first, real headings (the title ``h1``, each minute an ``h2`` heading its own
section), ordered lists for numbered and lettered parts, data tables with header cells
(``th scope="col"``, or ``scope="row"`` for a row's own header) and no layout tables, web
addresses as links, right-to-left text marked ``dir="auto"``. No running header or page
numbers: a web page has no pages.
"""

from __future__ import annotations

from html import escape

from clerk import APP_NAME
from clerk.documents import links, model, scripts
from clerk.documents.model import Align, Block, CellBlock, Document

STYLE = """
:root { color: #1a1a1a; background: #fff; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; line-height: 1.5;
  margin: 0; padding: 1.5rem; }
main { margin: 0 auto; max-width: 50rem; }
main.wide { max-width: 80rem; }
h1 { font-size: 1.6rem; text-align: center; text-wrap: balance; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
.centre { text-align: center; }
.right { text-align: right; }
.space { margin-top: 1.25rem; }
.underline { text-decoration: underline; text-underline-offset: 0.15em; }
.marking { text-align: center; font-weight: bold; border: 2px solid #1a1a1a;
  padding: 0.4rem 0.75rem; margin: 0 0 0.5rem; }
ol { margin: 0 0 0.75rem; padding-left: 2.5rem; }
ol ol { list-style-type: lower-alpha; margin: 0.5rem 0 0; }
li { margin: 0 0 0.5rem; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: 0.95rem; }
th, td { border: 1px solid #1a1a1a; padding: 0.35rem 0.5rem; text-align: left;
  vertical-align: top; }
thead th { background: #e6e6e6; }
td p, th p, td ol, th ol { margin-bottom: 0.35rem; }
td ol, th ol { padding-left: 1.75rem; }
.signature { margin-top: 2rem; }
.aside { font-size: 0.85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
@media print { body { padding: 0; } main { max-width: none; } a { color: inherit; } }
""".strip()

ALIGN_CLASS = {Align.CENTRE: "centre", Align.RIGHT: "right"}


def _text(text: str) -> str:
    """Escaped text, web addresses as links, line breaks kept."""
    parts = []
    for chunk, address in links.segments(text) if links.has_links(text) else [(text, None)]:
        shown = escape(chunk, quote=False).replace("\n", "<br>")
        if address is None:
            parts.append(shown)
        else:
            parts.append(f'<a href="{escape(address)}">{shown}</a>')
    return "".join(parts)


def _dir(text: str) -> str:
    return ' dir="auto"' if scripts.has_rtl(text) else ""


def _para(block: model.Para) -> str:
    body = _text(block.text)
    if block.underline:
        body = f'<span class="underline">{body}</span>'
    if block.italic:
        body = f"<em>{body}</em>"
    if block.bold:
        body = f"<strong>{body}</strong>"
    classes = [ALIGN_CLASS[block.align]] if block.align in ALIGN_CLASS else []
    if block.space_before:
        classes.append("space")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    return f"<p{attribute}{_dir(block.text)}>{body}</p>"


def _list(block: model.NumberedList) -> str:
    items = []
    for item in block.items:
        inner = ""
        if item.children:
            children = "".join(
                f"<li{_dir(child.text)}>{_text(child.text)}</li>" for child in item.children
            )
            inner = f'<ol type="a">{children}</ol>'
        items.append(f"<li{_dir(item.text)}>{_text(item.text)}{inner}</li>")
    start = f' start="{block.start}"' if block.start != 1 else ""
    return f"<ol{start}>{''.join(items)}</ol>"


def _cell(blocks: tuple[CellBlock, ...]) -> str:
    return "".join(_para(b) if isinstance(b, model.Para) else _list(b) for b in blocks)


def _table(block: model.Table, caption: str) -> str:
    head = "".join(f'<th scope="col">{_text(c.title)}</th>' for c in block.columns)
    rows = []
    for row in block.rows:
        cells = []
        for index, cell in enumerate(row):
            if block.row_headers and index == 0:
                cells.append(f'<th scope="row">{_cell(cell.blocks)}</th>')
            else:
                cells.append(f"<td>{_cell(cell.blocks)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<div class="table-wrap"><table><caption class="visually-hidden">'
        f"{escape(block.caption or caption)}"
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _signature(block: model.Signature) -> str:
    lines = "".join(f"<p>{_text(line)}</p>" for line in block.lines)
    aside = "".join(f'<p class="aside">{_text(line)}</p>' for line in block.aside)
    return f'<div class="signature">{lines}{aside}</div>'


def _block(block: Block, caption: str) -> str:
    if isinstance(block, model.Heading):
        level = min(block.level + 1, 3)
        return f"<h{level}{_dir(block.text)}>{_text(block.text)}</h{level}>"
    if isinstance(block, model.Para):
        return _para(block)
    if isinstance(block, model.NumberedList):
        return _list(block)
    if isinstance(block, model.Table):
        return _table(block, caption)
    if isinstance(block, model.PageBreak):
        return ""
    return _signature(block)


def _body(document: Document) -> list[str]:
    """The blocks, each minute (an ``h2`` and what follows it) a section of its own."""
    out: list[str] = []
    section = 0
    open_section = False
    caption = document.metadata.title
    for block in document.blocks:
        if isinstance(block, model.Heading) and block.level <= 1 and open_section:
            out.append("</section>")
            open_section = False
        if isinstance(block, model.Heading) and block.level == 1:
            section += 1
            out.append(f'<section aria-labelledby="minute-{section}">')
            open_section = True
            text = _text(block.text)
            out.append(f'<h2 id="minute-{section}"{_dir(block.text)}>{text}</h2>')
            continue
        if isinstance(block, model.Signature) and open_section:
            out.append("</section>")
            open_section = False
        out.append(_block(block, caption))
    if open_section:
        out.append("</section>")
    return out


def render_html(document: Document) -> bytes:
    """The document as one HTML file (UTF-8)."""
    document = model.sanitised(document)
    meta = document.metadata
    markings = "".join(
        f'<p class="marking">{escape(line)}</p>' for line in document.furniture.markings
    )
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(meta.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(meta.title)}</title>",
        f'<meta name="author" content="{escape(meta.author)}">',
        f'<meta name="description" content="{escape(meta.subject)}">',
        f'<meta name="generator" content="{APP_NAME}">',
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        '<main class="wide">' if document.landscape else "<main>",
    ]
    tail = ["</main>", "</body>", "</html>", ""]
    return "\n".join([*head, markings, *_body(document), *tail]).encode("utf-8")
