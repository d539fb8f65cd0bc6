-- Aktualiseringar that arrived on Kafka: the message id (CloudEvent id or the plain message's id)
-- per producing system (CloudEvent source), written in the same transaction as the case, so a
-- message delivered twice makes one case. Ids only, no personal data.
create table inkommande_meddelande (
  kalla         text        not null,
  meddelande_id text        not null,
  arende_id     uuid,
  mottaget      timestamptz not null,
  primary key (kalla, meddelande_id)
);
