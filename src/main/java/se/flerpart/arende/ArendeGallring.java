package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.GallringsRegister;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of what the case itself keeps: the personnummer and its hash, the person's name,
 * address, contact details and närstående, the skäl (with its kompletteringar) and the texts of its
 * history, which may name people. Kön, födelseår, insats, parts, status, avslutsorsak and dates
 * stay, so every count stays the same. Also tells the gallring job which cases have ended, and
 * removes the audit log of cases gallrade long enough ago.
 */
@Component
class ArendeGallring implements Gallringsbar, GallringsRegister {

  private final ArendeRepository arenden;
  private final ArendeHistorik historik;
  private final IndividRepository individer;
  private final JdbcClient jdbc;
  private final Clock klocka;

  ArendeGallring(
      ArendeRepository arenden,
      ArendeHistorik historik,
      IndividRepository individer,
      JdbcClient jdbc,
      Clock klocka) {
    this.arenden = arenden;
    this.historik = historik;
    this.individer = individer;
    this.jdbc = jdbc;
    this.klocka = klocka;
  }

  @Override
  public List<AvslutatArende> avslutadeOgallrade() {
    return arenden.avslutadeOgallrade();
  }

  @Override
  public void gallra(UUID arendeId) {
    Arende a =
        arenden
            .hittaForUppdatering(arendeId)
            .orElseThrow(() -> new IllegalStateException("Ärendet finns inte"));
    if (!a.status().avslutad()) {
      throw new IllegalStateException("Ett ärende som inte har avslutats gallras inte");
    }
    if (a.arGallrat()) {
      return;
    }
    arenden.gallra(arendeId, klocka.instant());
    individer.radera(arendeId);
    historik.gallra(arendeId);
    historik.logga(arendeId, "GALLRING", "Personuppgifterna i ärendet gallrade", null);
  }

  @Override
  public int gallraGranskningslogg(Instant gallradeSenast) {
    return jdbc.sql(
            "delete from granskningslogg g using arende a"
                + " where g.arende_id = a.id and a.gallrad <= ?")
        .param(Timestamp.from(gallradeSenast))
        .update();
  }
}
