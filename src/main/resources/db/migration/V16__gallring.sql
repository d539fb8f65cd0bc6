-- The beredningsgrupp's motivering stays in the database instead of travelling as a process
-- variable: the engine keeps ids and codes only.
alter table beredning_beslut add column motivering text;
