-- The institution's figure rests on every fact of the institution: its lineage is kept like every other figure's.
alter table institution_cost add column lineage text not null default '[]';
