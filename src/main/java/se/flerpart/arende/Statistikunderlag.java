package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the statistics may know of a case: codes, kön and födelseår — never the personnummer, a name
 * or free text.
 *
 * @param anonym counted only anonymously: no SUS consent, skyddad identitet, or no personnummer
 * @param samtyckeNekat the person declined consent: only kön and year are kept
 * @param skapad when the aktualisering was registered
 */
public record Statistikunderlag(
    UUID arendeId,
    String arendenummer,
    String insats,
    String aktualiserandePart,
    String kon,
    Integer fodelsear,
    boolean anonym,
    boolean samtyckeNekat,
    Instant skapad,
    String utbildningsniva,
    String tidIOffentligForsorjning,
    List<String> forsorjningStart) {}
