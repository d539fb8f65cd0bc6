package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;

/**
 * The one place that decides who may see a case and who may read its personal data, and that logs
 * every such read. The rule follows the samtycke: the referring part always; after consent, the
 * parts inside its scope. Processledare and administrators never see the person.
 */
@Component
public class ArendeAtkomst {

  private final JdbcClient jdbc;
  private final PersonnummerSkydd skydd;

  private final Clock klocka;

  public ArendeAtkomst(JdbcClient jdbc, PersonnummerSkydd skydd, Clock klocka) {
    this.klocka = klocka;
    this.jdbc = jdbc;
    this.skydd = skydd;
  }

  public boolean kanLasaPersonuppgifter(Anvandare anvandare, Arende arende) {
    if (anvandare.arUtanPersonuppgifter()) {
      return false;
    }
    if (anvandare.part().equals(arende.aktualiserandePart())) {
      return true;
    }
    return arende.samtyckeGivet() && arende.samtyckeParter().contains(anvandare.part());
  }

  /** Whether the case shows up for the user at all (its position, without personal data). */
  public boolean kanSe(Anvandare anvandare, Arende arende) {
    return kanLasaPersonuppgifter(anvandare, arende)
        || anvandare.harRoll(Anvandare.PROCESSLEDARE)
        || anvandare.harRoll(Anvandare.ADMIN)
        || anvandare.arMedlemI("beredning-" + arende.insats())
        || anvandare.id().equals(arende.arendebarare());
  }

  public void kravSe(Anvandare anvandare, Arende arende) {
    if (!kanSe(anvandare, arende)) {
      throw new AtkomstNekad("Du har inte behörighet till ärende " + arende.arendenummer() + ".");
    }
  }

  /**
   * The case's personal data for a user inside the consent scope, logged; empty for everyone else,
   * and once the case is gallrat, when nothing is left to read and nothing is logged.
   */
  public Personuppgifter personuppgifter(Anvandare anvandare, Arende arende) {
    if (arende.arGallrat() || !kanLasaPersonuppgifter(anvandare, arende)) {
      return Personuppgifter.DOLDA;
    }
    jdbc.sql(
            "insert into granskningslogg (tid, anvandare_id, arende_id, handling) values (?, ?, ?, ?)")
        .params(
            Timestamp.from(klocka.instant()), anvandare.id(), arende.id(), "LAS_PERSONUPPGIFTER")
        .update();
    String personnummer =
        arende.personnummerKrypterat() == null
            ? null
            : skydd.dekryptera(arende.personnummerKrypterat()).formaterat();
    return new Personuppgifter(true, personnummer, arende.skyddadIdentitet(), arende.skal());
  }

  /** What only those inside the consent scope may read. */
  public record Personuppgifter(
      boolean synliga, String personnummer, boolean skyddadIdentitet, String skal) {
    static final Personuppgifter DOLDA = new Personuppgifter(false, null, false, null);
  }
}
