package se.flerpart.notifiering;

/** A file attached to a mail: a PDF, an iCalendar invitation… */
public record Bilaga(String filnamn, String typ, byte[] innehall) {}
