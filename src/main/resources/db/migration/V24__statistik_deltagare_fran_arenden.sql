-- Three facts of the aktualisering that the förbund's reports break participants down by
-- (DOMAIN.md §4): utbildningsnivå, tid i offentlig försörjning and försörjning at start. Codes of
-- the category tables only; a declined consent clears them like the rest of the person's data.
alter table arende
  add column utbildningsniva   varchar(64) references utbildningsniva (kod),
  add column tid_i_forsorjning varchar(64) references tid_i_forsorjning (kod),
  add column forsorjning_start text[]      not null default '{}';

-- The statistics' record names the case by its number in the checks, and keeps the time of the
-- beredning's latest decision so that a decision delivered late does not overwrite a newer one.
alter table statistik_deltagare
  add column arendenummer varchar(20),
  add column beslut_tid   timestamptz;

-- Cases registered before the statistics existed: the same facts the events give, read once from
-- the tables of the modules that own them.
insert into statistik_deltagare (
  arende_id, arendenummer, anonym, kon, fodelsear, insats_kod, aktualiserande_part,
  aktualiseringsdatum, beslut, beslut_tid, beslutsdatum, startdatum, forsta_motesdatum,
  forsta_uppfoljningsdatum, avslutsdatum, avslutsorsak, sysselsattning_efter, omfattning,
  subventionerad, forsorjning_efter, handlingsplan, utbildningsniva, tid_i_forsorjning,
  forsorjning_start)
select
  a.id,
  a.arendenummer,
  not coalesce(a.sus_samtycke, false) or a.skyddad_identitet
    or (a.personnummer_krypterat is null and a.gallrad is null),
  a.kon,
  a.fodelsear,
  a.insats_kod,
  a.aktualiserande_part,
  (a.skapad at time zone 'Europe/Stockholm')::date,
  senaste.beslut,
  senaste.beslutad,
  (senaste.beslutad at time zone 'Europe/Stockholm')::date,
  (select min(b.beslutad at time zone 'Europe/Stockholm')::date
     from beredning_beslut b where b.arende_id = a.id and b.beslut = 'JA'),
  (select min(m.genomfort_tid at time zone 'Europe/Stockholm')::date
     from mote m where m.arende_id = a.id and m.status = 'GENOMFORT'),
  (select min(u.tid at time zone 'Europe/Stockholm')::date
     from uppfoljning u where u.arende_id = a.id),
  case when a.avslutad is not null then (a.avslutad at time zone 'Europe/Stockholm')::date end,
  a.avslutsorsak,
  av.sysselsattning_efter,
  av.sysselsattning_omfattning,
  av.sysselsattning_subventionerad,
  coalesce(av.forsorjning_efter, '{}'),
  exists (select 1 from plan p where p.arende_id = a.id),
  a.utbildningsniva,
  a.tid_i_forsorjning,
  a.forsorjning_start
from arende a
left join avslut av on av.arende_id = a.id
left join lateral (
  select b.beslut, b.beslutad from beredning_beslut b
  where b.arende_id = a.id order by b.beslutad desc, b.id desc limit 1
) senaste on true
on conflict (arende_id) do nothing;
