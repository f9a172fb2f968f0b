"""Searching the index: SQLite FTS5 or PostgreSQL full-text search behind one function.

``search`` takes a parsed ``Query`` (words and phrases, all required) and the filters, and
returns the best-ranked hits first (FTS5's bm25, PostgreSQL's ts_rank_cd; the newer meeting
first on a tie). The user's text never reaches the database as query syntax: each word and
phrase is passed quoted (FTS5) or through plainto/phraseto_tsquery (PostgreSQL), so a stray
quote or operator cannot make the search fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from clerk.domain.search import MARK_END, MARK_START, EntryKind, Query, SearchFilters

#: Snippet markers around a matched word (the caller shows them as it likes).


@dataclass(frozen=True)
class Hit:
    meeting_id: int
    item_id: int
    kind: EntryKind
    entity_id: int
    confidential: bool
    date: date
    committee_slug: str
    committee_name: str
    item_number: str
    item_title: str
    minute_number: int | None
    exempt: bool
    title_is_public: bool
    snippet: str
    score: float


def search(
    conn: Connection, query: Query, filters: SearchFilters, limit: int = 50, offset: int = 0
) -> list[Hit]:
    """The hits for ``query`` under ``filters``, best first; ``query`` must not be empty."""
    if query.empty:
        return []
    where, params = _filters(filters)
    params.update(limit=limit, offset=offset)
    if conn.dialect.name != "postgresql":
        return _search_sqlite(conn, query, filters, where, params)
    sql, more = _postgres(query, where)
    params.update(more)
    rows = conn.execute(text(sql), params).mappings().all()
    return [_hit(row) for row in rows]


def _search_sqlite(
    conn: Connection, query: Query, filters: SearchFilters, where: str, params: dict[str, Any]
) -> list[Hit]:
    """FTS5 ranks the entries that pass the filter words; the best are joined to their
    meetings and checked against the exact filters; snippets are made for the hits alone.
    When the exact filters drop some of the best, the ranking is done again over all.

    A search matching more than ``RANK_AT_MOST`` entries (a word in a good part of all the
    minutes, like "report") lists the newest recorded first instead: ranking a hundred
    thousand entries costs a tenth of a second and tells little when the word is everywhere.
    """
    committee_id = None
    if filters.committee:
        found = conn.execute(
            text("SELECT id FROM committees WHERE slug = :slug"), {"slug": filters.committee}
        ).scalar()
        if found is None:
            return []
        committee_id = int(found)
    params["match"] = fts5_filtered(query, filters, committee_id)
    wanted = params["limit"] + params["offset"]
    matches = conn.execute(
        text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :match"),
        {"match": params["match"]},
    ).scalar()
    by_rank = int(matches or 0) <= RANK_AT_MOST
    rows = conn.execute(text(_sqlite(where, 4 * wanted, by_rank)), params).mappings().all()
    if len(rows) < params["limit"] and where:
        rows = conn.execute(text(_sqlite(where, None, by_rank)), params).mappings().all()
    snippets: dict[int, str] = dict(
        conn.execute(
            text(
                f"SELECT rowid, snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 16) "
                f"FROM search_fts WHERE search_fts MATCH :match "
                f"AND rowid IN ({', '.join(str(int(r['id'])) for r in rows) or 'NULL'})"
            ),
            {"match": params["match"]},
        ).all()
    )
    return [_hit({**row, "snippet": snippets.get(row["id"], "")}) for row in rows]


def fts5_expression(query: Query) -> str:
    """Every word and phrase quoted, all required, in the text column:
    ``body : "budget" AND body : "social care"``."""
    terms = [f'"{w}"' for w in query.words] + [f'"{" ".join(p)}"' for p in query.phrases]
    return " AND ".join(f"body : {t}" for t in terms)


#: Year tags are used for a date range of at most this many years (else only the SQL filter).
MAX_YEAR_TAGS = 30


def fts5_filtered(query: Query, filters: SearchFilters, committee_id: int | None) -> str:
    """The words, intersected with the filter words of ``search_entries.tags``: FTS5 then
    ranks only the entries that pass the committee, year and confidentiality filters (the
    exact dates are still checked in SQL)."""
    from clerk.storage.search_index import COMMITTEE_TAG, CONFIDENTIAL_TAG, YEAR_TAG

    expression = f"({fts5_expression(query)})"
    if committee_id is not None:
        expression += f' AND tags : "{COMMITTEE_TAG}{committee_id}"'
    if filters.date_from and filters.date_to:
        years = range(filters.date_from.year, filters.date_to.year + 1)
        if 0 < len(years) <= MAX_YEAR_TAGS:
            either = " OR ".join(f'tags : "{YEAR_TAG}{y}"' for y in years)
            expression += f" AND ({either})"
    if not filters.include_confidential:
        expression += f' NOT tags : "{CONFIDENTIAL_TAG}"'
    return expression


_SELECT = """
    e.id AS id, e.meeting_id AS meeting_id, e.item_id AS item_id, e.kind AS kind,
    e.entity_id AS entity_id, e.confidential AS confidential, m.date AS date,
    c.slug AS committee_slug, c.name AS committee_name, i.number AS item_number,
    i.title AS item_title, i.minute_number AS minute_number,
    i.exempt_paragraph AS exempt_paragraph, i.title_is_public AS title_is_public
