-- What the outbox's records carry besides the figure: the causing event's correlation id (ce_correlationid) and
-- the record's position among the records of its institution and key (ce_sequence). The log and the parked events
-- keep the correlation id of what they hold, so an institution replay or a retry carries it on.
alter table outbox add column correlation_id varchar(64);
alter table outbox add column key_sequence bigint;
alter table event_log add column correlation_id varchar(64);
alter table projection_parked add column correlation_id varchar(64);

-- The last ce_sequence given per institution and key (outbox rows are purged once published; this never is).
create table outbox_key_sequence (
    institution_id varchar(100) not null,
    event_key      varchar(100) not null,
    last_sequence  bigint       not null,
    primary key (institution_id, event_key)
);

-- Rows written before: the causing event's correlation id was not kept, its own id stands for it (as for an event
-- that carries none); they are numbered per institution and key in the order they were written.
update outbox set correlation_id = causation_id where correlation_id is null;
update outbox o set key_sequence = (select count(*) from outbox p
                                    where p.institution_id = o.institution_id and p.event_key = o.event_key and p.id <= o.id);
insert into outbox_key_sequence (institution_id, event_key, last_sequence)
select institution_id, event_key, max(key_sequence) from outbox group by institution_id, event_key;
alter table outbox alter column correlation_id set not null;
alter table outbox alter column key_sequence set not null;
