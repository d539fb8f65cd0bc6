-- The beredningsgrupp's decisions belong to the beredning module: one row per decision (a case
-- that was sent back for komplettering has several). The case keeps its status and ärendebärare.
create table beredning_beslut (
  id           bigserial primary key,
  arende_id    uuid         not null references arende (id),
  uppgift_id   bigint unique,
  beslut       varchar(20)  not null,
  arendebarare varchar(64),
  beslutad_av  varchar(64),
  beslutad     timestamptz  not null
);
create index beredning_beslut_per_arende on beredning_beslut (arende_id, beslutad);

insert into beredning_beslut (arende_id, beslut, arendebarare, beslutad)
select id, beslut, arendebarare, skapad from arende where beslut is not null;

alter table arende drop column beslut;
