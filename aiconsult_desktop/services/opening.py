"""The store handle the window passes to every service, and the ways to open one.

The ui never imports `store` itself (an import-linter contract in pyproject.toml says
so): it holds a `Store` as an opaque handle and hands it back to services.
"""

from __future__ import annotations

from aiconsult_desktop.store import Store, open_server_store, open_store

__all__ = ["Store", "open_server_store", "open_store"]
