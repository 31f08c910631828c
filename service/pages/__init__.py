"""Server-rendered HTML pages: the ledger as readers, reviewers and editors see it."""
