-- Lineage by reference: a figure's lineage is computed on request from the projection's state and paged (the
-- lineage endpoints); figure rows and published figure events no longer carry the whole list of event ids, which
-- grew with the institution (the institution figure's held every event of it) and dominated the writes.
alter table product_cost drop column lineage;
alter table employee_cost drop column lineage;
alter table center_cost drop column lineage;
alter table institution_cost drop column lineage;
