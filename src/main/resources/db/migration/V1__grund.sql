-- Organisations that work together in the förbund.
create table part (
  kod  varchar(40) primary key,
  namn text        not null
);

create table anvandare (
  id       varchar(64) primary key,
  namn     text        not null,
  epost    text        not null,
  part     varchar(40) not null references part (kod),
  losenord text,
  aktiv    boolean     not null default true
);

create table anvandare_roll (
  anvandare_id varchar(64) not null references anvandare (id),
  roll         varchar(40) not null,
  primary key (anvandare_id, roll)
);

create table insats (
  kod         varchar(64) primary key,
  namn        text        not null,
  beskrivning text,
  max_tid     varchar(20) not null default 'P12M',
  aktiv       boolean     not null default true
);

create table beredningsgrupp_medlem (
  insats_kod   varchar(64) not null references insats (kod),
  anvandare_id varchar(64) not null references anvandare (id),
  primary key (insats_kod, anvandare_id)
);

-- Categories are data (DOMAIN.md §4), editable by an administrator; a code in use is retired, never deleted.
create table avslutsorsak (
  kod                    varchar(64) primary key,
  namn                   text        not null,
  sus_grupp              integer,
  positiv_losning        boolean     not null default false,
  utanfor_statistik      boolean     not null default false,
  aktiv                  boolean     not null default true,
  ordning                integer     not null
);

insert into avslutsorsak (kod, namn, sus_grupp, positiv_losning, utanfor_statistik, ordning) values
  ('ARBETE_EJ_SUBVENTIONERAT', 'Arbete, ej subventionerat', 1, true, false, 10),
  ('ARBETE_SUBVENTIONERAT', 'Arbete, subventionerat', 1, true, false, 20),
  ('EXTRATJANST', 'Extratjänst', 1, true, false, 30),
  ('EGET_FORETAG', 'Eget företag', 1, true, false, 40),
  ('STUDIER', 'Studier', 1, true, false, 50),
  ('AKTIVT_ARBETSSOKANDE', 'Aktivt arbetssökande', 1, true, false, 60),
  ('FORTSATT_REHABILITERING', 'Fortsatt rehabilitering hos annan aktör', 2, true, false, 70),
  ('OHALSA', 'Ohälsa/sjukdom', 3, false, false, 80),
  ('ARBETSFORMAGA_SAKNAS', 'Klarlagt att arbetsförmåga saknas', 3, true, false, 90),
  ('FORALDRALEDIGHET', 'Föräldraledighet', null, false, false, 100),
  ('FLYTTAT', 'Flyttat', null, false, false, 110),
  ('AVBRUTET_EGEN_BEGARAN', 'Avbrutet på egen begäran', null, false, false, 120),
  ('SAMTYCKE_ATERKALLAT', 'Samtycke återkallat', null, false, false, 130),
  ('ANNAT', 'Annat', null, false, false, 140),
  ('FELREGISTRERING', 'Felregistrering', null, false, true, 150);

create sequence arendenummer_seq;

create table arende (
  id                      uuid primary key,
  arendenummer            varchar(20)  not null unique,
  insats_kod              varchar(64)  not null references insats (kod),
  -- Personal data: personnummer encrypted (AES-GCM) with a keyed hash for look-up.
  personnummer_krypterat  text,
  personnummer_hash       varchar(64),
  skyddad_identitet       boolean      not null default false,
  kon                     varchar(20)  not null,
  fodelsear               integer,
  skal                    text         not null,
  behov                   text[]       not null default '{}',
  bradskande              boolean      not null default false,
  aktualiserande_part     varchar(40)  not null references part (kod),
  aktualiserad_av         varchar(64)  not null references anvandare (id),
  arendebarare            varchar(64) references anvandare (id),
  status                  varchar(40)  not null,
  samtycke                varchar(12),
  samtycke_form           varchar(20),
  samtycke_parter         text[]       not null default '{}',
  sus_samtycke            boolean,
  beslut                  varchar(20),
  avslutsorsak            varchar(64) references avslutsorsak (kod),
  process_instans_nyckel  bigint,
  skapad                  timestamptz  not null,
  avslutad                timestamptz
);
create index arende_personnummer_hash on arende (personnummer_hash);
create index arende_status on arende (status);

-- What happened in a case, by whom and when: the case page's history.
create table arende_handelse (
  id         bigserial primary key,
  arende_id  uuid        not null references arende (id),
  tid        timestamptz not null,
  typ        varchar(60) not null,
  beskrivning text       not null,
  utford_av  varchar(64)
);
create index arende_handelse_arende on arende_handelse (arende_id, tid);

-- Every read of a case's personal data.
create table granskningslogg (
  id           bigserial primary key,
  tid          timestamptz not null,
  anvandare_id varchar(64) not null,
  arende_id    uuid        not null,
  handling     varchar(60) not null
);
create index granskningslogg_arende on granskningslogg (arende_id, tid);

-- User tasks: one row per user-task job (id = the job key).
create table uppgift (
  id                     bigint primary key,
  element_instans_nyckel bigint       not null,
  process_instans_nyckel bigint       not null,
  process_id             varchar(100) not null,
  element_id             varchar(100) not null,
  namn                   text         not null,
  -- No foreign key: the engine may hand out a case's first task before the transaction that
  -- created the case has committed.
  arende_id              uuid,
  formular_id            varchar(100) not null,
  tilldelad              varchar(64),
  kandidatgrupper        text[]       not null default '{}',
  forfallodatum          timestamptz,
  variabler              jsonb        not null default '{}',
  status                 varchar(20)  not null,
  skapad                 timestamptz  not null,
  inskickad_data         jsonb,
  slutford_av            varchar(64),
  slutford_tid           timestamptz,
  avslutningsforsok      integer      not null default 0,
  senaste_fel            text
);
create index uppgift_status on uppgift (status);
create index uppgift_arende on uppgift (arende_id);

-- Outgoing mail: written in the same transaction as the change that causes it, sent by a poller.
create table mail_utkorg (
  id                bigserial primary key,
  idempotensnyckel  varchar(200) not null unique,
  mottagare         text[]       not null,
  amne              text         not null,
  text              text         not null,
  -- Attachments: [{"filnamn": …, "typ": …, "innehall": base64}], e.g. a PDF or an .ics invitation.
  bilagor           jsonb        not null default '[]',
  skapad            timestamptz  not null,
  skickad           timestamptz,
  forsok            integer      not null default 0,
  senaste_fel       text
);
create index mail_utkorg_oskickad on mail_utkorg (skapad) where skickad is null;
