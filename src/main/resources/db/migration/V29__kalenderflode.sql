-- A user's personal iCalendar feed. The secret token is looked up by its keyed hash (HMAC), so a
-- database dump does not reveal any feed URL; it is also kept encrypted so that the owner's page
-- can show the URL again. Revoking deletes the row; a new feed gets a new token.
create table kalenderflode (
  anvandare_id  varchar(100) primary key,
  token_hash    varchar(64)  not null unique,
  token_krypterad text       not null,
  skapad        timestamptz  not null
);
