"""Text stage: normalisation, sentences and tokens (with offsets), clitic-aware variants."""
