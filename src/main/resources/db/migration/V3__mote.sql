-- Flerpartsmöten: the kallelse, who was invited and what they answered, and the gemensam plan.
-- Names and e-mail addresses of invitees are personal data: they stay here, the process carries ids.
create table mote (
  id                     uuid primary key,
  arende_id              uuid         not null references arende (id),
  -- The flerpartsmote process instance; a cancelled meeting is followed by a new one in it.
  process_instans_nyckel bigint       not null,
  uppgift_id             bigint       not null unique,
  syfte                  text         not null,
  motes_tid              timestamptz  not null,
  plats                  text,
  videolank              text,
  tolk_sprak             text,
  ordforande             varchar(64)  not null references anvandare (id),
  arendebarare           varchar(64)  not null references anvandare (id),
  -- iCalendar: the UID stays, SEQUENCE rises with every change that is sent out.
  sekvens                integer      not null default 0,
  status                 varchar(20)  not null,
  installt_orsak         text,
  checklista             text[]       not null default '{}',
  anteckningar           text,
  genomfort_av           varchar(64),
  genomfort_tid          timestamptz,
  skapad                 timestamptz  not null
);
create index mote_arende on mote (arende_id, skapad);
create index mote_process on mote (process_instans_nyckel);

-- One row per invitation. A replacement named by an invitee gets a row of its own.
create table kallelse (
  id            uuid primary key,
  mote_id       uuid         not null references mote (id),
  ordning       integer      not null,
  namn          text         not null,
  epost         text,
  roll          varchar(20)  not null,
  part          varchar(40) references part (kod),
  kravs         boolean      not null default false,
  saknar_epost  boolean      not null default false,
  -- ACCEPTERAR, AVBOJER or ERSATTARE; null while unanswered. Reset when the meeting moves.
  svar          varchar(20),
  svar_kommentar text,
  svar_tid      timestamptz,
  ersatter      uuid references kallelse (id),
  ersatt_av     uuid references kallelse (id),
  narvarande    boolean,
  skapad        timestamptz  not null
);
create index kallelse_mote on kallelse (mote_id, ordning);

-- The gemensam plan: every meeting that records one adds a new version for the case.
create table plan (
  id                 uuid primary key,
  arende_id          uuid         not null references arende (id),
  mote_id            uuid         not null unique references mote (id),
  version            integer      not null,
  mal                text         not null,
  uppfoljningsdatum  date         not null,
  skapad             timestamptz  not null,
  skapad_av          varchar(64)  not null,
  unique (arende_id, version)
);

create table plan_atgard (
  plan_id       uuid         not null references plan (id),
  ordning       integer      not null,
  beskrivning   text         not null,
  ansvarig_part varchar(40)  not null references part (kod),
  ansvarig      text         not null,
  senast        date         not null,
  primary key (plan_id, ordning)
);
