package se.flerpart.notifiering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Queues a mail in the same transaction as the change that causes it, and publishes {@link
 * MailKoat} so that it is sent once that transaction has committed. The idempotency key makes a job
 * that runs again (the engine delivers at least once) queue nothing new.
 */
@Component
public class MailUtkorg {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ApplicationEventPublisher handelser;
  private final Clock klocka;
  private final Mallar mallar = new Mallar("mail", ".txt", TemplateMode.TEXT);

  MailUtkorg(
      JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher handelser, Clock klocka) {
    this.jdbc = jdbc;
    this.json = json;
    this.handelser = handelser;
    this.klocka = klocka;
  }

  /**
   * @param mall a template under {@code mail/}: its first line is the subject, the rest the body
   * @return false when a mail with this key was already queued
   */
  @Transactional
  public boolean koa(
      String idempotensnyckel, List<String> mottagare, String mall, Map<String, Object> modell) {
    return koa(idempotensnyckel, mottagare, mall, modell, List.of());
  }

  /** As {@link #koa(String, List, String, Map)}, with attachments. */
  @Transactional
  public boolean koa(
      String idempotensnyckel,
      List<String> mottagare,
      String mall,
      Map<String, Object> modell,
      List<Bilaga> bilagor) {
    return koa(null, idempotensnyckel, mottagare, mall, modell, bilagor);
  }

  /**
   * As {@link #koa(String, List, String, Map, List)}, for a mail about a case: gallring removes it
   * with the case's other personal data.
   */
  @Transactional
  public boolean koa(
      UUID arendeId,
      String idempotensnyckel,
      List<String> mottagare,
      String mall,
      Map<String, Object> modell,
      List<Bilaga> bilagor) {
    String text = mallar.rendera(mall, modell);
    int radslut = text.indexOf('\n');
    String amne = text.substring(0, radslut).strip();
    String kropp = text.substring(radslut + 1).stripLeading();
    Long id =
        jdbc.sql(
                """
                insert into mail_utkorg (idempotensnyckel, mottagare, amne, text, bilagor, skapad,
                  arende_id)
                values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (idempotensnyckel) do nothing
                returning id
                """)
            .params(
                idempotensnyckel,
                mottagare.toArray(String[]::new),
                amne,
                kropp,
                bilagorJson(bilagor),
                Timestamp.from(klocka.instant()),
                arendeId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (id == null) {
      return false;
    }
    handelser.publishEvent(new MailKoat(id));
    return true;
  }

  private String bilagorJson(List<Bilaga> bilagor) {
    List<Map<String, String>> lista =
        bilagor.stream()
            .map(
                b ->
                    Map.of(
                        "filnamn", b.filnamn(),
                        "typ", b.typ(),
                        "innehall", Base64.getEncoder().encodeToString(b.innehall())))
            .toList();
    try {
      return json.writeValueAsString(lista);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
