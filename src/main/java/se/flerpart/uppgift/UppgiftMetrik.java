package se.flerpart.uppgift;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The task list's size and its backlog towards the engine, for {@code /actuator/prometheus}: read
 * from the database at each scrape, so every instance reports the same; and the instance's own
 * requests waiting for the list to change.
 */
@Component
class UppgiftMetrik {

  UppgiftMetrik(
      MeterRegistry registry,
      JdbcClient jdbc,
      UppgiftSignal signal,
      UppgiftNotifyListener lyssnare) {
    // This instance's own: its requests waiting for the list to change, and whether it hears the
    // other instances' changes (NOTIFY) or only finds them by asking again.
    Gauge.builder("flerpart.uppgifter.vantande.fragor", signal::vantande)
        .description("Förfrågningar som väntar på att uppgiftslistan ändras (vanta), på instansen")
        .register(registry);
    FunctionCounter.builder(
            "flerpart.uppgifter.vanta.omlasningar", signal, UppgiftSignal::omlasningar)
        .description(
            "Gånger en väntande förfrågan läste om uppgiftslistan, efter en ändring i det den"
                + " väntar på eller vid kontrollen, på instansen")
        .register(registry);
    FunctionCounter.builder("flerpart.uppgifter.vanta.avslutade", signal, UppgiftSignal::avslutade)
        .description(
            "Väntande förfrågningar som klienten avslutade (DELETE /api/uppgifter/vantan/…), på"
                + " instansen som höll dem")
        .register(registry);
    Gauge.builder("flerpart.uppgifter.notify.ansluten", () -> lyssnare.lyssnar() ? 1 : 0)
        .description("1 när instansen lyssnar på andra instansers uppgiftsändringar (LISTEN)")
        .register(registry);
    Gauge.builder("flerpart.uppgifter.oppna", () -> antal(jdbc, "OPPEN"))
        .description("Öppna uppgifter i uppgiftslistan")
        .register(registry);
    Gauge.builder("flerpart.uppgifter.vantar.pa.motorn", () -> antal(jdbc, "INSKICKAD"))
        .description("Inskickade formulär som motorn ännu inte har bekräftat")
        .register(registry);
  }

  private static long antal(JdbcClient jdbc, String status) {
    return jdbc.sql("select count(*) from uppgift where status = ?")
        .param(status)
        .query(Long.class)
        .single();
  }
}
