-- Services that fold small aggregates on read list the streams of one type.
CREATE INDEX lanes_event_stream_type ON lanes_event (stream_type, stream_id, version);
