-- Events the Kafka relay could not publish after its tries. The event itself stays in the event store
-- (nothing is deleted); this row says why it is not on the topic, and when an operator's retry published it.
create table relay_parked_event (
    event_id        varchar(64)   not null primary key,
    global_index    bigint        not null,
    aggregate_id    varchar(255)  not null,
    sequence_number bigint        not null,
    event_type      varchar(255)  not null,
    institution_id  varchar(100),
    reason          varchar(2000) not null,
    attempts        integer       not null,
    parked_at       timestamp     not null,
    last_tried_at   timestamp     not null,
    published_at    timestamp
);
create index relay_parked_open on relay_parked_event (published_at, global_index);
