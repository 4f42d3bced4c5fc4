"""Headless campaigns: run bots over many seeds and summarise the outcomes."""
