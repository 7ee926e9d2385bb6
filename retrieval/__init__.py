"""Search and matching engines: embeddings, FAISS and BM25 indexes, fusion. No Flask here."""
