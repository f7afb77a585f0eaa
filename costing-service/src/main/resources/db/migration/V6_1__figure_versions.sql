-- Every version of every cost figure (product, employee, center, institution: kind), so that an as-of query reads
-- what the figures said at an instant instead of folding the whole history up to it (FigureVersions). A version is
-- the figure row's detail from valid_from (the recording time of the event that changed it) until valid_until (the
-- next version's valid_from; null while current); a null detail is a tombstone (the figure was gone from then on).
-- The key is also the index every read uses: one figure as of t is one descent to the latest valid_from <= t.
create table figure_version (
    institution_id varchar(100) not null,
    kind           varchar(20)  not null,
    figure_id      varchar(100) not null,
    valid_from     timestamp    not null,
    valid_until    timestamp,
    detail         text,
    primary key (institution_id, kind, figure_id, valid_from)
);

-- Figures stored before versions existed: what they say now holds from the institution's last settle on (its latest
-- effective_at); an as-of query before that instant finds no version of the institution and folds the history.
-- (Plain insert ... select, no CTE: the same script runs on H2, the local default.)
insert into figure_version (institution_id, kind, figure_id, valid_from, detail)
select figure.institution_id, figure.kind, figure.figure_id, settled.at, figure.detail
from (select institution_id, 'PRODUCT' as kind, product_id as figure_id, detail from product_cost
      union all select institution_id, 'EMPLOYEE', employee_id, detail from employee_cost
      union all select institution_id, 'CENTER', center_id, detail from center_cost
      union all select institution_id, 'INSTITUTION', institution_id, detail from institution_cost) figure
join (select institution_id, max(effective_at) as at
      from (select institution_id, effective_at from product_cost
            union all select institution_id, effective_at from employee_cost
            union all select institution_id, effective_at from center_cost
            union all select institution_id, effective_at from institution_cost) stored
      group by institution_id) settled on settled.institution_id = figure.institution_id;
