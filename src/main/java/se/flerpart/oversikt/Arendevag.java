package se.flerpart.oversikt;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.process.Processmodeller;
import se.flerpart.referens.Gruppnamn;
import se.flerpart.sakerhet.Visningsnamn;

/**
 * The path one case has taken through the {@code arende} process and the {@code flerpartsmote} and
 * {@code uppfoljning} processes it calls, and where it stands now — from Flerpart's own records,
 * never from the engine, so that it reads the same on the embedded engine and on a Camunda 8
 * cluster.
 *
 * <p><b>How the path is derived.</b> The recorded steps are the case's user tasks in {@code
 * uppgift} (open, done or cancelled, each with its process, process instance and element) and the
 * position now by {@link Processoversikt#positioner}'s rule (an open task; a planned meeting at
 * {@code samla-in-svar}; the awaited follow-up day at {@code vantar-pa-uppfoljningsdag}). Per
 * process instance, in the order they were created, the steps between two recorded ones are
 * reconstructed by walking the BPMN model's sequence flows: the shortest way from the one to the
 * next, and from the process's start event to the first. That brings in the start event, the
 * gateways, the DMN task {@code foresla-utfall}, the service tasks and the intermediate events in
 * between. The called processes are recorded steps of {@code arende} too: a step in {@code
 * flerpartsmote} puts the case on the call activity {@code flerpartsmote}, one in {@code
 * uppfoljning} on {@code uppfoljning}. After the last recorded step of an instance that is over (a
 * later step in another process, or the case closed) the path follows the flows on as long as there
 * is only one way on, to the end event.
 *
 * <p><b>Limits.</b> Between two recorded steps the shortest way is taken: where the model offers
 * two ways with no user task on either (a reminder's boundary event and its service task, a loop
 * through {@code skicka-andrad-kallelse} when a meeting is moved) the path shows the direct one.
 * Inside the embedded sub-process {@code samla-in-svar} only the sub-process itself is marked, not
 * the answers per invitee. An outcome with no user task after it (a beredning ending in Nej or
 * Hänvisa, a refused consent) ends the path at the last task; the case's status tells the rest. A
 * follow-up day awaited belongs to the instance of the latest task in {@code uppfoljning}, or, when
 * the case has had a task elsewhere since (a new meeting), starts a new walk from the start event.
 *
 * <p>Who and when come from the same records: a task's creation, completion and who completed it or
 * holds it; the case history ({@link ArendeHistorik}) for the aktualisering, the kallelse sent and
 * the plan sent. Only user names and part names, never the person's name or any free text, so the
 * path holds no personal data.
 */
@Service
class Arendevag {

  /** Steps of the case history that belong to one BPMN element: its time and who. */
  private static final Map<String, String[]> HISTORIK_STEG =
      Map.of(
          "AKTUALISERING", new String[] {"arende", "aktualisering-inkommen"},
          "KALLELSE", new String[] {"flerpartsmote", "skicka-kallelse"},
          "PLAN", new String[] {"flerpartsmote", "distribuera-plan"});

  /** The call activity in {@code arende} that starts each called process. */
  private static final Map<String, String> ANROP =
      Map.of("flerpartsmote", "flerpartsmote", "uppfoljning", "uppfoljning");

  private final JdbcClient jdbc;
  private final Processoversikt oversikt;
  private final Processmodeller modeller;
  private final ArendeHistorik historik;
  private final Visningsnamn visningsnamn;
  private final Gruppnamn gruppnamn;

  Arendevag(
      JdbcClient jdbc,
      Processoversikt oversikt,
      Processmodeller modeller,
      ArendeHistorik historik,
      Visningsnamn visningsnamn,
      Gruppnamn gruppnamn) {
    this.jdbc = jdbc;
    this.oversikt = oversikt;
    this.modeller = modeller;
    this.historik = historik;
    this.visningsnamn = visningsnamn;
    this.gruppnamn = gruppnamn;
  }

  /** The case's path: the processes it has been in, {@code arende} first. */
  record Vag(List<ProcessVag> processer) {}

  /** One process: the elements passed, the current ones and what is known of each step. */
  record ProcessVag(
      String process,
      String namn,
      List<String> passerade,
      List<Aktuellt> aktuella,
      List<Steg> steg) {}

