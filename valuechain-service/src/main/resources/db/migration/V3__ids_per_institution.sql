-- Client-chosen ids are unique inside their institution only (the event store keys aggregates by
-- institution~id), so every read table is keyed by (institution_id, id). Each table is copied aside, created
-- again with the new key and its indexes, and filled back. Portable SQL: PostgreSQL and H2.

create table impact_view_before as select * from impact_view;
drop table impact_view;
create table impact_view (
    impact_id       varchar(100)  not null,
    institution_id  varchar(100)  not null,
    name            varchar(300)  not null,
    description     varchar(4000),
    indicator       varchar(1000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (institution_id, impact_id)
);
insert into impact_view (impact_id, institution_id, name, description, indicator, last_event_id, updated_by, updated_at)
    select impact_id, institution_id, name, description, indicator, last_event_id, updated_by, updated_at
    from impact_view_before;
drop table impact_view_before;

create table result_view_before as select * from result_view;
drop table result_view;
create table result_view (
    result_id       varchar(100)  not null,
    institution_id  varchar(100)  not null,
    impact_id       varchar(100)  not null,
    name            varchar(300)  not null,
    description     varchar(4000),
    indicator       varchar(1000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (institution_id, result_id)
);
insert into result_view (result_id, institution_id, impact_id, name, description, indicator, last_event_id, updated_by,
                         updated_at)
    select result_id, institution_id, impact_id, name, description, indicator, last_event_id, updated_by, updated_at
    from result_view_before;
drop table result_view_before;
create index result_view_institution on result_view (institution_id, impact_id);

create table chain_view_before as select * from chain_view;
drop table chain_view;
create table chain_view (
    chain_id            varchar(100)  not null,
    institution_id      varchar(100)  not null,
    name                varchar(300)  not null,
    result_id           varchar(100)  not null,
    terminal_product_id varchar(100)  not null,
    retired             boolean       not null,
    retired_reason      varchar(1000),
    last_event_id       varchar(64)   not null,
    updated_by          varchar(200)  not null,
    updated_at          timestamp     not null,
    primary key (institution_id, chain_id)
);
insert into chain_view (chain_id, institution_id, name, result_id, terminal_product_id, retired, retired_reason,
                        last_event_id, updated_by, updated_at)
    select chain_id, institution_id, name, result_id, terminal_product_id, retired, retired_reason, last_event_id,
           updated_by, updated_at
    from chain_view_before;
drop table chain_view_before;
create index chain_view_institution on chain_view (institution_id, result_id);
create index chain_view_terminal on chain_view (institution_id, terminal_product_id);

create table chain_link_before as select * from chain_link;
drop table chain_link;
create table chain_link (
    chain_id                varchar(100)   not null,
    intermediate_product_id varchar(100)   not null,
    feeds_product_id        varchar(100)   not null,
    institution_id          varchar(100)   not null,
    weight                  numeric(19, 6) not null,
    last_event_id           varchar(64)    not null,
    updated_by              varchar(200)   not null,
    updated_at              timestamp      not null,
    primary key (institution_id, chain_id, intermediate_product_id, feeds_product_id)
);
insert into chain_link (chain_id, intermediate_product_id, feeds_product_id, institution_id, weight, last_event_id,
                        updated_by, updated_at)
    select chain_id, intermediate_product_id, feeds_product_id, institution_id, weight, last_event_id, updated_by,
           updated_at
    from chain_link_before;
drop table chain_link_before;
create index chain_link_institution on chain_link (institution_id, intermediate_product_id);

create table program_view_before as select * from program_view;
drop table program_view;
create table program_view (
    program_id      varchar(100)  not null,
    institution_id  varchar(100)  not null,
    code            varchar(50)   not null,
    name            varchar(300)  not null,
    expected_result varchar(4000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (institution_id, program_id)
);
insert into program_view (program_id, institution_id, code, name, expected_result, last_event_id, updated_by, updated_at)
    select program_id, institution_id, code, name, expected_result, last_event_id, updated_by, updated_at
    from program_view_before;
drop table program_view_before;
create unique index program_view_code on program_view (institution_id, code);

create table activity_view_before as select * from activity_view;
drop table activity_view;
create table activity_view (
    program_id      varchar(100)  not null,
    activity_id     varchar(100)  not null,
    institution_id  varchar(100)  not null,
    name            varchar(300)  not null,
    kind            varchar(20)   not null,
    product_id      varchar(100),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (institution_id, program_id, activity_id)
);
insert into activity_view (program_id, activity_id, institution_id, name, kind, product_id, last_event_id, updated_by,
                           updated_at)
    select program_id, activity_id, institution_id, name, kind, product_id, last_event_id, updated_by, updated_at
    from activity_view_before;
drop table activity_view_before;

-- a chain belongs to at most one program: the key is the chain, inside its institution
create table program_chain_before as select * from program_chain;
drop table program_chain;
create table program_chain (
    chain_id        varchar(100)  not null,
    program_id      varchar(100)  not null,
    institution_id  varchar(100)  not null,
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (institution_id, chain_id)
);
insert into program_chain (chain_id, program_id, institution_id, last_event_id, updated_by, updated_at)
    select chain_id, program_id, institution_id, last_event_id, updated_by, updated_at from program_chain_before;
drop table program_chain_before;
create index program_chain_program on program_chain (institution_id, program_id);

create table planned_volume_before as select * from planned_volume;
drop table planned_volume;
create table planned_volume (
    program_id      varchar(100)   not null,
    product_id      varchar(100)   not null,
    fiscal_year     integer        not null,
    institution_id  varchar(100)   not null,
    planned_volume  numeric(19, 6) not null,
    last_event_id   varchar(64)    not null,
    updated_by      varchar(200)   not null,
    updated_at      timestamp      not null,
    primary key (institution_id, program_id, product_id, fiscal_year)
);
insert into planned_volume (program_id, product_id, fiscal_year, institution_id, planned_volume, last_event_id,
                            updated_by, updated_at)
    select program_id, product_id, fiscal_year, institution_id, planned_volume, last_event_id, updated_by, updated_at
    from planned_volume_before;
drop table planned_volume_before;

create table known_product_before as select * from known_product;
drop table known_product;
create table known_product (
    product_id      varchar(100)  not null,
    institution_id  varchar(100)  not null,
    center_id       varchar(100),
    name            varchar(300),
    description     varchar(4000),
    product_type    varchar(20)   not null,
    core            boolean       not null,
    active          boolean       not null,
    merged_into     varchar(100),
    last_event_id   varchar(64)   not null,
    primary key (institution_id, product_id)
);
insert into known_product (product_id, institution_id, center_id, name, description, product_type, core, active,
                           merged_into, last_event_id)
    select product_id, institution_id, center_id, name, description, product_type, core, active, merged_into,
           last_event_id
    from known_product_before;
drop table known_product_before;
create index known_product_institution on known_product (institution_id, product_type);

create table known_center_before as select * from known_center;
drop table known_center;
create table known_center (
    center_id       varchar(100)  not null,
    institution_id  varchar(100)  not null,
    name            varchar(300),
    last_event_id   varchar(64)   not null,
    primary key (institution_id, center_id)
);
insert into known_center (center_id, institution_id, name, last_event_id)
    select center_id, institution_id, name, last_event_id from known_center_before;
drop table known_center_before;
