package se.flerpart.notifiering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends what the outbox holds; a mail that fails stays and is tried again at the next round. */
@Component
class MailSkickare {

  private static final Logger log = LoggerFactory.getLogger(MailSkickare.class);

  private record Utgaende(
      long id, List<String> mottagare, String amne, String text, List<Bilaga> bilagor) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final JavaMailSender mailSender;
  private final TransactionTemplate transaktion;
  private final String avsandare;

  MailSkickare(
      JdbcClient jdbc,
      ObjectMapper json,
      JavaMailSender mailSender,
      TransactionTemplate transaktion,
      @Value("${flerpart.mail.avsandare}") String avsandare) {
    this.jdbc = jdbc;
    this.json = json;
    this.mailSender = mailSender;
    this.transaktion = transaktion;
    this.avsandare = avsandare;
  }

  @Scheduled(fixedDelayString = "${flerpart.mail.utskick-intervall}")
  public void skicka() {
    boolean mer = true;
    while (mer) {
      mer = Boolean.TRUE.equals(transaktion.execute(status -> skickaNasta()));
    }
  }

  /** Sends the oldest unsent mail, locked so that several instances never send the same one. */
  private boolean skickaNasta() {
    Utgaende mail =
        jdbc.sql(
                """
                select id, mottagare, amne, text, bilagor from mail_utkorg
                where skickad is null and forsok < 20 order by id limit 1 for update skip locked
                """)
            .query(
                (rs, n) ->
                    new Utgaende(
                        rs.getLong(1),
                        List.of((String[]) rs.getArray(2).getArray()),
                        rs.getString(3),
                        rs.getString(4),
                        bilagor(rs.getString(5))))
            .optional()
            .orElse(null);
    if (mail == null) {
      return false;
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !mail.bilagor().isEmpty(), "UTF-8");
      helper.setFrom(avsandare);
      helper.setTo(mail.mottagare().toArray(String[]::new));
      helper.setSubject(mail.amne());
      helper.setText(mail.text(), false);
      for (Bilaga b : mail.bilagor()) {
        helper.addAttachment(b.filnamn(), new ByteArrayResource(b.innehall()), b.typ());
      }
      mailSender.send(message);
      log.info("Mail {} skickat till {}: {}", mail.id(), mail.mottagare(), mail.amne());
      jdbc.sql("update mail_utkorg set skickad = ?, forsok = forsok + 1 where id = ?")
          .params(Timestamp.from(Instant.now()), mail.id())
          .update();
      return true;
    } catch (MailException | MessagingException e) {
      log.warn("Mail {} kunde inte skickas: {}", mail.id(), e.getMessage());
      jdbc.sql("update mail_utkorg set forsok = forsok + 1, senaste_fel = ? where id = ?")
          .params(e.getMessage(), mail.id())
          .update();
      return false;
    }
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
