-- Fiscal year N begins on the first day of this month of calendar year N (1 = January, the calendar year).
alter table institution_view add column fiscal_year_start_month integer not null default 1;
