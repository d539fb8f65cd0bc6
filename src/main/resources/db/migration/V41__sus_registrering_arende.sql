-- Gallring takes the personnummer out of a case's SUS registrations, and a felregistrering takes
-- them out of the export, both by arende_id: without an index each scanned every registration the
-- förbund has made (they are kept for the statistics), once for every case gallrat.
create index sus_registrering_arende on sus_registrering (arende_id);
