"""Helpers of the web edition writer (tei_tools.writers.html and tei_tools.writers.site):
document summaries, citations, stylesheet overrides, the search index."""
