package se.flerpart.gallring;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code flerpart.gallring}. A negative time stops Flerpart at start, naming the
 * setting.
 *
 * @param efter how long after its end a case keeps its personal data when its insats sets no time
 *     of its own
 * @param granskningsloggEfter how long after a case's gallring the audit log keeps its rows (who
 *     read the case's personal data, and when)
 * @param intervall how often the job looks for cases whose time has come
 */
@ConfigurationProperties("flerpart.gallring")
public record GallringEgenskaper(Period efter, Period granskningsloggEfter, Duration intervall) {

  public GallringEgenskaper {
    efter = efter == null ? Period.ofYears(2) : efter;
    granskningsloggEfter = granskningsloggEfter == null ? Period.ofYears(3) : granskningsloggEfter;
    intervall = intervall == null ? Duration.ofHours(1) : intervall;
    kravEjNegativ("flerpart.gallring.efter (FLERPART_GALLRING_EFTER)", efter);
    kravEjNegativ(
        "flerpart.gallring.granskningslogg-efter (FLERPART_GALLRING_GRANSKNINGSLOGGEFTER)",
        granskningsloggEfter);
    if (intervall.isNegative() || intervall.isZero()) {
      throw new IllegalArgumentException(
          "Inställningen flerpart.gallring.intervall ska vara en positiv tid, till exempel PT1H,"
              + " men är "
              + intervall);
    }
  }

  private static void kravEjNegativ(String installning, Period tid) {
    if (tid.isNegative()) {
      throw new IllegalArgumentException(
          "Gallringstiden "
              + installning
              + " får inte vara negativ, men är "
              + tid
              + ". Ange en tid som P2Y (två år) eller P0D (direkt när ärendet avslutats).");
    }
  }
}
