-- Issue 10: a required part that does not answer the kallelse is its own deviation type, separate
-- from a part that accepted and stayed away (PART_UTEBLEV). It is registered at the meeting, and
-- only when the part did not come.
insert into avvikelsetyp (kod, namn, kategori, standardtext, fast, ordning) values
  ('KALLELSE_OBESVARAD', 'Kallelse obesvarad', 'ARENDE',
   'En part som behövdes vid flerpartsmötet svarade inte på kallelsen och uteblev.', true, 35);

-- The printed kallelse carries a short link (/k/{kod}) that is easy to type from paper. One code per
-- invitation and kallelse version: it leads to the same signed answer link as the mail, so a moved or
-- cancelled meeting makes it unusable just like the mailed link. The code holds no personal data.
create table kallelse_kortlank (
  kod         varchar(10) primary key,
  kallelse_id uuid        not null references kallelse (id) on delete cascade,
  sekvens     integer     not null,
  skapad      timestamptz not null default now(),
  unique (kallelse_id, sekvens)
);

-- A staff member's optional work phone, shown in the printed kallelse so that an invitee without
-- e-mail can call the ärendebärare. Staff data, not the individual's: not affected by gallring.
alter table anvandare add column telefon varchar(40);
