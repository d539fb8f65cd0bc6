-- The date the case's plan is next followed up, as it stands now: set when the uppfoljning process
-- starts waiting (the plan's date or the insats' default), by a follow-up that continues the plan,
-- and when the ärendebärare moves it. The plan keeps the date agreed at the meeting.
create table uppfoljning_nasta (
  arende_id uuid        primary key references arende (id),
  datum     date        not null,
  satt      timestamptz not null
);
