-- A task form's draft: what one user has typed so far, saved while typing and restored when the
-- task is opened again. One per task and user; removed when the task is completed or ends, and
-- by the case's gallring. The case id is kept so that gallring finds the drafts of a case.
create table uppgift_utkast (
  uppgift_id bigint       not null references uppgift (id) on delete cascade,
  anvandare  varchar(64)  not null,
  arende_id  uuid,
  data       jsonb        not null,
  sparad     timestamptz  not null,
  primary key (uppgift_id, anvandare)
);
create index uppgift_utkast_arende on uppgift_utkast (arende_id);
