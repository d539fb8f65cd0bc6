package se.flerpart.notifiering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Queues a mail in the same transaction as the change that causes it. The idempotency key makes a
 * job that runs again (the engine delivers at least once) queue nothing new.
 */
@Component
public class MailUtkorg {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Mallar mallar = new Mallar("mail", ".txt", TemplateMode.TEXT);

  public MailUtkorg(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * @param mall a template under {@code mail/}: its first line is the subject, the rest the body
   * @return false when a mail with this key was already queued
   */
  public boolean koa(
      String idempotensnyckel, List<String> mottagare, String mall, Map<String, Object> modell) {
    return koa(idempotensnyckel, mottagare, mall, modell, List.of());
  }

  /** As {@link #koa(String, List, String, Map)}, with attachments. */
  public boolean koa(
      String idempotensnyckel,
      List<String> mottagare,
      String mall,
      Map<String, Object> modell,
      List<Bilaga> bilagor) {
    String text = mallar.rendera(mall, modell);
    int radslut = text.indexOf('\n');
    String amne = text.substring(0, radslut).strip();
    String kropp = text.substring(radslut + 1).stripLeading();
    return jdbc.sql(
                """
                insert into mail_utkorg (idempotensnyckel, mottagare, amne, text, bilagor, skapad)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict (idempotensnyckel) do nothing
                """)
            .params(
                idempotensnyckel,
                mottagare.toArray(String[]::new),
                amne,
                kropp,
                bilagorJson(bilagor),
                Timestamp.from(Instant.now()))
            .update()
        == 1;
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
