-- The avvikelse process starts through a message start event correlated on the deviation's id;
-- its tasks are found by that id, so the process instance key is no longer kept.
alter table avvikelse drop column process_instans_nyckel;
