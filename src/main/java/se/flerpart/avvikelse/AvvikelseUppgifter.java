package se.flerpart.avvikelse;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftService;

/**
 * The task list seen from a deviation: its open tasks, and the processledare taking the assessment.
 * Kept apart from {@link AvvikelseService} because the task list's handlers depend on that.
 */
@Service
class AvvikelseUppgifter {

  static final String BEDOM = "bedom-avvikelse";

  private final AvvikelseService avvikelser;
  private final UppgiftService uppgifter;

  AvvikelseUppgifter(AvvikelseService avvikelser, UppgiftService uppgifter) {
    this.avvikelser = avvikelser;
    this.uppgifter = uppgifter;
  }

  /** The open tasks of the deviation's process that the user may see. */
  public List<Uppgift> oppna(Avvikelse a, Anvandare vem) {
    return uppgifter.lista(UppgiftService.Vy.ALLA, vem).stream()
        .filter(u -> tillhor(u, a))
        .toList();
  }

  /** A task of the deviation's process: its process carries the deviation's id. */
  static boolean tillhor(Uppgift u, Avvikelse a) {
    return "avvikelse".equals(u.processId())
        && a.id().toString().equals(u.variabler().get("avvikelseId"));
  }

  public List<AvvikelseVy.OppenUppgift> oppnaVy(Avvikelse a, Anvandare vem) {
    return oppna(a, vem).stream()
        .map(
            u ->
                new AvvikelseVy.OppenUppgift(
                    u.id(), u.elementId(), u.namn(), u.tilldelad(), u.kandidatgrupper()))
        .toList();
  }

  /**
   * Marks the deviation as under bedömning and gives the assessment task to the processledare, so
   * that the next step is the form itself.
   *
   * @return the assessment task, when the task list already holds it
   */
  @Transactional
  public Optional<Uppgift> paborjaBedomning(UUID id, Anvandare vem) {
    Avvikelse a = avvikelser.paborjaBedomning(id, vem);
    Optional<Uppgift> bedom =
        oppna(a, vem).stream().filter(u -> BEDOM.equals(u.elementId())).findFirst();
    bedom
        .filter(u -> u.tilldelad() == null)
        .ifPresent(u -> uppgifter.tilldela(u.id(), vem.id(), vem));
    return bedom;
  }
}
