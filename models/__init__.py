"""Lexicons and fitted artefacts, installed as the resource package ``pipeline.models``."""
