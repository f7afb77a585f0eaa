-- costing-service read side. Everything here is rebuilt by replaying the topics (POST /api/costing/admin/replay).

create table product_cost (
    product_id         varchar(100) primary key,
    institution_id     varchar(100) not null,
    product_name       varchar(300),
    center_id          varchar(100),
    product_type       varchar(20),
    core               boolean      not null,
    direct_cost        numeric(21, 2) not null,
    unit_cost          numeric(21, 2),
    full_cost          numeric(21, 2) not null,
    full_unit_cost     numeric(21, 2),
    volume_gap         boolean      not null,
    detail             text         not null,
    lineage            text         not null,
    causation_event_id varchar(64)  not null,
    acting_user        varchar(200),
    effective_at       timestamp    not null,
    version            integer      not null
);
create index product_cost_institution on product_cost (institution_id);

create table employee_cost (
    employee_id        varchar(100) primary key,
    institution_id     varchar(100) not null,
    center_id          varchar(100),
    allocated_cost     numeric(21, 2) not null,
    unused_cost        numeric(21, 2) not null,
    over_allocated     boolean      not null,
    detail             text         not null,
    lineage            text         not null,
    causation_event_id varchar(64)  not null,
    acting_user        varchar(200),
    effective_at       timestamp    not null,
    version            integer      not null
);
create index employee_cost_institution on employee_cost (institution_id);

create table center_cost (
    center_id          varchar(100) primary key,
    institution_id     varchar(100) not null,
    allocated_cost     numeric(21, 2) not null,
    unused_cost        numeric(21, 2) not null,
    over_allocated     boolean      not null,
    detail             text         not null,
    lineage            text         not null,
    causation_event_id varchar(64)  not null,
    acting_user        varchar(200),
    effective_at       timestamp    not null,
    version            integer      not null
);
create index center_cost_institution on center_cost (institution_id);

create table institution_cost (
    institution_id     varchar(100) primary key,
    total_cost         numeric(21, 2) not null,
    reconciled         boolean      not null,
    detail             text         not null,
    causation_event_id varchar(64)  not null,
    acting_user        varchar(200),
    effective_at       timestamp    not null,
    version            integer      not null
);
