-- A task stored under a key that the engine has since given to another job (the engine restarted
-- without its state, or was restored from a backup older than the database) is moved out of that
-- key's way, to a negative id from this sequence: a job's key is never negative, so the new job is
-- stored under its own key and the earlier task keeps its history (UppgiftRepository.flyttaUndan).
create sequence uppgift_tidigare_id;
