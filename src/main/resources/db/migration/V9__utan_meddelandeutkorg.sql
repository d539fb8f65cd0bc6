-- Messages to the processes now go through the event publication registry (event_publication),
-- published by listeners after commit; the hand-written outbox is gone.
drop table process_meddelande;
