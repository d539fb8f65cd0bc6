-- Avvikelser (DOMAIN.md §5): case and routine deviations and insats deviations, with their history.
-- A deviation carries no personal data: a case is referenced by id and number, never copied.

-- The types are data an administrator edits (add, rename, retire). The codes marked fast are a
-- contract: other processes name them in BPMN headers, so they are never deleted.
create table avvikelsetyp (
  kod          varchar(64) primary key,
  namn         text        not null,
  kategori     varchar(10) not null check (kategori in ('ARENDE', 'INSATS')),
  -- The text of an automatically registered deviation when the process gives none.
  standardtext text        not null,
  fast         boolean     not null default false,
  aktiv        boolean     not null default true,
  ordning      integer     not null
);

insert into avvikelsetyp (kod, namn, kategori, standardtext, fast, ordning) values
  ('KALLELSE_UTAN_SYFTE', 'Kallelse utan syfte eller underlag', 'ARENDE',
   'Kallelsen till flerpartsmötet saknade syfte eller underlag.', true, 10),
  ('FEL_PERSON_KALLAD', 'Fel person kallad', 'ARENDE',
   'Fel person kallades till flerpartsmötet.', true, 20),
  ('PART_UTEBLEV', 'Part uteblev', 'ARENDE',
   'En part som behövdes vid flerpartsmötet uteblev.', true, 30),
  ('PART_AVBOJDE', 'Part avböjde', 'ARENDE',
   'En part som behövdes vid flerpartsmötet avböjde kallelsen eller svarade inte.', true, 40),
  ('ATERKOPPLING_SAKNAS', 'Sen eller utebliven återkoppling', 'ARENDE',
   'Återkopplingen till den aktualiserande parten kom sent eller uteblev.', true, 50),
  ('SAMTYCKE_EJ_INHAMTAT', 'Samtycke saknas eller ej inhämtat i tid', 'ARENDE',
   'Samtycke registrerades inte inom fristen.', true, 60),
  ('TIDSFRIST_OVERSKRIDEN', 'Tidsfrist överskriden', 'ARENDE',
   'En tidsfrist i ärendet (beredning eller uppföljning) har passerats.', true, 70),
  ('ATGARD_EJ_UTFORD', 'Planerad åtgärd ej utförd av ansvarig part', 'ARENDE',
   'En åtgärd i den gemensamma planen utfördes inte av den ansvariga parten.', true, 80),
  ('SEKRETESSHINDER', 'Sekretess- eller informationsöverföringshinder', 'ARENDE',
   'Information kunde inte föras över mellan parterna.', true, 90),
  ('BEMOTANDE', 'Bemötande vid möte', 'ARENDE',
   'Bemötandet vid ett möte har rapporterats.', true, 100),
  ('ANNAT', 'Annat', 'ARENDE', 'Avvikelse från rutinen.', true, 110),
  ('BUDGET', 'Budget (outnyttjade medel, omfördelning, överföring till nästa år)', 'INSATS',
   'Insatsens budget avviker från beslutet.', true, 200),
  ('MAL_EJ_I_FAS', 'Mål ej i fas', 'INSATS', 'Insatsens mål är inte i fas.', true, 210),
  ('MALGRUPP', 'Målgrupp', 'INSATS', 'Insatsen når inte sin målgrupp.', true, 220),
  ('VAKANS', 'Vakans', 'INSATS', 'En tjänst i insatsen är vakant.', true, 230),
  ('FORLANGNING', 'Förlängning', 'INSATS', 'Insatsen behöver förlängas.', true, 240);

create sequence avvikelsenummer_seq;

create table avvikelse (
  id                     uuid primary key,
  nummer                 varchar(20)  not null unique,
  typ                    varchar(64)  not null references avvikelsetyp (kod),
  beskrivning            text         not null,
  berord_part            varchar(40)  not null references part (kod),
  -- A reference to a case, never a copy of its data.
  arende_id              uuid references arende (id),
  arendenummer           varchar(20),
  insats_kod             varchar(64) references insats (kod),
  belopp_tkr             numeric(12, 1),
  -- null: registered automatically by Flerpart (job registrera-avvikelse).
  rapporterad_av         varchar(64) references anvandare (id),
  kalla                  varchar(10)  not null check (kalla in ('WEBB', 'API', 'SYSTEM')),
  status                 varchar(20)  not null,
  allvarlighet           varchar(10),
  utredare               varchar(64) references anvandare (id),
  bedomning              text,
  analys                 text,
  atgard                 text,
  eskalerad              boolean,
  beslut                 text,
  -- The job key of an automatic registration: the engine delivers at least once.
  idempotensnyckel       varchar(100) unique,
  process_instans_nyckel bigint,
  skapad                 timestamptz  not null,
  senast_hanterad        timestamptz  not null,
  avslutad               timestamptz
);
create index avvikelse_status on avvikelse (status, skapad);
create index avvikelse_berord_part on avvikelse (berord_part);
create index avvikelse_rapporterad_av on avvikelse (rapporterad_av);
create index avvikelse_arende on avvikelse (arende_id);

-- What happened to a deviation, by whom and when: the drill-down's history.
create table avvikelse_handelse (
  id           bigserial primary key,
  avvikelse_id uuid        not null references avvikelse (id),
  tid          timestamptz not null,
  typ          varchar(40) not null,
  beskrivning  text        not null,
  utford_av    varchar(64)
);
create index avvikelse_handelse_avvikelse on avvikelse_handelse (avvikelse_id, tid);
