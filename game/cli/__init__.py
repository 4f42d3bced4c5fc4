"""The command line face: validate, schema, simulate, play. Textual is imported only by `play`."""
