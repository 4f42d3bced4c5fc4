"""The game in a web page: textual-serve runs one `cislunar play` process per browser tab."""
