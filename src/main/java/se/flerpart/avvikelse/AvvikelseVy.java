package se.flerpart.avvikelse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deviation as the API and the pages show it, with names beside the codes. A case appears only as
 * its id and number: the person behind it is never part of a deviation.
 */
public record AvvikelseVy(
    UUID id,
    String nummer,
    String typ,
    String typNamn,
    String kategori,
    String berordPart,
    String berordPartNamn,
    String status,
    String statusText,
    boolean oppen,
    String hosVem,
    String allvarlighet,
    String allvarlighetText,
    UUID arendeId,
    String arendenummer,
    String insats,
    String insatsNamn,
    BigDecimal beloppTkr,
    String rapporteradAv,
    String rapporteradAvNamn,
    String kalla,
    String utredare,
    String utredareNamn,
    String beskrivning,
    String bedomning,
    String analys,
    String atgard,
    Boolean eskalerad,
    String beslut,
    Instant skapad,
    Instant senastHanterad,
    Instant avslutad,
    long alderDagar,
    long dagarSedanHanterad,
    List<Handelse> historik,
    List<OppenUppgift> uppgifter) {

  /** One step in the deviation's history; {@code utfordAv} is a name, or null for Flerpart. */
  public record Handelse(Instant tid, String typ, String beskrivning, String utfordAv) {}

  /** An open task of the deviation's process that the viewer may see. */
  public record OppenUppgift(
      long id, String elementId, String namn, String tilldelad, List<String> kandidatgrupper) {}
}
