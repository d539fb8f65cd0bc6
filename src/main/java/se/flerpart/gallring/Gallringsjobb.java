package se.flerpart.gallring;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.gallring.GallringsRegister.AvslutatArende;
import se.flerpart.process.SchedulerLock;
import se.flerpart.referens.InsatsRepository;

/**
 * Finds the ended cases whose gallring time has passed on the application's clock (the engine's,
 * which a demo moves forward) and has every {@link Gallringsbar} module remove their personal data,
 * one case per transaction; has every {@link GallringsbarHistorik} module remove what it keeps
 * outside the cases (imported history) past the same times; then removes the audit log rows of
 * cases gallrade longer ago than {@code flerpart.gallring.granskningslogg-efter}. Runs every {@code
 * flerpart.gallring.intervall} on one Flerpart instance at a time ({@link SchedulerLock}). The log
 * says how many cases, never which.
 */
@Component
class Gallringsjobb {

  private static final Logger log = LoggerFactory.getLogger(Gallringsjobb.class);

  /** Years and months are counted in the förbund's calendar. */
  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  /** What one run did. */
  record Resultat(int arenden, int misslyckade, int granskningsrader) {}

  private final List<Gallringsbar> moduler;
  private final List<GallringsbarHistorik> historik;
  private final GallringsRegister register;
  private final InsatsRepository insatser;
  private final SchedulerLock las;
  private final JdbcClient jdbc;
  private final TransactionTemplate egenTransaktion;
  private final GallringEgenskaper egenskaper;
  private final Clock klocka;

  Gallringsjobb(
      List<Gallringsbar> moduler,
      List<GallringsbarHistorik> historik,
      GallringsRegister register,
      InsatsRepository insatser,
      SchedulerLock las,
      JdbcClient jdbc,
      PlatformTransactionManager transaktioner,
      GallringEgenskaper egenskaper,
      Clock klocka) {
    this.moduler = List.copyOf(moduler);
    this.historik = List.copyOf(historik);
    this.register = register;
    this.insatser = insatser;
    this.las = las;
    this.jdbc = jdbc;
    this.egenTransaktion = new TransactionTemplate(transaktioner);
    this.egenTransaktion.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.egenskaper = egenskaper;
    this.klocka = klocka;
  }

  @Scheduled(
      initialDelayString = "${flerpart.gallring.intervall}",
      fixedDelayString = "${flerpart.gallring.intervall}")
  void schemalagd() {
    if (kor().isEmpty()) {
      log.debug("En annan instans gallrar just nu");
    }
  }

  /** Runs gallring now; empty when another instance was running it. */
  Optional<Resultat> kor() {
    AtomicReference<Resultat> resultat = new AtomicReference<>();
    if (!las.korEnsam("gallring", () -> resultat.set(gallra()))) {
      return Optional.empty();
    }
    return Optional.of(resultat.get());
  }

  private Resultat gallra() {
    Instant nu = klocka.instant();
    Map<String, Period> tider = insatser.gallringstider();
    int gallrade = 0;
    int misslyckade = 0;
    for (AvslutatArende a : register.avslutadeOgallrade()) {
      Period tid = tider.getOrDefault(a.insats(), egenskaper.efter());
      if (a.avslutad().atZone(SVERIGE).plus(tid).toInstant().isAfter(nu)) {
        continue;
      }
      try {
        egenTransaktion.executeWithoutResult(status -> gallra(a));
        gallrade++;
      } catch (RuntimeException e) {
        // Neither the case nor the exception's message (it may quote data): the kind of fault.
        misslyckade++;
        log.error(
            "Ett ärende kunde inte gallras och försöks igen vid nästa körning: {}",
            e.getClass().getName());
      }
    }
    int historiska = 0;
    for (GallringsbarHistorik modul : historik) {
      try {
        historiska +=
            egenTransaktion.execute(
                status ->
                    modul.gallra(nu, insats -> tider.getOrDefault(insats, egenskaper.efter())));
      } catch (RuntimeException e) {
        log.error(
            "Historik utanför ärendena kunde inte gallras och försöks igen vid nästa körning: {}",
            e.getClass().getName());
      }
    }
    if (historiska > 0) {
      log.info("Gallring: personuppgifterna i {} importerade deltagarposter gallrade", historiska);
    }
    Instant loggGrans = nu.atZone(SVERIGE).minus(egenskaper.granskningsloggEfter()).toInstant();
    int rader = register.gallraGranskningslogg(loggGrans);
    if (gallrade > 0 || misslyckade > 0 || rader > 0) {
      log.info(
          "Gallring: personuppgifterna i {} avslutade ärenden gallrade, {} misslyckades;"
              + " {} rader ur granskningsloggen borttagna",
          gallrade,
          misslyckade,
          rader);
    }
    return new Resultat(gallrade, misslyckade, rader);
  }

  private void gallra(AvslutatArende a) {
    for (Gallringsbar modul : moduler) {
      modul.gallra(a.id());
    }
    // The event publication registry is Spring Modulith's, shared by every module: a publication
    // that names the case and is still there (its listener never succeeded) goes too.
    jdbc.sql("delete from event_publication where serialized_event like ?")
        .param("%" + a.id() + "%")
        .update();
  }
}
