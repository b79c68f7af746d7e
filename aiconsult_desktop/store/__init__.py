"""Persistence: SQLAlchemy models, the engine and its migrations. Never imports Qt."""

# Every table joins the one metadata whichever table module a caller imports first.
from aiconsult_desktop.store import ai_models, models, statement_models  # noqa: F401
from aiconsult_desktop.store.connection import Store, open_server_store, open_store

__all__ = ["Store", "open_server_store", "open_store"]
