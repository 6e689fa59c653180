"""The reviewer's report of one (issue list, report) pair: review.html, review.xlsx and decisions."""
