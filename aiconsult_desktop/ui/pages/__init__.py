"""One module per sidebar page. Each page is a `Page`: a QWidget with `refresh()`."""
