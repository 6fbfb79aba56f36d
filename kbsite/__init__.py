"""The machinery of the deep-learning notes: snippet execution, its cache, and the concept registry."""
