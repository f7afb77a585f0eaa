-- budget-service read side. Everything here is rebuilt by replaying the topics (POST /api/budget/admin/replay),
-- except the outbox, whose deterministic event ids make the republished events harmless duplicates.

-- A program's budget for a fiscal year in play (every planned year and the default year).
create table program_budget (
    institution_id     varchar(100)   not null,
    fiscal_year        integer        not null,
    program_id         varchar(100)   not null,
    program_code       varchar(100),
    program_name       varchar(300),
    budget             numeric(21, 2) not null,
    budget_exact       text           not null,
    detail             text           not null,
    lineage            text           not null,
    causation_event_id varchar(64)    not null,
    acting_user        varchar(200),
    effective_at       timestamp      not null,
    version            integer        not null,
    primary key (institution_id, fiscal_year, program_id)
);

-- The institution's budget lines for a fiscal year and their reconciliation with costing's total cost.
create table budget_summary (
    institution_id       varchar(100)   not null,
    fiscal_year          integer        not null,
    default_year         boolean        not null,
    programs_total       numeric(21, 2) not null,
    central_actions      numeric(21, 2) not null,
    unassigned_terminals numeric(21, 2) not null,
    unused_capacity      numeric(21, 2) not null,
    total                numeric(21, 2) not null,
    costing_total_cost   numeric(21, 2),
    reconciles           boolean        not null,
    detail               text           not null,
    lineage              text           not null,
    causation_event_id   varchar(64)    not null,
    acting_user          varchar(200),
    effective_at         timestamp      not null,
    version              integer        not null,
    primary key (institution_id, fiscal_year)
);
