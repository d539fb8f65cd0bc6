-- The task list at volume (100 000 open, 2 000 000 closed tasks; UppgiftslistaStorBenchmark):
-- each view of the open tasks finds its rows through an index of its own instead of filtering
-- every open task. EXPLAIN ANALYZE before: the group view read all open tasks through
-- uppgift_oppen_forfaller and threw 90 % away (60 ms); "mina" and one case's tasks filtered all
-- open tasks through uppgift_status (16-17 ms).
create index uppgift_oppen_grupper on uppgift using gin (kandidatgrupper) where status = 'OPPEN';
create index uppgift_oppen_tilldelad on uppgift (tilldelad, forfallodatum) where status = 'OPPEN';
create index uppgift_oppen_arendenummer
  on uppgift ((coalesce(variabler ->> 'arendenummer', variabler ->> 'avvikelsenummer')))
  where status = 'OPPEN';
