"""Declarations of interest: under the Declarations item when there is one, else under the
item each was declared on (the nature left out of exempt items in the public version)."""

from __future__ import annotations

from clerk.documents import wording
from clerk.documents.minute_context import MinuteContext
from clerk.documents.model import Block, Para
from clerk.domain.entities import AgendaItem, Declaration
from clerk.domain.enums import StandardItem


def declaration_blocks(ctx: MinuteContext, declarations: list[Declaration]) -> list[Block]:
    blocks: list[Block] = []
    for declaration in declarations:
        item = ctx.record.items[declaration.item_id]
        blocks.append(
            Para(
                wording.declaration_sentence(
                    declaration,
                    ctx.persons[declaration.person_id],
                    ctx.reference(item),
                    ctx.body,
                    show_detail=not ctx.hidden(item),
                )
            )
        )
    return blocks


def declarations_item(ctx: MinuteContext) -> AgendaItem | None:
    return next((i for i in ctx.minuted if i.standard is StandardItem.DECLARATIONS), None)


def _order(ctx: MinuteContext, item_id: int) -> tuple[int, int]:
    item = ctx.record.items[item_id]
    return (item.minute_number or 10**6, item.position)


def item_declarations(ctx: MinuteContext, item: AgendaItem) -> list[Block]:
    """What the item's minute says of declarations: all of them under the Declarations item
    (or that none were made), the item's own where there is no such item."""
    record = ctx.record
    declarations_at = declarations_item(ctx)
    if declarations_at is None:
        return declaration_blocks(ctx, record.for_item("declarations", item.id))
    if item.id != declarations_at.id:
        return []
    declarations = sorted(
        record.declarations.values(), key=lambda d: (_order(ctx, d.item_id), d.id)
    )
    blocks = declaration_blocks(ctx, declarations)
    if not declarations:
        blocks.append(Para("No interests were declared."))
    return blocks
