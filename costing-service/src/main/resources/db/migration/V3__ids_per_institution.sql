-- Client-chosen ids are unique inside their institution only, so the figure rows are keyed by
-- (institution_id, id). Everything here is rebuilt by a replay; the rows are copied back all the same, so that
-- an upgrade shows the same figures without one.

create table product_cost_before as select * from product_cost;
drop table product_cost;
create table product_cost (
    product_id         varchar(100)   not null,
    institution_id     varchar(100)   not null,
    product_name       varchar(300),
    center_id          varchar(100),
    product_type       varchar(20),
    core               boolean        not null,
    direct_cost        numeric(21, 2) not null,
    unit_cost          numeric(21, 2),
    full_cost          numeric(21, 2) not null,
    full_unit_cost     numeric(21, 2),
    volume_gap         boolean        not null,
    detail             text           not null,
    lineage            text           not null,
    causation_event_id varchar(64)    not null,
    acting_user        varchar(200),
    effective_at       timestamp      not null,
    version            integer        not null,
    primary key (institution_id, product_id)
);
insert into product_cost (product_id, institution_id, product_name, center_id, product_type, core, direct_cost,
                          unit_cost, full_cost, full_unit_cost, volume_gap, detail, lineage, causation_event_id,
                          acting_user, effective_at, version)
    select product_id, institution_id, product_name, center_id, product_type, core, direct_cost, unit_cost, full_cost,
           full_unit_cost, volume_gap, detail, lineage, causation_event_id, acting_user, effective_at, version
    from product_cost_before;
drop table product_cost_before;

create table employee_cost_before as select * from employee_cost;
drop table employee_cost;
create table employee_cost (
    employee_id        varchar(100)   not null,
    institution_id     varchar(100)   not null,
    center_id          varchar(100),
    allocated_cost     numeric(21, 2) not null,
    unused_cost        numeric(21, 2) not null,
    over_allocated     boolean        not null,
    detail             text           not null,
    lineage            text           not null,
    causation_event_id varchar(64)    not null,
    acting_user        varchar(200),
    effective_at       timestamp      not null,
    version            integer        not null,
    primary key (institution_id, employee_id)
);
insert into employee_cost (employee_id, institution_id, center_id, allocated_cost, unused_cost, over_allocated, detail,
                           lineage, causation_event_id, acting_user, effective_at, version)
    select employee_id, institution_id, center_id, allocated_cost, unused_cost, over_allocated, detail, lineage,
           causation_event_id, acting_user, effective_at, version
    from employee_cost_before;
drop table employee_cost_before;

create table center_cost_before as select * from center_cost;
drop table center_cost;
create table center_cost (
    center_id          varchar(100)   not null,
    institution_id     varchar(100)   not null,
    allocated_cost     numeric(21, 2) not null,
    unused_cost        numeric(21, 2) not null,
    over_allocated     boolean        not null,
    detail             text           not null,
    lineage            text           not null,
    causation_event_id varchar(64)    not null,
    acting_user        varchar(200),
    effective_at       timestamp      not null,
    version            integer        not null,
    primary key (institution_id, center_id)
);
insert into center_cost (center_id, institution_id, allocated_cost, unused_cost, over_allocated, detail, lineage,
                         causation_event_id, acting_user, effective_at, version)
    select center_id, institution_id, allocated_cost, unused_cost, over_allocated, detail, lineage, causation_event_id,
           acting_user, effective_at, version
    from center_cost_before;
drop table center_cost_before;
