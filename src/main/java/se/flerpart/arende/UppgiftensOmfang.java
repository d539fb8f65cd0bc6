package se.flerpart.arende;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final PersonnummerSkydd skydd;
  private final JdbcClient jdbc;
  private final Clock klocka;

  UppgiftensOmfang(
      ArendeService arenden,
      ArendeAtkomst atkomst,
      IndividRepository individer,
      PersonnummerSkydd skydd,
      JdbcClient jdbc,
      Clock klocka) {
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.individer = individer;
    this.skydd = skydd;
    this.jdbc = jdbc;
    this.klocka = klocka;
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
    return ids.stream().filter(Objects::nonNull).distinct().toList();
  }

  @Override
  public Set<UUID> inomOmfang(Anvandare anvandare, Collection<UUID> arendeIds) {
    Set<UUID> inom = new HashSet<>();
    if (anvandare.arUtanPersonuppgifter()) {
      return inom;
    }
    for (UUID id : new HashSet<>(arendeIds)) {
      if (atkomst.kanLasaPersonuppgifter(anvandare, arenden.hamta(id))) {
        inom.add(id);
      }
    }
    return inom;
  }

  @Override
  public void loggaKommentarer(Collection<UUID> arendeIds, Anvandare anvandare) {
    for (UUID id : new HashSet<>(arendeIds)) {
      atkomst.loggaLasning(anvandare.id(), id, ArendeAtkomst.LAS_KOMMENTAR);
    }
  }

  @Override
  public Set<UUID> arendenSomMatchar(Anvandare anvandare, String sok, Collection<UUID> bland) {
    if (anvandare.arUtanPersonuppgifter() || bland.isEmpty() || sok == null) {
      return Set.of();
    }
    LocalDate idag = LocalDate.now(klocka.withZone(ArendeService.SVERIGE));
    Optional<Personnummer> pnr = Personnummer.forsok(sok, idag);
    // A personnummer in any of its usual forms, or else words of the person's name.
    Set<UUID> inom =
        pnr.isPresent()
            ? inomOmfang(
                anvandare,
                jdbc.sql("select id from arende where personnummer_hash = :hash and id in (:bland)")
                    .param("hash", skydd.hash(pnr.get()))
                    .param("bland", bland)
                    .query(UUID.class)
                    .list())
            : arendenMedNamn(anvandare, sok, bland);
    for (UUID id : inom) {
      atkomst.loggaLasning(anvandare.id(), id, ArendeAtkomst.SOK_UPPGIFTER);
    }
    return inom;
  }
}
