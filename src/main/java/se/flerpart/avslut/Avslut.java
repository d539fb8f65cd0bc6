package se.flerpart.avslut;

import java.util.List;

/** What the ärendebärare records when a case closes (DOMAIN.md §2 step 6, §4). */
public record Avslut(
    String avslutsorsak,
    List<String> forsorjningEfter,
    String sysselsattningEfter,
    Integer omfattning,
    Boolean subventionerad,
    String planUppfylld) {}
