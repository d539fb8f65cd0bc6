-- The case's process starts through a message start event correlated on the case id, so its
-- instance key is neither known at the start nor needed: tasks carry their own.
alter table arende drop column process_instans_nyckel;
