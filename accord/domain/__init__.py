"""The pure core of Accord: algorithms and rules, with no Django and no I/O to the database.

Each engine (analysis, text, exchange, statements, consultation) is a subpackage with a short
public API; the Django apps call them with plain data and store what they return.
"""
