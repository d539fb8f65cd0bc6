package se.flerpart.arende;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftApiController.UppgiftDto;
import se.flerpart.uppgift.UppgiftService;

/** Reads cases for a user, through the access check. */
@Service
class ArendeLasning {

  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final UppgiftService uppgifter;
  private final ArendeVy.Namn namn;

  ArendeLasning(
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      UppgiftService uppgifter,
      InsatsRepository insatser,
      AnvandareRepository anvandare) {
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.uppgifter = uppgifter;
    this.namn =
        new ArendeVy.Namn() {
          @Override
          public String insats(String kod) {
            return insatser.hitta(kod).map(InsatsRepository.Insats::namn).orElse(kod);
          }

          @Override
          public String anvandare(String id) {
            return anvandare.hitta(id).map(Anvandare::namn).orElse(id);
          }
        };
  }

  @Transactional
  public ArendeVy vy(Arende a, Anvandare vem) {
    atkomst.kravSe(vem, a);
    List<UppgiftDto> oppna =
        uppgifter.forArende(a.id()).stream().filter(u -> u.arOppen()).map(UppgiftDto::av).toList();
    return ArendeVy.av(a, namn, atkomst.personuppgifter(vem, a), oppna, historik.handelser(a.id()));
  }

  /**
   * Of the person the list shows only the name, to a user inside the consent scope; each name shown
   * writes one audit row.
   */
  @Transactional
  public List<ArendeVy> lista(Anvandare vem) {
    // One query for every open task and one look-up per name, however many cases are listed.
    Map<UUID, List<UppgiftDto>> oppna =
        uppgifter.oppna().stream()
            .filter(u -> u.arendeId() != null)
            .collect(
                Collectors.groupingBy(
                    Uppgift::arendeId, Collectors.mapping(UppgiftDto::av, Collectors.toList())));
    Map<String, String> insatsnamn = new HashMap<>();
    Map<String, String> anvandarnamn = new HashMap<>();
    ArendeVy.Namn minne =
        new ArendeVy.Namn() {
          @Override
          public String insats(String kod) {
            return insatsnamn.computeIfAbsent(kod, namn::insats);
          }

          @Override
          public String anvandare(String id) {
            return anvandarnamn.computeIfAbsent(id, namn::anvandare);
          }
        };
    List<Arende> synliga = arenden.synligaFor(vem, atkomst);
    Map<UUID, String> individnamn = atkomst.individnamn(vem, synliga);
    return synliga.stream()
        .map(
            a ->
                ArendeVy.iLista(
                    a, minne, individnamn.get(a.id()), oppna.getOrDefault(a.id(), List.of())))
        .toList();
  }
}
