-- The whole survey model: center lifecycle and non-labour cost, employee changes and allocation totals,
-- interviews and time allocations. Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode.

alter table center_view add column non_labour_cost numeric(19, 2) default 0 not null;
alter table center_view add column non_labour_note varchar(2000);
alter table center_view add column closed_on date;
alter table center_view add column closure_reason varchar(2000);
create index center_view_scope on center_view (institution_id, scope_id);

alter table employee_view add column effective_from date;
alter table employee_view add column transferred_on date;
alter table employee_view add column annual_cost_effective_from date;
alter table employee_view add column contracted_hours_effective_from date;
alter table employee_view add column left_on date;
alter table employee_view add column departure_reason varchar(2000);
-- Σ current weekly hours over all products; above contracted_hours is accepted and flagged.
alter table employee_view add column allocated_hours numeric(9, 2) default 0 not null;
alter table employee_view add column over_allocated boolean default false not null;

create table interview_view (
    interview_id    varchar(100) primary key,
    institution_id  varchar(100) not null,
    center_id       varchar(100) not null,
    interview_date  date         not null,
    interviewer     varchar(300),
    participants    varchar(4000),
    status          varchar(20)  not null,
    validated_on    date,
    last_event_id   varchar(64)  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamp    not null
);
create index interview_view_institution on interview_view (institution_id, center_id);

-- The hours each interview holds for an employee × product (0 = no row).
create table interview_allocation (
    interview_id      varchar(100) not null,
    employee_id       varchar(100) not null,
    product_id        varchar(100) not null,
    institution_id    varchar(100) not null,
    center_id         varchar(100) not null,
    hours             numeric(7, 2) not null,
    correction_reason varchar(2000),
    last_event_id     varchar(64)  not null,
    updated_by        varchar(200) not null,
    updated_at        timestamp    not null,
    primary key (interview_id, employee_id, product_id)
);
create index interview_allocation_institution on interview_allocation (institution_id, interview_id);

-- The current hours per employee × product: the latest value recorded in any interview or correction.
create table allocation_view (
    employee_id       varchar(100) not null,
    product_id        varchar(100) not null,
    institution_id    varchar(100) not null,
    center_id         varchar(100) not null,
    interview_id      varchar(100) not null,
    hours             numeric(7, 2) not null,
    correction_reason varchar(2000),
    last_event_id     varchar(64)  not null,
    updated_by        varchar(200) not null,
    updated_at        timestamp    not null,
    primary key (employee_id, product_id)
);
create index allocation_view_institution on allocation_view (institution_id, center_id);

-- The catalog replica names who changed a product and when (the CloudEvent's acting user and recording time).
alter table known_product add column updated_by varchar(200);
alter table known_product add column updated_at timestamp;
