-- Read models of the value chains and the programmatic structure (rebuildable from the event store). Every
-- row names its institution and the user and event that last changed it. Portable SQL: PostgreSQL and H2.
create table impact_view (
    impact_id       varchar(100)  primary key,
    institution_id  varchar(100)  not null,
    name            varchar(300)  not null,
    description     varchar(4000),
    indicator       varchar(1000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null
);
create index impact_view_institution on impact_view (institution_id);

create table result_view (
    result_id       varchar(100)  primary key,
    institution_id  varchar(100)  not null,
    impact_id       varchar(100)  not null,
    name            varchar(300)  not null,
    description     varchar(4000),
    indicator       varchar(1000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null
);
create index result_view_institution on result_view (institution_id, impact_id);

create table chain_view (
    chain_id            varchar(100)  primary key,
    institution_id      varchar(100)  not null,
    name                varchar(300)  not null,
    result_id           varchar(100)  not null,
    terminal_product_id varchar(100)  not null,
    retired             boolean       not null,
    retired_reason      varchar(1000),
    last_event_id       varchar(64)   not null,
    updated_by          varchar(200)  not null,
    updated_at          timestamp     not null
);
create index chain_view_institution on chain_view (institution_id, result_id);
create index chain_view_terminal on chain_view (institution_id, terminal_product_id);

-- intermediate → the product it feeds, per chain; read by the cycle check across the whole institution
create table chain_link (
    chain_id                varchar(100)   not null,
    intermediate_product_id varchar(100)   not null,
    feeds_product_id        varchar(100)   not null,
    institution_id          varchar(100)   not null,
    weight                  numeric(19, 6) not null,
    last_event_id           varchar(64)    not null,
    updated_by              varchar(200)   not null,
    updated_at              timestamp      not null,
    primary key (chain_id, intermediate_product_id, feeds_product_id)
);
create index chain_link_institution on chain_link (institution_id, intermediate_product_id);

create table program_view (
    program_id      varchar(100)  primary key,
    institution_id  varchar(100)  not null,
    code            varchar(50)   not null,
    name            varchar(300)  not null,
    expected_result varchar(4000),
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null
);
create unique index program_view_code on program_view (institution_id, code);

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
    primary key (program_id, activity_id)
);
create index activity_view_institution on activity_view (institution_id);

-- a chain belongs to at most one program: the primary key is the chain
create table program_chain (
    chain_id        varchar(100)  primary key,
    program_id      varchar(100)  not null,
    institution_id  varchar(100)  not null,
    last_event_id   varchar(64)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null
);
create index program_chain_program on program_chain (institution_id, program_id);

create table planned_volume (
    program_id      varchar(100)   not null,
    product_id      varchar(100)   not null,
    fiscal_year     integer        not null,
    institution_id  varchar(100)   not null,
    planned_volume  numeric(19, 6) not null,
    last_event_id   varchar(64)    not null,
    updated_by      varchar(200)   not null,
    updated_at      timestamp      not null,
    primary key (program_id, product_id, fiscal_year)
);
create index planned_volume_institution on planned_volume (institution_id);

-- Replica of the catalog topic: which products exist, of which type, where they are made.
create table known_product (
    product_id      varchar(100)  primary key,
    institution_id  varchar(100)  not null,
    center_id       varchar(100),
    name            varchar(300),
    description     varchar(4000),
    product_type    varchar(20)   not null,
    core            boolean       not null,
    active          boolean       not null,
    merged_into     varchar(100),
    last_event_id   varchar(64)   not null
);
create index known_product_institution on known_product (institution_id, product_type);

-- Replica of the survey topic: center names for the views.
create table known_center (
    center_id       varchar(100)  primary key,
    institution_id  varchar(100)  not null,
    name            varchar(300),
    last_event_id   varchar(64)   not null
);
create index known_center_institution on known_center (institution_id);
