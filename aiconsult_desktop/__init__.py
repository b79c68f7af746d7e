"""AIConsult Desktop: prepare committee meetings, track unanswered questions, export statements."""

__version__ = "0.1.0"
