"""Documents written from the store's data: Word (python-docx) for now. Never imports Qt."""
