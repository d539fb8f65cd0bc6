package se.flerpart.notifiering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
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

  /**
   * How long an SMTP session is kept open after a mail, for the next one; zero ends each session
   * after its mail.
   */
  private final Duration ledigTid;

  /** The SMTP sessions open and idle, the one left last at the end. */
  private final Deque<LedigSession> lediga = new ArrayDeque<>();

  /** Set when the application closes: no session is kept after that. */
  private boolean stangd;

  /** At most this many idle sessions are kept: as many as mails are sent at once, or fewer. */
  static final int MAX_LEDIGA = 8;

  private record LedigSession(SmtpMedEfterData transport, long lamnadNanos) {}

  MailDispatcher(
      JdbcClient jdbc,
      ObjectMapper json,
      JavaMailSenderImpl mailSender,
      TransactionTemplate transaktion,
      Clock klocka,
      @Value("${flerpart.mail.avsandare}") String avsandare,
      @Value("${flerpart.mail.smtp-ledig-tid:15s}") Duration ledigTid,
      MeterRegistry registry) {
    if (ledigTid.isNegative()) {
      throw new IllegalArgumentException(
          "flerpart.mail.smtp-ledig-tid får inte vara negativ: " + ledigTid);
    }
    this.ledigTid = ledigTid;
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
   * for its retry. After a mail the server took, its SMTP session is kept open for the next mail
   * (see {@link Smtp}); after one it did not take, the session is ended ({@code QUIT}).
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
      smtp.lamnaTillbaka();
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
   * The SMTP session one mail is sent in: an idle one this instance kept open after an earlier
   * mail, or a new one, opened as {@link JavaMailSenderImpl#send} opens it (host, port, protocol,
   * user and the session's properties of {@code spring.mail.*}). A session opened per mail cost a
   * TCP connection, the server's greeting, {@code EHLO}, {@code QUIT} and, against a real relay, a
   * TLS handshake and a login: more than the mail itself, and under load a thread of the server's
   * per session. A session is kept for {@code flerpart.mail.smtp-ledig-tid} (15 s) after its last
   * mail, at most {@link #MAX_LEDIGA} of them, and ended when it has been idle that long ({@link
   * #stangInaktiva}) or the application closes. The server may end an idle session first: a kept
   * session that fails before the mail's last line was written has delivered nothing, so the mail
   * is sent once more in a new session; a failure after the last line is handled as before.
   */
  private final class Smtp {

    private Transport transport;
    private boolean tagen;

    /**
     * Sends the mail and runs {@code efterData} as soon as its last line is written, before the
     * server's answer to it is read.
     */
    void skicka(MimeMessage message, Runnable efterData) throws MessagingException {
      if (message.getSentDate() == null) {
        message.setSentDate(new java.util.Date());
      }
      // saveChanges gives the message a new Message-ID; the mail's own is put back.
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      SmtpMedEfterData ledig = lana();
      if (ledig != null) {
        transport = ledig;
        ledig.efterData(efterData);
        try {
          ledig.sendMessage(message, message.getAllRecipients());
          tagen = true;
          return;
        } catch (MessagingException | IllegalStateException e) {
          if (ledig.dataSkickad()) {
            throw e;
          }
          // Nothing of the mail reached the server: the session had ended while it was idle.
          log.debug("En öppen SMTP-session gick inte att använda, en ny öppnas: {}", typ(e));
          avsluta(List.of(ledig));
          transport = null;
        }
      }
      transport = oppna(efterData);
      transport.sendMessage(message, message.getAllRecipients());
      tagen = true;
    }

    /**
     * Keeps the session for the next mail when the server took this one; ends it otherwise (after a
     * failure in the background, as a server that timed out may not answer {@code QUIT} either).
     */
    void lamnaTillbaka() {
      if (transport == null) {
        return;
      }
      if (!tagen) {
        avsluta(List.of(transport));
      } else if (!(transport instanceof SmtpMedEfterData smtp && lamna(smtp))) {
        stangTyst(transport);
      }
      transport = null;
    }
  }

  private Transport oppna(Runnable efterData) throws MessagingException {
    Session session = mailSender.getSession();
    String protokoll = mailSender.getProtocol();
    if (protokoll == null) {
      protokoll = session.getProperty("mail.transport.protocol");
    }
    if (protokoll == null) {
      protokoll = "smtp";
    }
    Transport ny;
    if (protokoll.equals("smtp") || protokoll.equals("smtps")) {
      SmtpMedEfterData smtp = new SmtpMedEfterData(session, protokoll);
      smtp.efterData(efterData);
      ny = smtp;
    } else {
      ny = session.getTransport(protokoll);
    }
    String anvandare = mailSender.getUsername();
    String losenord = mailSender.getPassword();
    if ("".equals(anvandare)) {
      anvandare = null;
      if ("".equals(losenord)) {
        losenord = null;
      }
    }
    ny.connect(mailSender.getHost(), mailSender.getPort(), anvandare, losenord);
    return ny;
  }

  /** The idle session left last, if one was left less than the idle time ago. */
  private SmtpMedEfterData lana() {
    List<Transport> inaktiva = new ArrayList<>();
    try {
      while (true) {
        LedigSession ledig;
        synchronized (lediga) {
          ledig = lediga.pollLast();
        }
        if (ledig == null) {
          return null;
        }
        if (System.nanoTime() - ledig.lamnadNanos() < ledigTid.toNanos()) {
          return ledig.transport();
        }
        inaktiva.add(ledig.transport());
      }
    } finally {
      avsluta(inaktiva);
    }
  }

  /** Keeps the session for the next mail; false when it is not to be kept. */
  private boolean lamna(SmtpMedEfterData smtp) {
    synchronized (lediga) {
      if (stangd || ledigTid.isZero() || lediga.size() >= MAX_LEDIGA) {
        return false;
      }
      lediga.addLast(new LedigSession(smtp, System.nanoTime()));
      return true;
    }
  }

  /** Ends the sessions that have been idle for the idle time. */
  @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
  void stangInaktiva() {
    List<Transport> inaktiva = new ArrayList<>();
    long nu = System.nanoTime();
    synchronized (lediga) {
      while (!lediga.isEmpty() && nu - lediga.peekFirst().lamnadNanos() >= ledigTid.toNanos()) {
        inaktiva.add(lediga.pollFirst().transport());
      }
    }
    avsluta(inaktiva);
  }

  /** Ends every idle session, and keeps none from now on: when the application closes. */
  @PreDestroy
  void close() {
    List<Transport> alla = new ArrayList<>();
    synchronized (lediga) {
      stangd = true;
      lediga.forEach(l -> alla.add(l.transport()));
      lediga.clear();
    }
    avsluta(alla);
  }

  /**
   * Ends the sessions ({@code QUIT}) on a thread of their own: a server that no longer answers
   * holds that thread until its timeout, not the scheduler's one thread or a mail's.
   */
  private static void avsluta(List<Transport> sessioner) {
    if (!sessioner.isEmpty()) {
      Thread.ofPlatform()
          .daemon()
          .name("smtp-avslut")
          .start(() -> sessioner.forEach(MailDispatcher::stangTyst));
    }
  }

  /** How many SMTP sessions are open and idle. */
  int ledigaSessioner() {
    synchronized (lediga) {
      return lediga.size();
    }
  }

  /** Ends a session ({@code QUIT}); the mails sent in it are the server's already. */
  private static void stangTyst(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      log.debug("SMTP-sessionen kunde inte avslutas: {}", typ(e));
    }
  }

  /**
   * Jakarta Mail's SMTP transport, which runs {@code efterData} once, right after it has written
   * the lone dot that ends a mail's data ({@code finishData} sends it as a command) and before it
   * reads the server's answer; everything else, the answer's checks included, is its own.
   */
  static final class SmtpMedEfterData extends SMTPTransport {

    private Runnable efterData;
    private boolean dataSkickad;

    SmtpMedEfterData(Session session, String protokoll) {
      super(
          session,
          new URLName(protokoll, null, -1, null, null, null),
          protokoll,
          protokoll.equals("smtps"));
    }

    /** What to run after the next mail's last line. */
    void efterData(Runnable efterData) {
      this.efterData = efterData;
      this.dataSkickad = false;
    }

    /**
     * Whether the last line of the mail sent since {@link #efterData} was written, or its writing
     * begun: from then on the server may have the mail.
     */
    boolean dataSkickad() {
      return dataSkickad;
    }

    @Override
    protected void sendCommand(String kommando) throws MessagingException {
      boolean sistaRaden = ".".equals(kommando);
      dataSkickad |= sistaRaden;
      super.sendCommand(kommando);
      if (sistaRaden && efterData != null) {
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