  /** A current step: who has it (a user's or group's name, or null) and since when. */
  record Aktuellt(String elementId, String namn, String tilldelad, Instant sedan) {}

  /** A step that happened: when it began, when it was done (null while open) and by whom. */
  record Steg(String elementId, String namn, Instant borjade, Instant klar, String utfordAv) {}

  private record Uppgiftsrad(
      String process,
      long instans,
      String element,
      String status,
      Instant skapad,
      String tilldelad,
      String[] grupper,
      String slutfordAv,
      Instant slutford) {}

  /**
   * A recorded step in one process instance, in time order; {@code klar} when it was completed (a
   * task cancelled with its case was reached, not done).
   */
  private record Hallpunkt(
      String process, long instans, String element, Instant tid, boolean klar) {}

  Vag vag(UUID arendeId, boolean avslutat) {
    List<Uppgiftsrad> uppgifter =
        jdbc.sql(
                """
                select process_id, process_instans_nyckel, element_id, status, skapad, tilldelad,
                       kandidatgrupper, slutford_av, slutford_tid
                from uppgift
                where arende_id = ? and process_id in ('arende', 'flerpartsmote', 'uppfoljning')
                order by skapad, id
                """)
            .param(arendeId)
            .query(
                (rs, n) ->
                    new Uppgiftsrad(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        (String[]) rs.getArray(7).getArray(),
                        rs.getString(8),
                        tid(rs.getTimestamp(9))))
            .list();
    List<Processoversikt.Position> nu =
        oversikt.positioner(new Processoversikt.Urval(null, null), arendeId);

    // The recorded steps, the current positions last when they are no task of their own.
    List<Hallpunkt> hallpunkter = new ArrayList<>();
    for (Uppgiftsrad u : uppgifter) {
      hallpunkter.add(
          new Hallpunkt(
              u.process(), u.instans(), u.element(), u.skapad(), u.status().equals("SLUTFORD")));
    }
    for (Processoversikt.Position p : nu) {
      boolean somUppgift =
          uppgifter.stream()
              .anyMatch(
                  u ->
                      oppen(u.status())
                          && u.process().equals(p.process())
                          && u.element().equals(p.element()));
      if (!somUppgift) {
        long instans = p.instans() != 0 ? p.instans() : senasteInstans(p, uppgifter);
        hallpunkter.add(new Hallpunkt(p.process(), instans, p.element(), p.sedan(), false));
      }
    }
    hallpunkter.sort(Comparator.comparing(Hallpunkt::tid));

    // The called processes are steps of the case's own process.
    List<Hallpunkt> iArende = new ArrayList<>();
    for (Hallpunkt h : hallpunkter) {
      Hallpunkt iHuvud =
          h.process().equals("arende")
              ? h
              : new Hallpunkt("arende", 0, ANROP.get(h.process()), h.tid(), h.klar());
      if (!iArende.isEmpty()
          && iArende.getLast().element().equals(iHuvud.element())
          && !h.process().equals("arende")) {
        continue;
      }
      iArende.add(iHuvud);
    }

    Map<String, Set<String>> aktuellaPerProcess = new LinkedHashMap<>();
    for (Processoversikt.Position p : nu) {
      aktuellaPerProcess.computeIfAbsent(p.process(), k -> new LinkedHashSet<>()).add(p.element());
      if (!p.process().equals("arende")) {
        aktuellaPerProcess
            .computeIfAbsent("arende", k -> new LinkedHashSet<>())
            .add(ANROP.get(p.process()));
      }
    }

    Map<String, Set<String>> passerade = new LinkedHashMap<>();
    passerade.put("arende", passerade("arende", List.of(iArende), avslutat, aktuellaPerProcess));
    for (String process : List.of("flerpartsmote", "uppfoljning")) {
      Map<Long, List<Hallpunkt>> perInstans = new LinkedHashMap<>();
      for (Hallpunkt h : hallpunkter) {
        if (h.process().equals(process)) {
          perInstans.computeIfAbsent(h.instans(), k -> new ArrayList<>()).add(h);
        }
      }
      if (perInstans.isEmpty()) {
        continue;
      }
      // An instance is over when the case has gone on in its own process after it.
      Instant senastIArende =
          iArende.stream()
              .filter(h -> !h.element().equals(ANROP.get(process)))
              .map(Hallpunkt::tid)
              .max(Comparator.naturalOrder())
              .orElse(Instant.MIN);
      List<List<Hallpunkt>> instanser = new ArrayList<>();
      List<Boolean> over = new ArrayList<>();
      for (List<Hallpunkt> instans : perInstans.values()) {
        instanser.add(instans);
        over.add(avslutat || senastIArende.isAfter(instans.getLast().tid()));
      }
      passerade.put(process, passerade(process, instanser, over, aktuellaPerProcess));
    }

    Map<String, List<Steg>> steg = steg(arendeId, uppgifter, passerade);
    List<ProcessVag> processer = new ArrayList<>();
    for (var e : passerade.entrySet()) {
      String process = e.getKey();
      Set<String> aktuella = aktuellaPerProcess.getOrDefault(process, Set.of());
      List<String> passerat = e.getValue().stream().filter(x -> !aktuella.contains(x)).toList();
      List<Aktuellt> aktuellt = new ArrayList<>();
      for (Processoversikt.Position p : nu) {
        if (p.process().equals(process)) {
          aktuellt.add(aktuellt(p, uppgifter));
        } else if (process.equals("arende")) {
          String anrop = ANROP.get(p.process());
          aktuellt.add(
              new Aktuellt(anrop, stegnamn("arende", anrop), tilldelad(p, uppgifter), p.sedan()));
        }
      }
      processer.add(
          new ProcessVag(
              process,
              OversiktController.PROCESSNAMN.get(process),
              passerat,
              List.copyOf(aktuellt),
              steg.getOrDefault(process, List.of())));
    }
    return new Vag(List.copyOf(processer));
  }

