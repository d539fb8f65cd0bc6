package se.flerpart.referens;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Candidate groups as people read them, e.g. "Beredningsgruppen för Flerpartssamverkan". */
@Component("gruppnamn")
public class Gruppnamn {

  private final InsatsRepository insatser;

  public Gruppnamn(InsatsRepository insatser) {
    this.insatser = insatser;
  }

  public String namn(String grupp) {
    if (grupp.startsWith("beredning-")) {
      String kod = grupp.substring("beredning-".length());
      return "Beredningsgruppen för "
          + insatser.hitta(kod).map(InsatsRepository.Insats::namn).orElse(kod);
    }
    if (grupp.equals("processledare")) {
      return "Processledare";
    }
    return grupp;
  }

  /**
   * As {@link #namn(Collection)}, with the insatser's names already read (see {@link
   * InsatsRepository#namn()}): no query per group.
   */
  public String namn(Collection<String> grupper, Map<String, String> insatsnamn) {
    if (grupper.isEmpty()) {
      return "–";
    }
    return grupper.stream()
        .map(
            g ->
                g.startsWith("beredning-")
                    ? "Beredningsgruppen för "
                        + insatsnamn.getOrDefault(
                            g.substring("beredning-".length()), g.substring("beredning-".length()))
                    : namn(g))
        .collect(Collectors.joining(", "));
  }

  public String namn(Collection<String> grupper) {
    return grupper.isEmpty()
        ? "–"
        : grupper.stream().map(this::namn).collect(Collectors.joining(", "));
  }
}
