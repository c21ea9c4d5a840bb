"""Readers: one per input format, each producing TEI (like pandoc's readers).

Only plain-text transcripts exist today (``transcript``); a reader for another format goes in its
own sub-package and returns the same :class:`~tei_tools.readers.transcript.ConversionResult`.
"""
