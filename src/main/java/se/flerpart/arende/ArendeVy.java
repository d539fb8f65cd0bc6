package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.flerpart.uppgift.UppgiftApiController.UppgiftDto;

/**
 * A case as a user may see it. Personal data ({@code personnummer}, {@code skal}, {@code individ},
 * {@code individnamn}) is present only for users inside the consent scope; {@code
 * personuppgifterDolda} says when it was left out, and {@code gallrad} when it was removed for
 * good.
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
    String individnamn,
    Individ individ,
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
        p.individ() == null ? null : p.individ().namn(),
        p.individ(),
        uppgifter,
        historik,
        a.gallrad());
  }

  /** The case in a list: of the person only the name, for a user inside the consent scope. */
  static ArendeVy iLista(Arende a, Namn namn, String individnamn, List<UppgiftDto> uppgifter) {
    ArendeVy vy = av(a, namn, ArendeAtkomst.Personuppgifter.DOLDA, uppgifter, List.of());
    return new ArendeVy(
        vy.id(),
        vy.arendenummer(),
        vy.status(),
        vy.statusText(),
        vy.avslutad(),
        vy.insats(),
        vy.insatsNamn(),
        vy.aktualiserandePart(),
        vy.aktualiseradAv(),
        vy.aktualiseradAvNamn(),
        vy.arendebarare(),
        vy.arendebarareNamn(),
        vy.samtycke(),
        vy.samtyckeParter(),
        vy.avslutsorsak(),
        vy.skapad(),
        vy.avslutadTid(),
        vy.personuppgifterDolda(),
        null,
        null,
        null,
        null,
        individnamn,
        null,
        uppgifter,
        List.of(),
        vy.gallrad());
  }

  /** Looks up the names people read in place of codes and user ids. */
  interface Namn {
    String insats(String kod);

    String anvandare(String id);
  }
}
