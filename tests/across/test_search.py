"""Search across meetings, on SQLite (FTS5) and PostgreSQL: the index kept in step with the
record by the transaction that writes it, exempt text only for a confidential search,
phrases, filters, ranking, malformed queries and an empty range, and the command."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import text

from clerk.domain.actions.agenda import AddItem, EditItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.proceedings import (
    AddParagraph,
    DeleteParagraph,
    EditParagraph,
    ExcludePublic,
    OpenItem,
    StartMeeting,
)
from clerk.domain.enums import InterestKind
from clerk.domain.search import SearchFilters
from clerk.services import catalogue
from clerk.services.recording import MeetingSession
from clerk.services.search import ensure_index, rebuild_index, search
from clerk.storage.database import Database
from clerk.storage.repository import ConcurrentEdit
from tests.conftest import run_clerk

SECOND = "cyp-scrutiny-board/2021-09-20"


def _second(database: Database) -> MeetingSession:
    session = MeetingSession(database, catalogue.resolve_meeting(database, SECOND))
    session.apply(Present("bye"))
    session.apply(Present("barnby"))
    session.apply(Present("douglas-dunbar"))
    session.apply(StartMeeting(at=time(9, 30)))
    return session


def _item(session: MeetingSession, title: str, exempt: int | None = None) -> int:
    session.apply(AddItem(number="9", title=title, exempt_paragraph=exempt))
    item_id = max(session.record.items)
    session.apply(OpenItem(item=item_id))
    return item_id


def texts(database: Database, query: str, **filters: object) -> list[str]:
    outcome = search(database, query, SearchFilters(**filters))  # type: ignore[arg-type]
    return [r.plain_snippet("", "") for r in outcome.results]


def test_the_demo_minutes_are_found_with_the_meeting_and_the_minute(
    demo_database: Database,
) -> None:
    outcome = search(demo_database, "exploitation")
    assert outcome.results
    first = outcome.results[0]
    assert first.meeting == "cyp-scrutiny-board/2021-08-18"
    assert first.where == "Minute 17"
    assert first.title == "Exploitation Update"
    kinds = {r.kind.value for r in outcome.results}
    assert {"minute", "action"} <= kinds
    # The words matched are marked in the snippet.
    assert any("[exploitation]" in r.plain_snippet().lower() for r in outcome.results)


def test_a_new_paragraph_is_found_at_once_and_undo_removes_it(demo_database: Database) -> None:
    session = _second(demo_database)
    item = _item(session, "Home to School Transport")
    assert texts(demo_database, "zebra crossing") == []
    session.apply(
        AddParagraph(item=item, text="The zebra crossing outside the school was discussed.")
    )
    found = search(demo_database, "zebra crossing").results
    assert [r.where for r in found] == ["Minute 18"]  # opening the item minuted it
    assert found[0].meeting == SECOND and found[0].item_id == item
    paragraph = max(session.record.paragraphs)
    session.apply(EditParagraph(paragraph=paragraph, text="A pelican crossing was proposed."))
    assert texts(demo_database, "zebra") == []
    assert texts(demo_database, "pelican") == ["A pelican crossing was proposed."]
    session.undo()
    assert texts(demo_database, "pelican") == []
    assert len(texts(demo_database, "zebra")) == 1
    session.apply(DeleteParagraph(paragraph=paragraph))
    assert texts(demo_database, "zebra") == []


def test_a_failed_action_leaves_the_index_as_it_was(demo_database: Database) -> None:
    session = _second(demo_database)
    item = _item(session, "Youth Services")
    with demo_database.transaction() as conn:
        conn.execute(
            text("UPDATE meetings SET version = version + 1 WHERE id = :m"),
            {"m": session.meeting_id},
        )
    with pytest.raises(ConcurrentEdit):
        session.apply(AddParagraph(item=item, text="A quokka appeared."))
    assert texts(demo_database, "quokka") == []


def test_exempt_text_only_in_a_confidential_search_and_marked(demo_database: Database) -> None:
    session = _second(demo_database)
    item = _item(session, "Residential Placement Contract", exempt=3)
    session.apply(ExcludePublic(item=item, paragraph=3))
    session.apply(AddParagraph(item=item, text="The provider's tender price was discussed."))
    session.apply(
        Declare(
            person="bye",
            item=item,
            interest=InterestKind.NON_PECUNIARY,
            nature="a trustee of the provider",
            nature_exempt=True,  # the clerk marked it as revealing exempt information
        )
    )
    assert texts(demo_database, "tender price") == []
    assert texts(demo_database, "trustee provider") == []
    # The public fact of the declaration is found; its nature is not.
    assert search(
        demo_database, "non pecuniary interest", SearchFilters(date_from=date(2021, 9, 1))
    ).results
    secret = search(demo_database, "tender price", SearchFilters(include_confidential=True)).results
    assert [r.confidential for r in secret] == [True]
    assert secret[0].title == "Residential Placement Contract"
    trustee = search(demo_database, "trustee", SearchFilters(include_confidential=True)).results
    assert trustee and all(r.confidential for r in trustee)
    # Making the item public later makes its text public; making it exempt again hides it.
    session.apply(EditItem(item=item, public=True))
    assert texts(demo_database, "tender price") == ["The provider's tender price was discussed."]
    session.apply(EditItem(item=item, exempt_paragraph=3))
    assert texts(demo_database, "tender price") == []


def test_a_hidden_title_reads_exempt_item_in_public_results(demo_database: Database) -> None:
    session = _second(demo_database)
    session.apply(
        AddItem(
            number="10", title="Staffing Restructure", exempt_paragraph=1, title_is_public=False
        )
    )
    assert texts(demo_database, "restructure") == []
    hit = search(demo_database, "restructure", SearchFilters(include_confidential=True)).results
    assert hit[0].confidential and hit[0].title == "Staffing Restructure"


def test_phrases_words_and_malformed_queries(demo_database: Database) -> None:
    phrase = texts(demo_database, '"corporate parenting strategy"')
    words = texts(demo_database, "strategy corporate")
    assert phrase and set(phrase) <= set(words)
    assert texts(demo_database, '"parenting corporate"') == []
    # Unbalanced quotes and FTS syntax are plain words, never an error.
    for query in [
        '"corporate parenting',
        "corporate AND (parenting",
        "NEAR(corporate",
        "corp*",
        "-:^",
    ]:
        outcome = search(demo_database, query)
        assert outcome.message or outcome.results is not None
    assert texts(demo_database, '"corporate parenting') == texts(
        demo_database, "corporate parenting"
    )
    assert search(demo_database, "   ").message == "Type a word or a phrase to search for."


def test_filters_committee_dates_person_and_an_empty_range(demo_database: Database) -> None:
    assert texts(demo_database, "exploitation", committee="cyp-scrutiny-board")
    assert texts(demo_database, "exploitation", committee="no-such-board") == []
    assert texts(
        demo_database, "exploitation", date_from=date(2021, 8, 18), date_to=date(2021, 8, 18)
    )
    assert texts(demo_database, "exploitation", date_from=date(2021, 8, 19)) == []
    empty = search(
        demo_database,
        "exploitation",
        SearchFilters(date_from=date(2022, 1, 1), date_to=date(2021, 1, 1)),
    )
    assert empty.results == [] and "date range is empty" in empty.message
    session = _second(demo_database)
    item = _item(session, "Libraries")
    session.apply(
        Declare(
            person="barnby",
            item=item,
            interest=InterestKind.NON_PECUNIARY,
            nature="library volunteer",
        )
    )
    assert texts(demo_database, "volunteer", person="barnby")
    assert texts(demo_database, "volunteer", person="bye") == []


def test_ranking_puts_the_closest_match_first(demo_database: Database) -> None:
    session = _second(demo_database)
    item = _item(session, "Budget Monitoring")
    session.apply(
        AddParagraph(item=item, text="Overspend overspend overspend: the overspend on placements.")
    )
    session.apply(
        AddParagraph(
            item=item,
            text="A long paragraph about many things, one of which was an overspend, among reports "
            "on staffing, schools, transport, buildings, training and recruitment.",
        )
    )
    found = texts(demo_database, "overspend")
    assert found[0].startswith("Overspend overspend")


def test_rebuild_indexes_an_old_database_once(demo_database: Database) -> None:
    before = texts(demo_database, "exploitation")
    with demo_database.transaction() as conn:
        conn.execute(text("DELETE FROM search_entries"))
        conn.execute(text("UPDATE search_state SET built = :f"), {"f": False})
    assert ensure_index(demo_database) == ""  # built now
    assert texts(demo_database, "exploitation") == before
    assert rebuild_index(demo_database) == 2
    assert texts(demo_database, "exploitation") == before


def test_the_command(demo_database: Database) -> None:
    url = demo_database.url
    demo_database.dispose()  # the commands take the writer lock
    result = run_clerk("--db", url, "search", "corporate", "parenting", "--json", check=True)
    data = json.loads(result.stdout)
    assert data["results"][0]["meeting"] == "cyp-scrutiny-board/2021-08-18"
    plain = run_clerk("--db", url, "search", '"budget', "--to", "2020-01-01", check=True)
    assert "Nothing matches budget" in plain.stdout
    empty = run_clerk(
        "--db", url, "search", "x", "--from", "2022-01-01", "--to", "2021-01-01", check=True
    )
    assert "The date range is empty" in empty.stdout
    bad = run_clerk("--db", url, "search", "x", "--from", "yesterday")
    assert bad.returncode == 1 and "not a date" in bad.stderr and "Traceback" not in bad.stderr
    rebuilt = run_clerk("--db", url, "search-index", check=True)
    assert "Indexed 2 meetings" in rebuilt.stdout


def test_a_word_found_almost_everywhere_lists_the_newest_first(
    sqlite_demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk.storage import search_query

    session = _second(sqlite_demo)
    item = _item(session, "Exploitation: the next six months")
    session.apply(AddParagraph(item=item, text="Exploitation figures were reported."))
    ranked = search(sqlite_demo, "exploitation").results
    monkeypatch.setattr(search_query, "RANK_AT_MOST", 2)
    newest = search(sqlite_demo, "exploitation").results
    assert sorted(map(repr, ranked)) == sorted(map(repr, newest))  # the same results
    assert newest[0].meeting == SECOND and newest[0].kind.value == "minute"
    assert [r.date for r in newest] == sorted((r.date for r in newest), reverse=True)


def test_an_upgraded_database_builds_its_index_at_the_first_search(
    demo_database: Database,
) -> None:
    """Down to the schema before search (the demo recorded), up again: the migration marks
    the index unbuilt, and the first search builds it from the records."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from clerk.storage.database import alembic_config

    search = ScriptDirectory.from_config(alembic_config()).get_revision(
        "0019_search_and_attendance"
    )
    before = texts(demo_database, "exploitation")
    with demo_database.migrating() as conn:
        command.downgrade(alembic_config(conn), str(search.down_revision))
    with demo_database.reading() as conn:
        assert "search_entries" not in conn.dialect.get_table_names(conn)
    assert demo_database.upgrade() is True
    with demo_database.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_entries")).scalar() == 0
        assert conn.execute(text("SELECT built FROM search_state")).scalar() in (False, 0)
    assert texts(demo_database, "exploitation") == before
    with demo_database.reading() as conn:
        assert conn.execute(text("SELECT built FROM search_state")).scalar() in (True, 1)
