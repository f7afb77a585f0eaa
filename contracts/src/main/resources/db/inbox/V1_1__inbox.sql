-- Event ids a consumer has applied: redelivery changes nothing.
create table inbox_event (
    event_id     varchar(64)  not null primary key,
    topic        varchar(100),
    event_type   varchar(200),
    processed_at timestamp    not null
);
