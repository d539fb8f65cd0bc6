-- Messages to the processes, written in the same transaction as the change they announce and
-- published after it has committed, so that a worker woken by the message reads the change.
create table process_meddelande (
  id                 bigserial primary key,
  meddelande_id      varchar(200) not null unique,
  namn               varchar(100) not null,
  korrelationsnyckel varchar(200) not null,
  livslangd          varchar(20)  not null,
  skapad             timestamptz  not null,
  publicerad         timestamptz,
  forsok             integer      not null default 0,
  senaste_fel        text
);
create index process_meddelande_opublicerad on process_meddelande (id) where publicerad is null;
