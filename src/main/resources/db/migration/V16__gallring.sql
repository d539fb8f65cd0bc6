-- Gallring: a set time after a case has ended, its personal data is removed and only anonymous
-- facts remain (kön, födelseår, insats, parts, dates and codes).

-- How long after the end a case of the insats is gallrat: an ISO-8601 period such as P2Y, never
-- negative. Null: the global setting flerpart.gallring.efter.
alter table insats
  add column gallring_efter varchar(20)
    check (gallring_efter ~ '^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$' and gallring_efter <> 'P');

-- When the case's personal data was removed; null while it is kept.
alter table arende add column gallrad timestamptz;
create index arende_att_gallra on arende (avslutad) where gallrad is null and avslutad is not null;

-- The case a mail belongs to, so that gallring finds its mails (the text and attachments name
-- people). Mails of no case (avvikelser, reports) have none.
alter table mail_utkorg add column arende_id uuid;
create index mail_utkorg_arende on mail_utkorg (arende_id);

-- Mails queued before this column: the case from what the idempotency key or the text names.
update mail_utkorg m set arende_id = p.arende_id
from plan p
where m.arende_id is null and m.idempotensnyckel like 'plan:' || p.id || ':%';

update mail_utkorg m set arende_id = mo.arende_id
from kallelse k join mote mo on mo.id = k.mote_id
where m.arende_id is null and split_part(m.idempotensnyckel, ':', 2) = k.id::text;

update mail_utkorg m set arende_id = u.arende_id
from uppgift u
where m.arende_id is null and m.idempotensnyckel like 'paminnelse:%'
  and split_part(m.idempotensnyckel, ':', 3) = u.id::text;

update mail_utkorg m
set arende_id = substring(m.text from
  '/arenden/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})')::uuid
where m.arende_id is null
  and m.text ~ '/arenden/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

-- The beredningsgrupp's motivering stays in the database instead of travelling as a process
-- variable: the engine keeps ids and codes only.
alter table beredning_beslut add column motivering text;
