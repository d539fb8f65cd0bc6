-- The compilation job's idempotency key is now the job's key within the moment its element was
-- activated (the engine gives out its keys again after losing its state): longer than the key alone.
alter table uppfoljningsrapport alter column sammanstall_nyckel type varchar(200);
