"""Retrieval: read, clean and chunk notes, embed and index them, answer with citations."""
