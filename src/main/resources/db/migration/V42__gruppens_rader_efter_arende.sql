-- A group's task list sorted by case number, either way (the column header's two clicks), read as
-- the due-date order is: the page's ids by walking an index of the group rows to the page's end,
-- instead of sorting all of the group's open tasks for every page. With 10 000 open tasks in the
-- group, page 100 sorted by case descending sorted all 10 000 rows for each request
-- (UppgiftslistaStorBenchmark). Two indexes, as the case number is sorted with nulls last in both
-- directions and the tie-breakers (due date, creation, id) ascending: one index read backwards
-- would give the reverse of all four. The case number is compared byte by byte, as the column is.
create index uppgift_oppen_grupp_arende
  on uppgift_oppen_grupp (grupp, arendenummer, forfallodatum, skapad, uppgift_id)
  include (arende_id);
create index uppgift_oppen_grupp_arende_fallande
  on uppgift_oppen_grupp (grupp, arendenummer desc nulls last, forfallodatum, skapad, uppgift_id)
  include (arende_id);
