-- The trace context of routing each notice (the consumed event's span), so every delivery attempt of
-- it continues the trace that began with the request behind the escalation.
ALTER TABLE notice ADD COLUMN traceparent TEXT;
