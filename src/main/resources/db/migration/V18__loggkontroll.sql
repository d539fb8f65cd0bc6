-- The consent of each case over time, as the loggkontroll needs it to tell whether a read of
-- personal data happened inside the scope in force at that moment: one row per change (given,
-- declined, withdrawn), written from the samtycke events. Ids, parts and times only.
create table loggkontroll_samtycke (
  arende_id    uuid        not null,
  samtycke     varchar(12) not null check (samtycke in ('JA', 'NEJ', 'ATERKALLAT')),
  tid          timestamptz not null,
  parter       text[]      not null default '{}',
  sus_samtycke boolean     not null default false,
  primary key (arende_id, samtycke)
);

-- Cases from before this table: the consent as the case and its history hold it. A withdrawn
-- consent has emptied the case's scope, so its parts come from the history line that recorded it
-- ("Samtycke lämnat (skriftligt) för FK, AF; registrering i SUS …").
insert into loggkontroll_samtycke (arende_id, samtycke, tid, parter, sus_samtycke)
select a.id, 'JA',
       coalesce(h.tid, a.skapad),
       case when a.samtycke = 'JA' then a.samtycke_parter
            else coalesce(string_to_array(substring(h.beskrivning from 'för ([^;]+)'), ', '), '{}') end,
       case when a.samtycke = 'JA' then coalesce(a.sus_samtycke, false)
            else coalesce(h.beskrivning like '%registrering i SUS med personuppgifter%', false) end
from arende a
left join lateral (
  select tid, beskrivning from arende_handelse
  where arende_id = a.id and typ = 'SAMTYCKE' order by tid, id limit 1) h on true
where a.samtycke in ('JA', 'ATERKALLAT');

insert into loggkontroll_samtycke (arende_id, samtycke, tid)
select a.id, a.samtycke, coalesce(h.tid, a.avslutad, a.skapad)
from arende a
left join lateral (
  select tid from arende_handelse
  where arende_id = a.id and typ in ('SAMTYCKE', 'AVBRUTET') order by tid desc, id desc limit 1) h on true
where a.samtycke in ('NEJ', 'ATERKALLAT');
