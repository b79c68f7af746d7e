"""Use cases shared by the GUI and the CLI: one code path per user action.

Each function opens one short session on the store and returns plain dataclasses from
`services.records`, never ORM objects, so callers cannot trigger lazy loads later.
"""
