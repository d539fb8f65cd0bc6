-- Comments on a task. Free text that may mention the person: read only inside the case's consent
-- scope, each read audited, and deleted by the gallring of the case.
create table uppgift_kommentar (
  id         bigserial primary key,
  uppgift_id bigint      not null references uppgift (id),
  arende_id  uuid,
  text       text        not null,
  skriven_av varchar(64) not null,
  skriven    timestamptz not null
);
create index uppgift_kommentar_uppgift on uppgift_kommentar (uppgift_id, skriven);
create index uppgift_kommentar_arende on uppgift_kommentar (arende_id);

-- The task list filters, sorts and pages the open tasks in the database.
create index uppgift_oppen_forfaller on uppgift (forfallodatum, skapad) where status = 'OPPEN';
