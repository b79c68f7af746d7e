"""Persistence: SQLAlchemy models, the engine and its migrations. Never imports Qt."""

# Every table joins the one metadata whichever table module a caller imports first.
from aiconsult_desktop.store import (  # noqa: F401
    ai_models,
    dossier_models,
    models,
    statement_models,
)
from aiconsult_desktop.store.connection import Store, open_server_store, open_store

__all__ = ["Store", "open_server_store", "open_store"]
