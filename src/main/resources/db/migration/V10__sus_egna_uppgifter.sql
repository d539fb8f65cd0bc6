-- SUS keeps what its export needs in its own table instead of joining arende: the case number,
-- and whether the case was closed as a felregistrering (then every registration of the case
-- leaves the export).
alter table sus_registrering
  add column arendenummer      varchar(20),
  add column utanfor_statistik boolean not null default false;

update sus_registrering s set arendenummer = a.arendenummer
from arende a where a.id = s.arende_id;

update sus_registrering s set utanfor_statistik = true
from arende a join avslutsorsak o on o.kod = a.avslutsorsak
where a.id = s.arende_id and o.utanfor_statistik;

alter table sus_registrering alter column arendenummer set not null;
