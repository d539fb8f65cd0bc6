package se.flerpart.notifiering;

/**
 * A mail was queued in the mail table; {@link MailDispatcher} sends it after the commit. Carries
 * the row's id only: recipients, subject and body stay in the table.
 */
public record MailKoat(long mailId) {}
