package se.flerpart.notifiering;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mail outbox's backlog, for {@code /actuator/prometheus}: read at each scrape. */
@Component
class MailMetrik {

  MailMetrik(MeterRegistry registry, JdbcClient jdbc) {
    Gauge.builder(
            "flerpart.mail.ej.skickade",
            () -> antal(jdbc, "select count(*) from mail_utkorg where skickad is null"))
        .description("Mail i utkorgen som ännu inte är skickade")
        .register(registry);
    Gauge.builder(
            "flerpart.mail.misslyckade",
            () ->
                antal(
                    jdbc,
                    "select count(*) from mail_utkorg where skickad is null and senaste_fel is not"
                        + " null"))
        .description("Oskickade mail vars senaste försök misslyckades")
        .register(registry);
  }

  private static long antal(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
