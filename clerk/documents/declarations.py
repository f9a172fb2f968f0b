"""Declarations of interest: under the Declarations item when there is one, else under the
item each was declared on (the nature left out of exempt items in the public version)."""

from __future__ import annotations

from clerk.documents import wording
from clerk.documents.minute_context import MinuteContext
from clerk.documents.model import Block, Para
from clerk.domain.entities import AgendaItem, Declaration, ProceduralEvent
from clerk.domain.enums import EventKind, InterestKind, StandardItem
from clerk.domain.exempt import declaration_detail_exempt
from clerk.domain.rules.interests import declaration_category


def _shown(ctx: MinuteContext, declaration: Declaration) -> bool:
    return not (
        ctx.hidden(ctx.record.items[declaration.item_id])
        and declaration_detail_exempt(ctx.record, declaration)
    )


def _group_key(ctx: MinuteContext, declaration: Declaration) -> tuple[object, ...]:
    """Declarations minuted together: same item, kind, conduct, and the same words shown."""
    if declaration.kind is InterestKind.STATEMENT:
        return ("statement", declaration.id)
    shown = _shown(ctx, declaration)
    return (
        declaration.item_id,
        declaration.kind,
        declaration.category,
        declaration.conduct,
        declaration.sensitive,
        declaration.nature.strip().rstrip(".") if shown else "",
        declaration.dispensation_ref.strip() if shown else "",
        declaration.after_vote,
        declaration.vote_struck,
    )


def declaration_blocks(
    ctx: MinuteContext, declarations: list[Declaration], dispensations: list[ProceduralEvent]
) -> list[Block]:
    blocks: list[Block] = []
    for event in dispensations:
        if event.for_item_id is None or event.for_item_id not in ctx.record.items:
            continue
        item = ctx.record.items[event.for_item_id]
        reference = "" if ctx.hidden(item) else event.text.strip()
        blocks.append(
            Para(wording.dispensation_for_all_sentence(ctx.reference(item), ctx.body, reference))
        )
    groups: dict[tuple[object, ...], list[Declaration]] = {}
    for declaration in declarations:
        groups.setdefault(_group_key(ctx, declaration), []).append(declaration)
    for group in groups.values():
        first = group[0]
        item = ctx.record.items[first.item_id]
        blocks.append(
            Para(
                wording.declaration_sentence(
                    first,
                    [ctx.persons[d.person_id] for d in group],
                    ctx.reference(item),
                    ctx.body,
                    show_detail=_shown(ctx, first),
                    category=declaration_category(ctx.record.council, first),
                )
            )
        )
    return blocks


def _dispensations(ctx: MinuteContext, item_id: int | None = None) -> list[ProceduralEvent]:
    events = sorted(ctx.record.events.values(), key=lambda e: e.id)
    return [
        e
        for e in events
        if e.kind is EventKind.DISPENSATION and (item_id is None or e.for_item_id == item_id)
    ]


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
        return declaration_blocks(
            ctx, record.for_item("declarations", item.id), _dispensations(ctx, item.id)
        )
    if item.id != declarations_at.id:
        return []
    declarations = sorted(
        record.declarations.values(), key=lambda d: (_order(ctx, d.item_id), d.id)
    )
    dispensations = [
        e
        for e in _dispensations(ctx)
        if e.for_item_id is not None and e.for_item_id in record.items
    ]
    dispensations.sort(key=lambda e: _order(ctx, e.for_item_id or 0))
    blocks = declaration_blocks(ctx, declarations, dispensations)
    if not declarations and not dispensations:
        blocks.append(Para("No interests were declared."))
    return blocks
