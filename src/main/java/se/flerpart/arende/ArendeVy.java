package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.flerpart.uppgift.UppgiftApiController.UppgiftDto;

/**
 * A case as a user may see it. Personal data ({@code personnummer}, {@code skal}) is present only
 * for users inside the consent scope; {@code personuppgifterDolda} says when it was left out, and
 * {@code gallrad} when it was removed for good.
 */
public record ArendeVy(
    UUID id,
    String arendenummer,
    String status,
    String statusText,
    boolean avslutad,
    String insats,
    String insatsNamn,
    String aktualiserandePart,
    String aktualiseradAv,
    String aktualiseradAvNamn,
    String arendebarare,
    String arendebarareNamn,
    String samtycke,
    List<String> samtyckeParter,
    String avslutsorsak,
    Instant skapad,
    Instant avslutadTid,
    boolean personuppgifterDolda,
    String personnummer,
    Boolean skyddadIdentitet,
    String skal,
    List<String> behov,
    List<UppgiftDto> uppgifter,
    List<ArendeHistorik.Handelse> historik,
    Instant gallrad) {

  static ArendeVy av(
      Arende a,
      Namn namn,
      ArendeAtkomst.Personuppgifter p,
      List<UppgiftDto> uppgifter,
      List<ArendeHistorik.Handelse> historik) {
    return new ArendeVy(
        a.id(),
        a.arendenummer(),
        a.status().name(),
        a.status().text(),
        a.status().avslutad(),
        a.insats(),
        namn.insats(a.insats()),
        a.aktualiserandePart(),
        a.aktualiseradAv(),
        namn.anvandare(a.aktualiseradAv()),
        a.arendebarare(),
        a.arendebarare() == null ? null : namn.anvandare(a.arendebarare()),
        a.samtycke(),
        a.samtyckeParter(),
        a.avslutsorsak(),
        a.skapad(),
        a.avslutad(),
        !p.synliga(),
        p.personnummer(),
        p.synliga() ? p.skyddadIdentitet() : null,
        p.skal(),
        p.synliga() ? a.behov() : null,
        uppgifter,
        historik,
        a.gallrad());
  }

  /** Looks up the names people read in place of codes and user ids. */
  interface Namn {
    String insats(String kod);

    String anvandare(String id);
  }
}
