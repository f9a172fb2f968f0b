"""The council's committee system (ModernGov): its web service's XML answers read safely
(``reader``), its quirks undone (``text``), fetched from a base URL (``fetch``), matched
against what Clerk holds and previewed (``plan``), then imported (``importer``)."""
