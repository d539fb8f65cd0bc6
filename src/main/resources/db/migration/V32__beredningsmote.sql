-- The beredningsgrupp's meeting days per insats: the first meeting, the time of day (Swedish time)
-- and every how many weeks it meets; the ADMIN edits it on the insats page.
create table beredningsmote_schema (
  insats_kod       varchar(64) primary key references insats (kod),
  forsta_datum     date        not null,
  tid              time        not null,
  intervall_veckor integer     not null default 2 check (intervall_veckor between 1 and 52),
  plats            text,
  andrad           timestamptz not null
);

-- Agendas sent, one per insats and meeting day, so that each goes out exactly once (also after a
-- restart). arenden: the cases the agenda listed, so that their gallring can remove the mails.
create table beredningsmote_dagordning (
  insats_kod  varchar(64) not null,
  motesdatum  date        not null,
  skickad     timestamptz not null,
  arenden     uuid[]      not null default '{}',
  primary key (insats_kod, motesdatum)
);
