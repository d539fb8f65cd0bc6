-- Imported history: one row per file an administrator imported into statistik_deltagare. The
-- file's SHA-256 makes a second import of the same file a no-op; who and when answer "where does
-- this number come from".
create table statistik_import (
  id            bigserial    primary key,
  filhash       varchar(64)  not null unique,
  filnamn       text,
  importerad_av varchar(64)  not null,
  importerad    timestamptz  not null,
  rader         integer      not null,
  importerade   integer      not null
);

alter table statistik_deltagare
  add constraint statistik_deltagare_import foreign key (import_id) references statistik_import (id);

-- When an imported row's personnummer was gallrat (the row itself and its facts stay).
alter table statistik_deltagare add column personnummer_gallrat timestamptz;
