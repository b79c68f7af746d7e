"""Persistence: SQLAlchemy models, the engine and its migrations. Never imports Qt."""

from aiconsult_desktop.store.connection import Store, open_server_store, open_store

__all__ = ["Store", "open_server_store", "open_store"]
