-- Every version of every budget figure, so that an as-of query reads what the budget said at an instant instead of
-- folding the whole history up to it (FigureVersions). Kinds: SUMMARY (figure: the fiscal year), PROGRAM:<year>
-- (figure: the program), DEFAULT (figure: the institution; detail: the year shown when none is asked, null while
-- nothing is known of it). A version is valid from valid_from (the recording time of the event that changed it)
-- until valid_until (the next version's; null while current); a null detail is a tombstone.
create table figure_version (
    institution_id varchar(100) not null,
    kind           varchar(20)  not null,
    figure_id      varchar(100) not null,
    valid_from     timestamp    not null,
    valid_until    timestamp,
    detail         text,
    primary key (institution_id, kind, figure_id, valid_from)
);

-- Figures stored before versions existed hold from the institution's last settle (its latest effective_at); an
-- as-of query before that finds no version and folds the history. (No CTE: the same script runs on H2.)
insert into figure_version (institution_id, kind, figure_id, valid_from, detail)
select figure.institution_id, figure.kind, figure.figure_id, settled.at, figure.detail
from (select institution_id, 'PROGRAM:' || fiscal_year as kind, program_id as figure_id, detail from program_budget
      union all select institution_id, 'SUMMARY', cast(fiscal_year as varchar(10)), detail from budget_summary
      union all select institution_id, 'DEFAULT', institution_id, cast(fiscal_year as varchar(10)) from budget_summary
      where default_year) figure
join (select institution_id, max(effective_at) as at
      from (select institution_id, effective_at from program_budget
            union all select institution_id, effective_at from budget_summary) stored
      group by institution_id) settled on settled.institution_id = figure.institution_id;
