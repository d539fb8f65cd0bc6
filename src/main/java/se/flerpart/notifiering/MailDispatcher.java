package se.flerpart.notifiering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a queued mail once the change that queued it has committed, from the event publication
 * registry. A mail the SMTP server does not take leaves its publication incomplete, and it is
 * resubmitted later; the row is locked while it is sent and marked sent in the same transaction, so
 * a publication delivered twice, or to two instances, sends nothing twice.
 */
@Component
class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  /**
   * Jakarta Mail looks up its stream provider for every message it writes, through the service
   * loader of the thread's class loader unless this system property names it: a scan of every jar
   * on the class path per mail, about a third of a mail's sending time under load. The property
   * names the provider of the Angus implementation that ships with the application; one set outside
   * is kept.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private record Utgaende(
      long id,
      String nyckel,
      List<String> mottagare,
      String amne,
      String text,
      List<Bilaga> bilagor) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final JavaMailSenderImpl mailSender;
  private final TransactionTemplate transaktion;
  private final Clock klocka;
  private final String avsandare;

  private final Counter mailfel;

  MailDispatcher(
      JdbcClient jdbc,
      ObjectMapper json,
      JavaMailSenderImpl mailSender,
      TransactionTemplate transaktion,
      Clock klocka,
      @Value("${flerpart.mail.avsandare}") String avsandare,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.transaktion = transaktion;
    this.mailfel =
        Counter.builder("flerpart.mail.fel")
            .description("Försök att skicka ett mail som misslyckades (försöks igen)")
            .register(registry);
    this.json = json;
    this.mailSender = mailSender;
    this.klocka = klocka;
    this.avsandare = avsandare;
  }

  /**
   * An application module listener (after the commit, on a thread of its own) that locks the mail's
   * row, marks it sent and hands the mail to the SMTP server in one transaction, committed right
   * after the mail's last line (the lone dot) is written, before the server's answer is read. From
   * then on both sides go through even if this instance dies: the server has the whole mail in its
   * socket and PostgreSQL the commit in its own. Only the time between those two writes, in one
   * thread without a round trip between them, is left for a crash to send a mail twice; waiting for
   * the server's answer before the commit made that window a round trip and two thread wake-ups
   * long, and a crash test landed in it twice in twenty kills. A mail the server does not take is
   * marked unsent again and its error recorded (in the marking transaction when the server refused
   * it before its last line, by itself after), and the exception leaves the publication incomplete
   * for its retry. The SMTP session is ended ({@code QUIT}) after that.
   */
  @Async
  @TransactionalEventListener
  void skicka(MailKoat koat) {
    Smtp smtp = new Smtp();
    try {
      Exception fel = skickaOchMarkera(koat.mailId(), smtp);
      if (fel != null) {
        throw new MailSkickadesInte(koat.mailId(), fel);
      }
    } finally {
      smtp.stang();
    }
  }

  /** Null when the mail is sent and marked (or not this instance's to send). */
  private Exception skickaOchMarkera(long id, Smtp smtp) {
    Markering markering = new Markering(transaktion);
    try {
      Utgaende mail =
          jdbc.sql(
                  """
                  select id, idempotensnyckel, mottagare, amne, text, bilagor from mail_utkorg
                  where id = ? and skickad is null for update skip locked
                  """)
              .param(id)
              .query(
                  (rs, n) ->
                      new Utgaende(
                          rs.getLong(1),
                          rs.getString(2),
                          List.of((String[]) rs.getArray(3).getArray()),
                          rs.getString(4),
                          rs.getString(5),
                          bilagor(rs.getString(6))))
              .optional()
              .orElse(null);
      if (mail == null) {
        // Sent already, or being sent by another instance right now.
        markering.commit();
        return null;
      }
      jdbc.sql("update mail_utkorg set skickad = ?, forsok = forsok + 1 where id = ?")
          .params(Timestamp.from(klocka.instant()), mail.id())
          .update();
      try {
        smtp.skicka(meddelande(mail), markering::commit);
      } catch (MessagingException | RuntimeException e) {
        // Logged without recipients or subject, which name people.
        mailfel.increment();
        log.warn("Mail {} kunde inte skickas ännu och försöks igen: {}", mail.id(), typ(e));
        jdbc.sql("update mail_utkorg set skickad = null, senaste_fel = ? where id = ?")
            .params(typ(e), mail.id())
            .update();
        markering.commit();
        return e;
      }
      // A transport that never wrote the lone dot (none does today) commits here instead.
      markering.commit();
      log.info("Mail {} skickat till {} mottagare", mail.id(), mail.mottagare().size());
      return null;
    } finally {
      markering.rullaTillbakaOmOppen();
    }
  }

  /**
   * The transaction that locks and marks one mail, committed once: by the transport right after the
   * mail's last line, or by the dispatcher. Statements after it run on their own.
   */
  private static final class Markering {

    private final PlatformTransactionManager hanterare;
    private final TransactionStatus status;
    private boolean avslutad;

    Markering(TransactionTemplate mall) {
      this.hanterare = mall.getTransactionManager();
      this.status = hanterare.getTransaction(mall);
    }

    void commit() {
      if (!avslutad) {
        avslutad = true;
        hanterare.commit(status);
      }
    }

    void rullaTillbakaOmOppen() {
      if (!avslutad) {
        avslutad = true;
        hanterare.rollback(status);
      }
    }
  }

  /**
   * One SMTP session, as {@link JavaMailSenderImpl#send} opens it (host, port, protocol, user and
   * the session's properties of {@code spring.mail.*}), but ended by {@link #stang} rather than
   * right after the mail.
   */
  private final class Smtp {

    private Transport transport;

    /**
     * Sends the mail and runs {@code efterData} as soon as its last line is written, before the
     * server's answer to it is read.
     */
    void skicka(MimeMessage message, Runnable efterData) throws MessagingException {
      Session session = mailSender.getSession();
      String protokoll = mailSender.getProtocol();
      if (protokoll == null) {
        protokoll = session.getProperty("mail.transport.protocol");
      }
      if (protokoll == null) {
        protokoll = "smtp";
      }
      transport =
          protokoll.equals("smtp") || protokoll.equals("smtps")
              ? new SmtpMedEfterData(session, protokoll, efterData)
              : session.getTransport(protokoll);
      String anvandare = mailSender.getUsername();
      String losenord = mailSender.getPassword();
      if ("".equals(anvandare)) {
        anvandare = null;
        if ("".equals(losenord)) {
          losenord = null;
        }
      }
      transport.connect(mailSender.getHost(), mailSender.getPort(), anvandare, losenord);
      if (message.getSentDate() == null) {
        message.setSentDate(new java.util.Date());
      }
      // saveChanges gives the message a new Message-ID; the mail's own is put back.
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      transport.sendMessage(message, message.getAllRecipients());
    }

    /** Ends the session, after the commit; the mail is the server's already. */
    void stang() {
      if (transport == null) {
        return;
      }
      try {
        transport.close();
      } catch (MessagingException e) {
        log.debug("SMTP-sessionen kunde inte avslutas: {}", typ(e));
      }
    }
  }

  /**
   * Jakarta Mail's SMTP transport, which runs {@code efterData} once, right after it has written
   * the lone dot that ends a mail's data ({@code finishData} sends it as a command) and before it
   * reads the server's answer; everything else, the answer's checks included, is its own.
   */
  static final class SmtpMedEfterData extends SMTPTransport {

    private Runnable efterData;

    SmtpMedEfterData(Session session, String protokoll, Runnable efterData) {
      super(
          session,
          new URLName(protokoll, null, -1, null, null, null),
          protokoll,
          protokoll.equals("smtps"));
      this.efterData = efterData;
    }

    @Override
    protected void sendCommand(String kommando) throws MessagingException {
      super.sendCommand(kommando);
      if (".".equals(kommando) && efterData != null) {
        Runnable r = efterData;
        efterData = null;
        r.run();
      }
    }
  }

  /** The SMTP server did not take the mail; the attempt is recorded, the mail is tried again. */
  static final class MailSkickadesInte extends IllegalStateException {
    MailSkickadesInte(long id, Exception orsak) {
      super("Mail " + id + " kunde inte skickas", orsak);
    }
  }

  private MimeMessage meddelande(Utgaende mail) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, !mail.bilagor().isEmpty(), "UTF-8");
    helper.setFrom(avsandare);
    helper.setTo(mail.mottagare().toArray(String[]::new));
    helper.setSubject(mail.amne());
    helper.setText(mail.text(), false);
    for (Bilaga b : mail.bilagor()) {
      helper.addAttachment(b.filnamn(), new ByteArrayResource(b.innehall()), b.typ());
    }
    // Kept by the sender: a mail sent again after a crash carries the same id, so a duplicate can
    // be recognised (and counted) by the receiving side.
    message.setHeader("Message-ID", MeddelandeId.av(mail.nyckel(), avsandare));
    return message;
  }

  /** The kind of failure, not its message: an SMTP answer can quote an address. */
  private static String typ(Exception e) {
    Throwable orsak = e;
    while (orsak.getCause() != null && orsak.getCause() != orsak) {
      orsak = orsak.getCause();
    }
    return e.getClass().getSimpleName() + " (" + orsak.getClass().getSimpleName() + ")";
  }

  private List<Bilaga> bilagor(String text) {
    try {
      List<Map<String, String>> lista = json.readValue(text, new TypeReference<>() {});
      return lista.stream()
          .map(
              m ->
                  new Bilaga(
                      m.get("filnamn"),
                      m.get("typ"),
                      Base64.getDecoder().decode(m.get("innehall"))))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
