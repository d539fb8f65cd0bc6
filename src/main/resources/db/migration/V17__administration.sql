-- The administrator's changes (users, parter, insatser, beredningsgrupper, avvikelsetyper, task
-- reassignments): who, when, and the object before and after as JSON snapshots (no "before" for
-- something created, no "after" for something deleted). Staff names and e-mail addresses only;
-- nothing about a case's person is ever written here.
create table admin_logg (
  id           bigserial primary key,
  tid          timestamptz  not null,
  anvandare_id varchar(64)  not null,
  objekttyp    varchar(40)  not null,
  objekt_id    varchar(200) not null,
  handling     varchar(40)  not null,
  fore         jsonb,
  efter        jsonb
);
create index admin_logg_tid on admin_logg (tid desc, id desc);
create index admin_logg_objekt on admin_logg (objekttyp, objekt_id, tid);

-- Where the insats' styrgrupp gets its reports.
alter table insats add column styrgrupp_epost text[] not null default '{}';
