package se.flerpart.arende;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.ArendeOmfang;

/** The task list's view of a case's consent scope: the same check as the case page's. */
@Component
class UppgiftensOmfang implements ArendeOmfang {

  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final IndividRepository individer;

  UppgiftensOmfang(ArendeService arenden, ArendeAtkomst atkomst, IndividRepository individer) {
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.individer = individer;
  }

  @Override
  public Optional<String> utanfor(UUID arendeId, Anvandare anvandare) {
    return atkomst.utanforOmfang(anvandare, arenden.hamta(arendeId));
  }

  @Override
  public void loggaFormular(UUID arendeId, Anvandare anvandare) {
    atkomst.loggaLasning(anvandare.id(), arendeId, ArendeAtkomst.LAS_FORMULAR);
  }

  @Override
  @Transactional
  public Map<UUID, String> individnamn(Anvandare anvandare, Collection<UUID> arendeIds) {
    return atkomst.individnamn(anvandare, arenden.hamta(utanDubbletter(arendeIds)));
  }

  @Override
  public Set<UUID> arendenMedNamn(Anvandare anvandare, String sok, Collection<UUID> bland) {
    if (sok == null || sok.isBlank() || anvandare.arUtanPersonuppgifter()) {
      return Set.of();
    }
    Set<UUID> traffar = individer.medNamn(sok, utanDubbletter(bland));
    return arenden.hamta(traffar).stream()
        .filter(a -> !a.arGallrat() && atkomst.kanLasaPersonuppgifter(anvandare, a))
        .map(Arende::id)
        .collect(Collectors.toSet());
  }

  private static List<UUID> utanDubbletter(Collection<UUID> ids) {
    return ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
  }
}