"""
_JOINS = """
    JOIN meetings m ON m.id = e.meeting_id
    JOIN committees c ON c.id = m.committee_id
    JOIN agenda_items i ON i.meeting_id = e.meeting_id AND i.id = e.item_id
"""


#: Above this many matching entries, the newest first rather than the best ranked.
RANK_AT_MOST = 20_000


def _sqlite(where: str, ranked: int | None, by_rank: bool) -> str:
    """The best ``ranked`` entries by FTS5 (all when None), joined and filtered exactly."""
    limit = f"LIMIT {int(ranked)}" if ranked is not None else ""
    score, order = ("bm25(search_fts, 1.0, 0.0)", "score") if by_rank else ("-rowid", "rowid DESC")
    return f"""
        SELECT {_SELECT}, f.score AS score
        FROM (
            SELECT rowid, {score} AS score FROM search_fts
            WHERE search_fts MATCH :match ORDER BY {order} {limit}
        ) f
        JOIN search_entries e ON e.id = f.rowid
        {_JOINS}
        WHERE 1 = 1 {where}
        ORDER BY f.score, m.date DESC, e.id
        LIMIT :limit OFFSET :offset
    """


def _postgres(query: Query, where: str) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    parts: list[str] = []
    for index, word in enumerate(query.words):
        params[f"w{index}"] = word
        parts.append(f"plainto_tsquery('english', :w{index})")
    for index, phrase in enumerate(query.phrases):
        params[f"p{index}"] = " ".join(phrase)
        parts.append(f"phraseto_tsquery('english', :p{index})")
    tsquery = " && ".join(parts)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=12"
    params["headline"] = options
    sql = f"""
        WITH q AS (SELECT {tsquery} AS query),
        found AS (
            SELECT {_SELECT}, e.body AS body, ts_rank_cd(e.tsv, q.query) AS score
            FROM q, search_entries e
            {_JOINS}
            WHERE e.tsv @@ q.query {where}
            ORDER BY score DESC, m.date DESC, e.id
            LIMIT :limit OFFSET :offset
        )
        SELECT found.*, ts_headline('english', found.body, q.query, :headline) AS snippet
        FROM found, q
        ORDER BY found.score DESC, found.date DESC, found.id
    """
    return sql, params


def _filters(filters: SearchFilters) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if not filters.include_confidential:
        clauses.append("e.confidential = :public")
        params["public"] = False
    if filters.committee:
        clauses.append("c.slug = :committee")
        params["committee"] = filters.committee
    if filters.person:
        clauses.append("e.persons LIKE :person")
        params["person"] = f"% {filters.person} %"
    if filters.date_from:
        clauses.append("m.date >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        clauses.append("m.date <= :date_to")
        params["date_to"] = filters.date_to
    if filters.kinds:
        names = [f":kind{n}" for n in range(len(filters.kinds))]
        clauses.append(f"e.kind IN ({', '.join(names)})")
        params.update({f"kind{n}": k.value for n, k in enumerate(filters.kinds)})
    return "".join(f" AND {c}" for c in clauses), params


def _hit(row: Any) -> Hit:
    day = row["date"]
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return Hit(
        meeting_id=int(row["meeting_id"]),
        item_id=int(row["item_id"]),
        kind=EntryKind(row["kind"]),
        entity_id=int(row["entity_id"]),
        confidential=bool(row["confidential"]),
        date=day,
        committee_slug=row["committee_slug"],
        committee_name=row["committee_name"],
        item_number=row["item_number"],
        item_title=row["item_title"],
        minute_number=row["minute_number"],
        exempt=row["exempt_paragraph"] is not None,
        title_is_public=bool(row["title_is_public"]),
        snippet=row["snippet"] or "",
        score=float(row["score"]),
    )
