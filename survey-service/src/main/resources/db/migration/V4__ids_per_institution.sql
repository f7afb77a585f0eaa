-- Client-chosen ids are unique inside their institution only (the event store keys aggregates by
-- institution~id), so every read table is keyed by (institution_id, id). Each table is copied aside, created
-- again with the new key and its indexes, and filled back: plain SQL that runs on PostgreSQL and on H2.

create table scope_view_before as select * from scope_view;
drop table scope_view;
create table scope_view (
    scope_id        varchar(100) not null,
    institution_id  varchar(100) not null,
    name            varchar(300) not null,
    last_event_id   varchar(64)  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamp    not null,
    primary key (institution_id, scope_id)
);
insert into scope_view (scope_id, institution_id, name, last_event_id, updated_by, updated_at)
    select scope_id, institution_id, name, last_event_id, updated_by, updated_at from scope_view_before;
drop table scope_view_before;

create table center_view_before as select * from center_view;
drop table center_view;
create table center_view (
    center_id        varchar(100)   not null,
    institution_id   varchar(100)   not null,
    name             varchar(300)   not null,
    scope_id         varchar(100),
    area             varchar(20)    not null,
    function_text    varchar(4000),
    organization     varchar(4000),
    manager          varchar(300),
    parent_center_id varchar(100),
    closed           boolean        not null,
    last_event_id    varchar(64)    not null,
    updated_by       varchar(200)   not null,
    updated_at       timestamp      not null,
    non_labour_cost  numeric(19, 2) default 0 not null,
    non_labour_note  varchar(2000),
    closed_on        date,
    closure_reason   varchar(2000),
    primary key (institution_id, center_id)
);
insert into center_view (center_id, institution_id, name, scope_id, area, function_text, organization, manager,
                         parent_center_id, closed, last_event_id, updated_by, updated_at, non_labour_cost,
                         non_labour_note, closed_on, closure_reason)
    select center_id, institution_id, name, scope_id, area, function_text, organization, manager, parent_center_id,
           closed, last_event_id, updated_by, updated_at, non_labour_cost, non_labour_note, closed_on, closure_reason
    from center_view_before;
drop table center_view_before;
create index center_view_scope on center_view (institution_id, scope_id);

create table employee_view_before as select * from employee_view;
drop table employee_view;
create table employee_view (
    employee_id                     varchar(100)   not null,
    institution_id                  varchar(100)   not null,
    center_id                       varchar(100)   not null,
    name                            varchar(300)   not null,
    position                        varchar(300),
    annual_cost                     numeric(19, 2) not null,
    contracted_hours                numeric(7, 2)  not null,
    active                          boolean        not null,
    last_event_id                   varchar(64)    not null,
    updated_by                      varchar(200)   not null,
    updated_at                      timestamp      not null,
    effective_from                  date,
    transferred_on                  date,
    annual_cost_effective_from      date,
    contracted_hours_effective_from date,
    left_on                         date,
    departure_reason                varchar(2000),
    allocated_hours                 numeric(9, 2)  default 0 not null,
    over_allocated                  boolean        default false not null,
    primary key (institution_id, employee_id)
);
insert into employee_view (employee_id, institution_id, center_id, name, position, annual_cost, contracted_hours,
                           active, last_event_id, updated_by, updated_at, effective_from, transferred_on,
                           annual_cost_effective_from, contracted_hours_effective_from, left_on, departure_reason,
                           allocated_hours, over_allocated)
    select employee_id, institution_id, center_id, name, position, annual_cost, contracted_hours, active,
           last_event_id, updated_by, updated_at, effective_from, transferred_on, annual_cost_effective_from,
           contracted_hours_effective_from, left_on, departure_reason, allocated_hours, over_allocated
    from employee_view_before;
drop table employee_view_before;
create index employee_view_institution on employee_view (institution_id, center_id);

create table known_product_before as select * from known_product;
drop table known_product;
create table known_product (
    product_id     varchar(100) not null,
    institution_id varchar(100) not null,
    center_id      varchar(100) not null,
    name           varchar(300) not null,
    product_type   varchar(20)  not null,
    active         boolean      not null,
    last_event_id  varchar(64)  not null,
    updated_by     varchar(200),
    updated_at     timestamp,
    primary key (institution_id, product_id)
);
insert into known_product (product_id, institution_id, center_id, name, product_type, active, last_event_id,
                           updated_by, updated_at)
    select product_id, institution_id, center_id, name, product_type, active, last_event_id, updated_by, updated_at
    from known_product_before;
drop table known_product_before;

create table interview_view_before as select * from interview_view;
drop table interview_view;
create table interview_view (
    interview_id    varchar(100) not null,
    institution_id  varchar(100) not null,
    center_id       varchar(100) not null,
    interview_date  date         not null,
    interviewer     varchar(300),
    participants    varchar(4000),
    status          varchar(20)  not null,
    validated_on    date,
    last_event_id   varchar(64)  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamp    not null,
    primary key (institution_id, interview_id)
);
insert into interview_view (interview_id, institution_id, center_id, interview_date, interviewer, participants,
                            status, validated_on, last_event_id, updated_by, updated_at)
    select interview_id, institution_id, center_id, interview_date, interviewer, participants, status, validated_on,
           last_event_id, updated_by, updated_at
    from interview_view_before;
drop table interview_view_before;
create index interview_view_institution on interview_view (institution_id, center_id);

create table interview_allocation_before as select * from interview_allocation;
drop table interview_allocation;
create table interview_allocation (
    interview_id      varchar(100)  not null,
    employee_id       varchar(100)  not null,
    product_id        varchar(100)  not null,
    institution_id    varchar(100)  not null,
    center_id         varchar(100)  not null,
    hours             numeric(7, 2) not null,
    correction_reason varchar(2000),
    last_event_id     varchar(64)   not null,
    updated_by        varchar(200)  not null,
    updated_at        timestamp     not null,
    primary key (institution_id, interview_id, employee_id, product_id)
);
insert into interview_allocation (interview_id, employee_id, product_id, institution_id, center_id, hours,
                                  correction_reason, last_event_id, updated_by, updated_at)
    select interview_id, employee_id, product_id, institution_id, center_id, hours, correction_reason, last_event_id,
           updated_by, updated_at
    from interview_allocation_before;
drop table interview_allocation_before;

create table allocation_view_before as select * from allocation_view;
drop table allocation_view;
create table allocation_view (
    employee_id       varchar(100)  not null,
    product_id        varchar(100)  not null,
    institution_id    varchar(100)  not null,
    center_id         varchar(100)  not null,
    interview_id      varchar(100)  not null,
    hours             numeric(7, 2) not null,
    correction_reason varchar(2000),
    last_event_id     varchar(64)   not null,
    updated_by        varchar(200)  not null,
    updated_at        timestamp     not null,
    primary key (institution_id, employee_id, product_id)
);
insert into allocation_view (employee_id, product_id, institution_id, center_id, interview_id, hours,
                             correction_reason, last_event_id, updated_by, updated_at)
    select employee_id, product_id, institution_id, center_id, interview_id, hours, correction_reason, last_event_id,
           updated_by, updated_at
    from allocation_view_before;
drop table allocation_view_before;
create index allocation_view_institution on allocation_view (institution_id, center_id);
