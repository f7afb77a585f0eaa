-- Client-chosen ids are unique inside their institution only (the event store keys aggregates by
-- institution~id), so the replica and the product view are keyed by (institution_id, id). Each table is copied
-- aside, created again with the new key and its indexes, and filled back: portable SQL (PostgreSQL and H2).

create table center_replica_before as select * from center_replica;
drop table center_replica;
create table center_replica (
    center_id      varchar(100) not null,
    institution_id varchar(100) not null,
    name           varchar      not null,
    scope_id       varchar(100),
    area           varchar(20)  not null,
    closed         boolean      not null,
    last_event_id  varchar(64)  not null,
    primary key (institution_id, center_id)
);
insert into center_replica (center_id, institution_id, name, scope_id, area, closed, last_event_id)
    select center_id, institution_id, name, scope_id, area, closed, last_event_id from center_replica_before;
drop table center_replica_before;

create table product_view_before as select * from product_view;
drop table product_view;
create table product_view (
    product_id       varchar(100)   not null,
    institution_id   varchar(100)   not null,
    center_id        varchar(100)   not null,
    name             varchar        not null,
    description      varchar,
    product_type     varchar(20)    not null,
    core             boolean        not null,
    volume           numeric(24, 6),
    volume_unit      varchar(200),
    users            varchar(200)   not null,
    frequency        varchar(20),
    elaboration_time varchar,
    process_steps    varchar        not null,
    problems         varchar,
    synergies        varchar,
    status           varchar(10)    not null,
    merged_into      varchar(100),
    last_event_id    varchar(64)    not null,
    updated_by       varchar(200)   not null,
    updated_at       timestamp      not null,
    primary key (institution_id, product_id)
);
insert into product_view (product_id, institution_id, center_id, name, description, product_type, core, volume,
                          volume_unit, users, frequency, elaboration_time, process_steps, problems, synergies, status,
                          merged_into, last_event_id, updated_by, updated_at)
    select product_id, institution_id, center_id, name, description, product_type, core, volume, volume_unit, users,
           frequency, elaboration_time, process_steps, problems, synergies, status, merged_into, last_event_id,
           updated_by, updated_at
    from product_view_before;
drop table product_view_before;
create index product_view_institution on product_view (institution_id, center_id);
