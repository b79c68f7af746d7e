"""Build helpers for build.spec (PyInstaller), outside the app's package."""
