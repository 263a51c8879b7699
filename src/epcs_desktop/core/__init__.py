"""The domain: everything that is true without a screen. Imports no Qt (a test enforces it)."""
