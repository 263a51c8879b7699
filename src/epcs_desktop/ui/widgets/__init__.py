"""Form widgets shared by several windows and dialogs (one of each, so they cannot drift apart)."""
