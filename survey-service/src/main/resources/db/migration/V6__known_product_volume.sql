-- The catalog replica keeps each product's yearly volume and its unit (null: unknown), for the interview workbook.
alter table known_product add column volume numeric(24, 6);
alter table known_product add column volume_unit varchar(300);
