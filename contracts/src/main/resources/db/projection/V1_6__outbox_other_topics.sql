-- Outbox rows bound for another topic than the projection's own (null: its ppi.<projection>.events): its audit
-- topic (parked / retried / skipped events) and its dead-letter topic, whose rows carry the record a projection
-- parked verbatim, the bytes and the headers it was read with (a JSON object of header name to base64 value).
-- Written in the transaction that parks the event, so a dead letter is never lost nor sent for a rolled-back park.
alter table outbox add column topic varchar(200);
alter table outbox add column record_value bytea;
alter table outbox add column record_headers text;
