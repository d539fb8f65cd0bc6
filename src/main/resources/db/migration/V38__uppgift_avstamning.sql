-- When an open task's job was last looked for in the engine (UppgiftAvstamning). An open task
-- whose job the engine no longer has (an engine restored or restarted behind the database) is
-- marked AVBRUTEN. The index serves the reconciliation's question: the open tasks checked longest
-- ago (never checked: since they were stored).
alter table uppgift add column avstamd timestamptz;
create index uppgift_oppen_avstamd on uppgift ((coalesce(avstamd, skapad)), id)
  where status = 'OPPEN';
