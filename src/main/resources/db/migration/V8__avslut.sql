-- What the ärendebärare records at avslut belongs to the avslut module: its own table instead of
-- columns of arende. The avslutsorsak stays on the case, as part of how it ended.
create table avslut (
  arende_id                     uuid primary key references arende (id),
  forsorjning_efter             text[]        not null default '{}',
  sysselsattning_efter          varchar(64) references sysselsattning (kod),
  sysselsattning_omfattning     integer,
  sysselsattning_subventionerad boolean,
  plan_uppfylld                 varchar(20),
  registrerad                   timestamptz   not null
);

insert into avslut (arende_id, forsorjning_efter, sysselsattning_efter, sysselsattning_omfattning,
                    sysselsattning_subventionerad, plan_uppfylld, registrerad)
select id, coalesce(forsorjning_efter, '{}'), sysselsattning_efter, sysselsattning_omfattning,
       sysselsattning_subventionerad, plan_uppfylld, coalesce(avslutad, skapad)
from arende
where forsorjning_efter is not null and cardinality(forsorjning_efter) > 0
   or sysselsattning_efter is not null or plan_uppfylld is not null;

alter table arende
  drop column forsorjning_efter,
  drop column sysselsattning_efter,
  drop column sysselsattning_omfattning,
  drop column sysselsattning_subventionerad,
  drop column plan_uppfylld;
