"""Encryption at rest: the key ring (`keys`) and model fields that use it (`fields`)."""
