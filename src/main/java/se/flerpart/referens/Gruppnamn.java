package se.flerpart.referens;

import java.util.Collection;
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

  public String namn(Collection<String> grupper) {
    return grupper.isEmpty()
        ? "–"
        : grupper.stream().map(this::namn).collect(Collectors.joining(", "));
  }
}
