package se.flerpart.uppgift;

import java.time.Instant;

/** A comment on a task; its text may mention the person, so it is personal data. */
public record Kommentar(long id, long uppgiftId, String text, String skrivenAv, Instant skriven) {}
