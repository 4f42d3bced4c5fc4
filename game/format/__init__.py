"""The scenario file format: the contract with scenario authors.

Pydantic models of a scenario, the YAML loader that keeps line numbers, and the safe
expression language for conditions. Nothing here imports the engine or any face.
"""
