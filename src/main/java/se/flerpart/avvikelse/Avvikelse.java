package se.flerpart.avvikelse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A deviation as stored. It names the berörd part and, for a case deviation, refers to the case by
 * id and number only; for an insats deviation it names the insats. {@code rapporteradAv} is null
 * when Flerpart registered it itself.
 */
public record Avvikelse(
    UUID id,
    String nummer,
    String typ,
    String beskrivning,
    String berordPart,
    UUID arendeId,
    String arendenummer,
    String insats,
    BigDecimal beloppTkr,
    String rapporteradAv,
    String kalla,
    AvvikelseStatus status,
    String allvarlighet,
    String utredare,
    String bedomning,
    String analys,
    String atgard,
    Boolean eskalerad,
    String beslut,
    Instant skapad,
    Instant senastHanterad,
    Instant avslutad) {

  public static final String SYSTEM = "SYSTEM";

  public boolean automatisk() {
    return rapporteradAv == null;
  }

  /** Whole days since the deviation was reported, up to its closing if it is closed. */
  public long alderDagar(Instant nu) {
    return Duration.between(skapad, avslutad == null ? nu : avslutad).toDays();
  }
}
