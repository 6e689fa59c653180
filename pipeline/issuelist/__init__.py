"""Issue lists (问题清单): from feedback notices in every layout, from ledgers (整改台账), from the
reviewer's edited table, and from progress reports that restate their problems."""

from pipeline.issuelist.feedback import FeedbackList, issues_from_feedback, read_feedback

__all__ = ["FeedbackList", "issues_from_feedback", "read_feedback"]
