-- Each institution's version of a projection's state: advanced once by every transaction that folds an event of the
-- institution (a batch, a parked event's retry, an institution replay), which also holds the row's lock until it
-- commits. The lock makes one writer per institution across every instance of the projection; an instance whose
-- in-memory state of the institution is at an older version knows that another one advanced it and reloads it from
-- the event log. Never emptied, not even by a replay: a version is never given twice.
create table institution_version (
    institution_id varchar(100) primary key,
    version        bigint       not null
);
