package se.flerpart.statistik;

import java.util.List;
import org.springframework.stereotype.Service;

/** The report tables of the statistics issue, computed from {@code statistik_deltagare}. */
@Service
public class Statistikrapporter {

  /** The fixed table ids, in the order a full report shows them. */
  public static final List<String> TABELLER =
      List.of(
          "deltagare",
          "avslutade",
          "avslut-arbete-studier",
          "aktualiseringar",
          "fordelning-alder",
          "fordelning-forsorjningstid",
          "fordelning-utbildning",
          "fordelning-manader-i-insats",
          "ledtider");

  /** One table; an unknown id is a {@code ValideringsFel}. */
  public Tabell tabell(String tabell, Rapportfraga fraga) {
    throw new UnsupportedOperationException("GRUNDSKELETT: ersätts av rapportberäkningen");
  }

  /** Every table, in the order of {@link #TABELLER}. */
  public List<Tabell> alla(Rapportfraga fraga) {
    return TABELLER.stream().map(t -> tabell(t, fraga)).toList();
  }
}
