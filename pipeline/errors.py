"""Exceptions that become rows of the errors table instead of crashing a batch."""

from __future__ import annotations


class InputError(Exception):
    """A file could not be turned into text; ``reason`` is shown to the user.

    ``error_type`` is a short stable code (empty_file, binary_content,
    unknown_encoding, truncated_pdf, encrypted_pdf, no_text_layer, not_a_zip,
    too_large, too_many_pages, unsupported_format ...).
    """

    def __init__(self, error_type: str, reason: str, *, stage: str = "read") -> None:
        super().__init__(reason)
        self.error_type = error_type
        self.reason = reason
        self.stage = stage

    def __reduce__(self):  # rebuilt whole from a pickle (a forked reader sends it back), stage included
        return _input_error, (self.error_type, self.reason, self.stage)


def _input_error(error_type: str, reason: str, stage: str) -> InputError:
    return InputError(error_type, reason, stage=stage)
