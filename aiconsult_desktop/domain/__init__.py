"""Pure-Python domain: vocabulary, validation and French formatting. Never imports Qt."""
