"""Blocks for worded business: numbered parts with lettered sub-parts, resolutions."""

from __future__ import annotations

from dataclasses import replace

from clerk.documents.model import Block, ListItem, NumberedList, Para
from clerk.domain.entities import Part, Resolution


def part_items(parts: tuple[Part, ...]) -> tuple[ListItem, ...]:
    """Numbered parts with their lettered sub-parts (deeper parts join the lettered level)."""

    def flatten(children: tuple[Part, ...]) -> list[ListItem]:
        items: list[ListItem] = []
        for child in children:
            items.append(ListItem(child.text))
            items.extend(flatten(child.parts))
        return items

    return tuple(ListItem(part.text, tuple(flatten(part.parts))) for part in parts)


def wording_blocks(preamble: str, parts: tuple[Part, ...]) -> list[Block]:
    """A motion's or resolution's words: its preamble, then its numbered parts (a single part
    without sub-parts is a plain paragraph, as clerks write "That ...")."""
    blocks: list[Block] = []
    if preamble.strip():
        blocks.append(Para(preamble.strip(), keep_with_next=True))
    if len(parts) == 1 and not parts[0].parts:
        blocks.append(Para(parts[0].text))
    elif parts:
        blocks.append(NumberedList(part_items(parts)))
    return blocks


def resolution_blocks(resolution: Resolution) -> list[Block]:
    """ "Resolved (unanimously):", "That the Cabinet be recommended:", 1., 2., 3. with a., b."""
    return [
        Para(resolution.wording, bold=True, keep_with_next=True),
        *wording_blocks(resolution.preamble, resolution.parts),
    ]


def keep_last_with_next(blocks: list[Block], count: int) -> list[Block]:
    """Keep the last ``count`` paragraphs or lists with what follows (the signature block)."""
    result = list(blocks)
    for index in range(len(result) - 1, max(-1, len(result) - 1 - count), -1):
        block = result[index]
        if isinstance(block, Para | NumberedList):
            result[index] = replace(block, keep_with_next=True)
    return result
