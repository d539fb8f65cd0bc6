-- The quarterly uppföljningsrapport, one row per compiled version: the quarter (fran, till), the
-- report itself as JSON (the quarter and the year so far, the whole förbund and each insats), the
-- processledare's comment per table, and once approved who approved it and the PDF and Excel file
-- exactly as they were mailed to the styrgrupp. An approved version is never changed. No personal
-- data: the report holds only counts, and the comments are checked for personnummer.
create table uppfoljningsrapport (
  id                  bigserial   primary key,
  sammanstall_nyckel  varchar(64) not null unique,
  process_instans     bigint,
  fran                date        not null,
  till                date        not null,
  skapad              timestamptz not null,
  status              varchar(20) not null,
  rapport             jsonb       not null,
  kommentarer         jsonb       not null default '{}',
  granskad_av         varchar(64),
  granskad_tid        timestamptz,
  pdf                 bytea,
  xlsx                bytea,
  constraint uppfoljningsrapport_status check (status in ('UTKAST', 'GODKAND', 'ERSATT')),
  constraint uppfoljningsrapport_godkand check (
    status <> 'GODKAND' or (granskad_av is not null and pdf is not null and xlsx is not null))
);
create index uppfoljningsrapport_till on uppfoljningsrapport (till desc, id desc);
