-- Categories of DOMAIN.md §4 that avslut records, as data an administrator edits.
create table forsorjning (
  kod     varchar(64) primary key,
  namn    text        not null,
  aktiv   boolean     not null default true,
  ordning integer     not null
);
insert into forsorjning (kod, namn, ordning) values
  ('SJUK_REHABPENNING', 'Sjuk- eller rehabiliteringspenning', 10),
  ('FORSORJNINGSSTOD', 'Försörjningsstöd', 20),
  ('AKTIVITETSERSATTNING', 'Aktivitetsersättning', 30),
  ('SJUKERSATTNING', 'Sjukersättning', 40),
  ('A_KASSA_AKTIVITETSSTOD', 'A-kassa/aktivitetsstöd', 50),
  ('LON', 'Lön', 60),
  ('STUDIEMEDEL', 'Studiemedel', 70),
  ('INGEN_OFFENTLIG', 'Ingen offentlig försörjning', 80);

create table sysselsattning (
  kod     varchar(64) primary key,
  namn    text        not null,
  aktiv   boolean     not null default true,
  ordning integer     not null
);
insert into sysselsattning (kod, namn, ordning) values
  ('ARBETE', 'Arbete', 10),
  ('STUDIER', 'Studier', 20),
  ('AKTIVT_ARBETSSOKANDE', 'Aktivt arbetssökande', 30),
  ('INGEN', 'Ingen sysselsättning', 40);

alter table arende
  add column forsorjning_efter           text[] not null default '{}',
  add column sysselsattning_efter        varchar(64) references sysselsattning (kod),
  add column sysselsattning_omfattning   integer,
  add column sysselsattning_subventionerad boolean,
  add column plan_uppfylld               varchar(10);

-- What the förbund reports to SUS: in at JA in beredning, out at avslut. Personal data only with
-- SUS consent and without skyddad identitet; otherwise kön and year.
create table sus_registrering (
  id                         bigserial primary key,
  idempotensnyckel           varchar(200) not null unique,
  arende_id                  uuid         not null references arende (id),
  typ                        varchar(20)  not null,
  datum                      date         not null,
  anonym                     boolean      not null,
  personnummer_krypterat     text,
  kon                        varchar(20)  not null,
  fodelsear                  integer,
  insats_kod                 varchar(64)  not null,
  aktualiserande_part        varchar(40)  not null,
  avslutsorsak               varchar(64),
  sus_grupp                  integer,
  forsorjning                text[]       not null default '{}',
  sysselsattning             varchar(64),
  sysselsattning_omfattning  integer,
  sysselsattning_subventionerad boolean,
  skapad                     timestamptz  not null
);
create index sus_registrering_datum on sus_registrering (datum);

-- Default follow-up intervals per insats (DOMAIN.md §2: a short check after about two months,
-- plan review after six), and the reminder and grace period of an overdue follow-up.
alter table insats
  add column uppfoljning_kort       varchar(20) not null default 'P2M',
  add column uppfoljning_plan       varchar(20) not null default 'P6M',
  add column uppfoljning_paminnelse varchar(20) not null default 'P7D',
  add column uppfoljning_frist      varchar(20) not null default 'P21D';

-- Each follow-up of a plan: the status of every action, progression and the decision.
create table uppfoljning (
  id                bigserial primary key,
  arende_id         uuid        not null references arende (id),
  uppgift_id        bigint      not null unique,
  tid               timestamptz not null,
  utford_av         varchar(64) not null,
  atgard_status     jsonb       not null,
  progression       integer     not null,
  beslut            varchar(20) not null,
  nytt_datum        date,
  anteckning        text
);
create index uppfoljning_arende on uppfoljning (arende_id, tid);
