"""Who reviews which due question.

A question names its reviewer, and goes to them while they are active. An unassigned
question (or one whose reviewer is no longer active) goes to every active reviewer
sharing one of its tags; failing that, to every active reviewer who has no tags.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from forecasts.models import Reviewer
from resolvers.due import DueQuestion


def assign(
    questions: Iterable[DueQuestion], reviewers: Sequence[Reviewer]
) -> dict[int, list[DueQuestion]]:
    """Each active reviewer's due questions, in the order `questions` came in."""
    active = [r for r in reviewers if r.active and r.id is not None]
    active_ids = {r.id for r in active}
    by_tag: dict[str, list[int]] = defaultdict(list)
    catch_all: list[int] = []
    for reviewer in active:
        assert reviewer.id is not None
        if reviewer.tags:
            for tag in reviewer.tags:
                by_tag[tag].append(reviewer.id)
        else:
            catch_all.append(reviewer.id)
    assigned: dict[int, list[DueQuestion]] = defaultdict(list)
    for question in questions:
        if question.reviewer_id is not None and question.reviewer_id in active_ids:
            assigned[question.reviewer_id].append(question)
            continue
        matched = sorted({rid for tag in question.tags for rid in by_tag.get(tag, ())})
        for reviewer_id in matched or catch_all:
            assigned[reviewer_id].append(question)
    return dict(assigned)
