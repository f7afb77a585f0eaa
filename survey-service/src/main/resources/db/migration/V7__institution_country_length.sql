-- The country is a short label of the command (TextLimits: 300 characters), but the view kept 100: a longer one
-- was accepted, recorded as an event and then failed in the institution view's projection. Found by the fuzzer.
alter table institution_view alter column country set data type varchar(300);
