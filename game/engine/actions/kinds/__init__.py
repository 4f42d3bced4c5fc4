"""One module per kind of action, each defining ``HANDLER``; the registry loads them all."""
