-- Read models of the survey (rebuildable from the event store). Every row names its institution and the
-- user and event that last changed it.
create table institution_view (
    institution_id  varchar(100) primary key,
    name            varchar(300) not null,
    country         varchar(100),
    currency        varchar(3)   not null,
    fiscal_year     integer      not null,
    weekly_hours    numeric(7, 2) not null,
    costing_method  varchar(20)  not null,
    last_event_id   varchar(64)  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamp    not null
);

create table scope_view (
    scope_id        varchar(100) primary key,
    institution_id  varchar(100) not null,
    name            varchar(300) not null,
    last_event_id   varchar(64)  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamp    not null
);
create index scope_view_institution on scope_view (institution_id);

create table center_view (
    center_id        varchar(100) primary key,
    institution_id   varchar(100) not null,
    name             varchar(300) not null,
    scope_id         varchar(100),
    area             varchar(20)  not null,
    function_text    varchar(4000),
    organization     varchar(4000),
    manager          varchar(300),
    parent_center_id varchar(100),
    closed           boolean      not null,
    last_event_id    varchar(64)  not null,
    updated_by       varchar(200) not null,
    updated_at       timestamp    not null
);
create index center_view_institution on center_view (institution_id);

create table employee_view (
    employee_id      varchar(100) primary key,
    institution_id   varchar(100) not null,
    center_id        varchar(100) not null,
    name             varchar(300) not null,
    position         varchar(300),
    annual_cost      numeric(19, 2) not null,
    contracted_hours numeric(7, 2) not null,
    active           boolean      not null,
    last_event_id    varchar(64)  not null,
    updated_by       varchar(200) not null,
    updated_at       timestamp    not null
);
create index employee_view_institution on employee_view (institution_id, center_id);

-- Replica of the catalog topic: which products exist, for validating allocations without calling catalog.
create table known_product (
    product_id     varchar(100) primary key,
    institution_id varchar(100) not null,
    center_id      varchar(100) not null,
    name           varchar(300) not null,
    product_type   varchar(20)  not null,
    active         boolean      not null,
    last_event_id  varchar(64)  not null
);
create index known_product_institution on known_product (institution_id);
