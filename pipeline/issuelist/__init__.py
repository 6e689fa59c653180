"""Issue lists (问题清单): from feedback notices in every layout, from ledgers (整改台账), from the
reviewer's edited table, and from progress reports that restate their problems.

Modules, one concern each: ``parts`` (sentence roles, the findings part), ``layouts`` (its lines:
numbered lines, headings, sub-headings), ``paragraphs`` (an unmarked paragraph: unit labels,
lead-ins, 一是 runs, ;-lists, object lists, prose), ``context`` (the open aspect and unit),
``items`` (span rules, manifestations), ``counts`` (announced counts),
``feedback`` (the whole notice), ``ledger`` (CSV/XLSX ledgers), ``editable`` (the reviewer's
table, written and read back), ``report`` (problems a progress report restates), ``fields``
(the fields every issue carries).
"""

from pipeline.issuelist.editable import write_issue_table
from pipeline.issuelist.feedback import FeedbackList, issues_from_feedback, read_feedback
from pipeline.issuelist.ledger import Ledger, read_ledger
from pipeline.issuelist.report import issues_from_report

__all__ = ["FeedbackList", "Ledger", "issues_from_feedback", "issues_from_report", "read_feedback", "read_ledger",
           "write_issue_table"]
