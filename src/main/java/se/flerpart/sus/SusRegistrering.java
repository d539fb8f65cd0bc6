package se.flerpart.sus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row for SUS: an inregistrering or utregistrering. {@code personnummer} is present only when
 * the person consented to SUS registration and has no skyddad identitet, and only for a reader
 * allowed to see it (the deltagaransvarig).
 */
public record SusRegistrering(
    long id,
    UUID arendeId,
    String arendenummer,
    String typ,
    LocalDate datum,
    boolean anonym,
    String personnummer,
    String kon,
    Integer fodelsear,
    String insats,
    String aktualiserandePart,
    String avslutsorsak,
    Integer susGrupp,
    List<String> forsorjning,
    String sysselsattning,
    Integer sysselsattningOmfattning,
    Boolean sysselsattningSubventionerad) {}
