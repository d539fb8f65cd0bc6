-- Categories of DOMAIN.md §4 that the statistics break participants down by, as data an
-- administrator edits (like avslutsorsak, försörjning and sysselsättning).
create table utbildningsniva (
  kod     varchar(64) primary key,
  namn    text        not null,
  aktiv   boolean     not null default true,
  ordning integer     not null
);
insert into utbildningsniva (kod, namn, ordning) values
  ('GRUNDSKOLA', 'Grundskola', 10),
  ('GYMNASIUM', 'Gymnasium', 20),
  ('HOGSKOLA_UPP_TILL_1_AR', 'Högskola/universitet upp till 1 år', 30),
  ('HOGSKOLA_UPP_TILL_3_AR', 'Högskola/universitet upp till 3 år', 40),
  ('HOGSKOLA_MER_AN_3_AR', 'Högskola/universitet mer än 3 år', 50),
  ('ANNAN_EFTERGYMNASIAL', 'Annan eftergymnasial utbildning', 60),
  ('SAKNAS', 'Saknas/okänd', 70);

create table tid_i_forsorjning (
  kod     varchar(64) primary key,
  namn    text        not null,
  aktiv   boolean     not null default true,
  ordning integer     not null
);
insert into tid_i_forsorjning (kod, namn, ordning) values
  ('UPP_TILL_1_AR', 'Upp till 1 år', 10),
  ('UPP_TILL_2_AR', 'Upp till 2 år', 20),
  ('UPP_TILL_3_AR', 'Upp till 3 år', 30),
  ('UPP_TILL_4_AR', 'Upp till 4 år', 40),
  ('UPP_TILL_5_AR', 'Upp till 5 år', 50),
  ('UPP_TILL_6_AR', 'Upp till 6 år', 60),
  ('UPP_TILL_7_AR', 'Upp till 7 år', 70),
  ('UPP_TILL_8_AR', 'Upp till 8 år', 80),
  ('UPP_TILL_9_AR', 'Upp till 9 år', 90),
  ('NIO_AR_ELLER_MER', '9 år eller mer', 100),
  ('EJ_TILLAMPLIGT', 'Ej tillämpligt', 110);

-- The statistics' own record: one row per referral, from the case's events or imported history.
-- A referral is a participant once it has a startdatum (JA in beredning). No name, no free text;
-- the personnummer only for imported rows (encrypted, with a keyed hash that identifies the row).
create table statistik_deltagare (
  id                        bigserial    primary key,
  arende_id                 uuid         unique,
  import_nyckel             varchar(128) unique,
  import_id                 bigint,
  personnummer_krypterat    text,
  personnummer_hash         varchar(64),
  anonym                    boolean      not null,
  kon                       varchar(20)  not null,
  fodelsear                 integer,
  insats_kod                varchar(64)  not null references insats (kod),
  aktualiserande_part       varchar(40)  references part (kod),
  aktualiseringsdatum       date,
  beslut                    varchar(20),
  beslutsdatum              date,
  startdatum                date,
  forsta_motesdatum         date,
  forsta_uppfoljningsdatum  date,
  avslutsdatum              date,
  avslutsorsak              varchar(64)  references avslutsorsak (kod),
  sysselsattning_efter      varchar(64)  references sysselsattning (kod),
  omfattning                integer,
  subventionerad            boolean,
  utbildningsniva           varchar(64)  references utbildningsniva (kod),
  tid_i_forsorjning         varchar(64)  references tid_i_forsorjning (kod),
  forsorjning_start         text[]       not null default '{}',
  forsorjning_efter         text[]       not null default '{}',
  handlingsplan             boolean      not null default false,
  constraint statistik_deltagare_kalla check ((arende_id is null) <> (import_nyckel is null)),
  constraint statistik_deltagare_kon check (kon in ('KVINNA', 'MAN', 'ANNAT_OKANT'))
);
create index statistik_deltagare_insats on statistik_deltagare (insats_kod, startdatum);
create index statistik_deltagare_personnummer on statistik_deltagare (personnummer_hash);

-- What the reports count as what, per year (one installation serves one förbund): which
-- avslutsorsaker are a positiv lösning and in which sub-row, which are avbrott av hälsoskäl,
-- whether anonymous participants count in the totals or are shown beside them, and which
-- denominator the sub-rows' shares use. A year without its own uses the latest earlier one, or
-- the default in the code.
create table statistik_definition (
  ar                  integer     primary key,
  beskrivning         text        not null,
  positiv_losning     jsonb       not null,
  avbrott_halsoskal   text[]      not null,
  anonyma_i_totalen   boolean     not null default true,
  delrad_andel_av     varchar(20) not null default 'POSITIV_LOSNING',
  andrad              timestamptz not null,
  andrad_av           varchar(64) not null,
  constraint statistik_definition_namnare check (delrad_andel_av in ('POSITIV_LOSNING', 'AVSLUTADE'))
);
