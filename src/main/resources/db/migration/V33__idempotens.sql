-- A client that retries a create (after a timeout, or because the instance it talked to died
-- before answering) sends the same Idempotency-Key: the second request gets the first one's
-- result instead of creating a second case or deviation. The row is written in the same
-- transaction as what it created, so a crash before the commit leaves neither.
create table idempotens (
    anvandare   varchar(100) not null,
    resurs      varchar(40)  not null,
    -- SHA-256 of the client's key: whatever the client puts there is not stored.
    nyckel      char(64)     not null,
    -- SHA-256 of the request as read, to refuse the same key with a different request.
    begaran     char(64)     not null,
    resultat_id uuid,
    skapad      timestamptz  not null,
    primary key (anvandare, resurs, nyckel)
);

create index idempotens_skapad on idempotens (skapad);
