"""Measuring the extractor: gold annotations, precision/recall/F1."""
