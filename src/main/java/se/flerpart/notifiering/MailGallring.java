package se.flerpart.notifiering;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of a case's mails: recipients, text and attachments (kallelser, plans as PDF, calendar
 * invitations) name people, and a mail long sent has nothing left to do, so the rows go.
 */
@Component
class MailGallring implements Gallringsbar {

  private final JdbcClient jdbc;

  MailGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql("delete from mail_utkorg where arende_id = ?").param(arendeId).update();
  }
}
