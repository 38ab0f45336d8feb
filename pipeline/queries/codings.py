"""Which codings count: the one rule every count, share and quote is built on."""
from __future__ import annotations

# A person's newest decision on a (segment, code): 'accepted' or 'rejected'.
HUMAN_DECISIONS = (
    "SELECT segment_id, code_id, arg_max(status, created_at) AS decided FROM codings "
    "WHERE method = 'human' GROUP BY segment_id, code_id")

# A coding counts unless it was rejected (data contract: suggested and accepted count). A person's
# newest decision on a (segment, code) overrides the suggestions: their rejection removes the code.
ACTIVE_CODINGS = (
    "SELECT DISTINCT c.segment_id, c.code_id FROM codings c "
    f"LEFT JOIN ({HUMAN_DECISIONS}) h "
    "ON h.segment_id = c.segment_id AND h.code_id = c.code_id "
    "WHERE c.status <> 'rejected' AND coalesce(h.decided, c.status) <> 'rejected'")
