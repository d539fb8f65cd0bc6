-- The person in a case beyond the personnummer: name, address, phone, e-mail, language, närstående
-- and god man. Everything is AES-GCM encrypted like the personnummer: the name on its own, so that
-- lists decrypt only the name, and the rest as one JSON document. namnord_hash holds a keyed hash
-- (HMAC-SHA256) of every beginning of every word of the name, lower case, so that a search by name
-- finds the case without decrypting every row. Gallring deletes the row.
create table arende_individ (
  arende_id           uuid        primary key references arende (id),
  namn_krypterat      text,
  uppgifter_krypterat text        not null,
  namnord_hash        text[]      not null default '{}',
  andrad              timestamptz not null
);

create index arende_individ_namnord on arende_individ using gin (namnord_hash);
