-- Read models of the catalog (rebuildable: the replica from ppi.survey.events, product_view from the event
-- store). Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Replica of the survey topic: which centers exist, so that a product is registered only in an open center
-- of the caller's institution, without a synchronous call to survey-service.
create table center_replica (
    center_id      varchar(100) primary key,
    institution_id varchar(100) not null,
    name           varchar      not null,
    scope_id       varchar(100),
    area           varchar(20)  not null,
    closed         boolean      not null,
    last_event_id  varchar(64)  not null
);
create index center_replica_institution on center_replica (institution_id);

-- One row per product. users holds the user groups as ",CITIZENS,COMPANIES," so that one LIKE filters them;
-- process_steps holds the steps as a JSON array of strings.
create table product_view (
    product_id       varchar(100) primary key,
    institution_id   varchar(100) not null,
    center_id        varchar(100) not null,
    name             varchar      not null,
    description      varchar,
    product_type     varchar(20)  not null,
    core             boolean      not null,
    volume           numeric(24, 6),
    volume_unit      varchar(200),
    users            varchar(200) not null,
    frequency        varchar(20),
    elaboration_time varchar,
    process_steps    varchar      not null,
    problems         varchar,
    synergies        varchar,
    status           varchar(10)  not null,
    merged_into      varchar(100),
    last_event_id    varchar(64)  not null,
    updated_by       varchar(200) not null,
    updated_at       timestamp    not null
);
create index product_view_institution on product_view (institution_id, center_id);