  /**
   * The process instance a position with no instance of its own (the awaited follow-up day) belongs
   * to: that of the process's latest task, unless the case has had a task in another process since,
   * when the position starts a new instance (0).
   */
  private static long senasteInstans(Processoversikt.Position p, List<Uppgiftsrad> uppgifter) {
    Uppgiftsrad senaste = null;
    for (Uppgiftsrad u : uppgifter) {
      if (u.process().equals(p.process())) {
        senaste = u;
      } else if (senaste != null) {
        senaste = null;
      }
    }
    return senaste == null ? 0 : senaste.instans();
  }

  private Set<String> passerade(
      String process,
      List<List<Hallpunkt>> instanser,
      boolean avslutat,
      Map<String, Set<String>> aktuella) {
    return passerade(process, instanser, instanser.stream().map(i -> avslutat).toList(), aktuella);
  }

  /** Every element on the path through each instance of the process; see the class comment. */
  private Set<String> passerade(
      String process,
      List<List<Hallpunkt>> instanser,
      List<Boolean> over,
      Map<String, Set<String>> aktuella) {
    BpmnModelInstance modell = modeller.modell(process);
    Set<String> vag = new LinkedHashSet<>();
    for (int i = 0; i < instanser.size(); i++) {
      List<Hallpunkt> instans = instanser.get(i);
      if (instans.isEmpty()) {
        continue;
      }
      FlowNode forra = null;
      for (Hallpunkt h : instans) {
        FlowNode nod = modell.getModelElementById(h.element());
        if (nod == null) {
          continue;
        }
        List<FlowNode> dit = forra == null ? null : vag(forra, nod);
        if (dit == null) {
          dit = franStart(modell, nod);
        }
        dit.forEach(n -> vag.add(n.getId()));
        vag.add(nod.getId());
        forra = nod;
      }
      Hallpunkt sista = instans.getLast();
      if (forra != null
          && over.get(i)
          && sista.klar()
          && !aktuella.getOrDefault(process, Set.of()).contains(sista.element())) {
        vidare(forra).forEach(n -> vag.add(n.getId()));
      }
    }
    return vag;
  }

  /** The shortest way along sequence flows from {@code fran} to {@code till}, both left out. */
  private static List<FlowNode> vag(FlowNode fran, FlowNode till) {
    Map<FlowNode, FlowNode> kom = new HashMap<>();
    ArrayDeque<FlowNode> ko = new ArrayDeque<>();
    ko.add(fran);
    kom.put(fran, fran);
    while (!ko.isEmpty()) {
      FlowNode n = ko.poll();
      for (SequenceFlow f : n.getOutgoing()) {
        FlowNode m = f.getTarget();
        if (m.equals(till)) {
          // Back to the same step (a loop) ends here too.
          List<FlowNode> vag = new ArrayList<>();
          for (FlowNode x = n; !x.equals(fran); x = kom.get(x)) {
            vag.addFirst(x);
          }
          return vag;
        }
        if (!kom.containsKey(m)) {
          kom.put(m, n);
          ko.add(m);
        }
      }
    }
    return null;
  }

