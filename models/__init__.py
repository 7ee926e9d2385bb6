"""Language models, prompts and the session-notes pipeline (no Flask imports)."""