  /**
   * From the process's own start event (not an event sub-process's) to the node, start included.
   */
  private static List<FlowNode> franStart(BpmnModelInstance modell, FlowNode till) {
    for (StartEvent start : modell.getModelElementsByType(StartEvent.class)) {
      if (!(start.getParentElement() instanceof Process) || start.equals(till)) {
        continue;
      }
      List<FlowNode> vag = vag(start, till);
      if (vag != null) {
        vag.addFirst(start);
        return vag;
      }
    }
    return List.of();
  }

  /** On from a finished step while there is only one way on, up to and with an end event. */
  private static List<FlowNode> vidare(FlowNode fran) {
    List<FlowNode> vag = new ArrayList<>();
    FlowNode n = fran;
    while (n.getOutgoing().size() == 1 && vag.size() < 50) {
      n = n.getOutgoing().iterator().next().getTarget();
      vag.add(n);
      if (n instanceof EndEvent) {
        break;
      }
    }
    return vag;
  }

  private Aktuellt aktuellt(Processoversikt.Position p, List<Uppgiftsrad> uppgifter) {
    return new Aktuellt(
        p.element(), stegnamn(p.process(), p.element()), tilldelad(p, uppgifter), p.sedan());
  }

  /** Who has the open task at the position: its user, else its groups; null for no task. */
  private String tilldelad(Processoversikt.Position p, List<Uppgiftsrad> uppgifter) {
    return uppgifter.stream()
        .filter(
            u ->
                oppen(u.status())
                    && u.process().equals(p.process())
                    && u.element().equals(p.element()))
        .reduce((a, b) -> b)
        .map(
            u ->
                u.tilldelad() != null
                    ? visningsnamn.anvandareMedPart(u.tilldelad())
                    : u.grupper().length == 0 ? null : gruppnamn.namn(List.of(u.grupper())))
        .orElse(null);
  }

  /** The tasks and the history steps on the path, per process, in time order. */
  private Map<String, List<Steg>> steg(
      UUID arendeId, List<Uppgiftsrad> uppgifter, Map<String, Set<String>> passerade) {
    Map<String, List<Steg>> steg = new LinkedHashMap<>();
    for (ArendeHistorik.Handelse h : historik.handelser(arendeId)) {
      String[] element = HISTORIK_STEG.get(h.typ());
      if (element != null && passerade.getOrDefault(element[0], Set.of()).contains(element[1])) {
        steg.computeIfAbsent(element[0], k -> new ArrayList<>())
            .add(
                new Steg(
                    element[1],
                    stegnamn(element[0], element[1]),
                    h.tid(),
                    h.tid(),
                    namn(h.utfordAv())));
      }
    }
    for (Uppgiftsrad u : uppgifter) {
      if (u.status().equals("AVBRUTEN")) {
        continue;
      }
      steg.computeIfAbsent(u.process(), k -> new ArrayList<>())
          .add(
              new Steg(
                  u.element(),
                  stegnamn(u.process(), u.element()),
                  u.skapad(),
                  u.slutford(),
                  oppen(u.status()) ? null : namn(u.slutfordAv())));
    }
    steg.values().forEach(l -> l.sort(Comparator.comparing(Steg::borjade)));
    return steg;
  }

  /**
   * The element's name in the model; for a gateway drawn without one (where flows only merge), what
   * it is, so that the table never shows an id.
   */
  String stegnamn(String process, String elementId) {
    String namn = modeller.namn(process, elementId);
    if (!namn.equals(elementId)) {
      return namn;
    }
    Object e = modeller.modell(process).getModelElementById(elementId);
    if (e instanceof EventBasedGateway) {
      return "Väntan på händelse";
    }
    if (e instanceof Gateway) {
      return "Sammanslagning av flöden";
    }
    return namn;
  }

  private String namn(String anvandare) {
    return anvandare == null ? null : visningsnamn.anvandareMedPart(anvandare);
  }

  private static boolean oppen(String status) {
    return status.equals("OPPEN") || status.equals("INSKICKAD");
  }

  private static Instant tid(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
