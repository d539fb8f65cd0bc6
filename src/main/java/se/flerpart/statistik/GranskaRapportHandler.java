package se.flerpart.statistik;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.PersonnummerIText;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code granska-rapport}: the processledare reads the compiled uppföljningsrapport (as PDF, Excel
 * or on the Statistik page), comments on each table and approves it, or has it compiled again once
 * the data are put right. The comments stay with the version; the process needs only the decision.
 */
@Component
class GranskaRapportHandler implements UppgiftHandler {

  static final String ELEMENT = "granska-rapport";
  static final int MAX_KOMMENTAR = 4000;

  private final Uppfoljningsrapporter rapporter;

  GranskaRapportHandler(Uppfoljningsrapporter rapporter) {
    this.rapporter = rapporter;
  }

  /** The form's field for a table's comment: {@code kommentarAvslutArbeteStudier}. */
  static String kommentarfalt(String tabell) {
    StringBuilder falt = new StringBuilder("kommentar");
    for (String del : tabell.split("-")) {
      falt.append(Character.toUpperCase(del.charAt(0))).append(del.substring(1));
    }
    return falt.toString();
  }

  @Override
  public String elementId() {
    return ELEMENT;
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    long id = rapportId(uppgift);
    Uppfoljningsrapporter.Innehall innehall = rapporter.innehall(id);
    Uppfoljningsrapporter.Version v = innehall.version();
    Map<String, Object> data = new HashMap<>();
    data.put("rapportTitel", Uppfoljningsrapporter.titel(v));
    data.put("rapportStatus", rapporter.status(v));
    String bas = "/api/rapporter/uppfoljningsrapporter/" + id;
    data.put("pdfLank", bas + "?format=pdf");
    data.put("xlsxLank", bas + "?format=xlsx");
    data.put("statistikLank", "/statistik?fran=" + v.fran() + "&till=" + v.till());
    data.put("kontrollText", kontrollText(innehall.delar()));
    innehall.kommentarer().forEach((tabell, text) -> data.put(kommentarfalt(tabell), text));
    return data;
  }

  /**
   * The failed checks, part by part, in Markdown: what the processledare must look at first. A data
   * problem fails the same check in every table of a part; it is listed once, with the tables.
   */
  static String kontrollText(List<Rapportdel> delar) {
    long underkanda = delar.stream().mapToLong(Rapportdel::underkandaKontroller).sum();
    if (underkanda == 0) {
      return "Alla kontroller av rapportens summor och data gick igenom.";
    }
    record Problem(Rapportdel del, String text) {}
    Map<Problem, List<String>> tabeller = new LinkedHashMap<>();
    for (Rapportdel d : delar) {
      for (Tabell t : d.tabeller()) {
        for (Kontroll k : t.kontroller()) {
          if (!k.godkand()) {
            String text = k.meddelande() == null ? k.beskrivning() : k.meddelande();
            tabeller.computeIfAbsent(new Problem(d, text), p -> new ArrayList<>()).add(t.namn());
          }
        }
      }
    }
    StringBuilder text =
        new StringBuilder(
            "**Varning: "
                + underkanda
                + (underkanda == 1 ? " kontroll gick" : " kontroller gick")
                + " inte igenom.** Rätta uppgifterna och sammanställ igen, eller kommentera"
                + " varför i tabellens kommentar.\n");
    tabeller.forEach(
        (problem, namn) ->
            text.append("\n- ")
                .append(problem.del().rubrik())
                .append(": ")
                .append(problem.text())
                .append(
                    namn.size() > 1 && namn.size() == problem.del().tabeller().size()
                        ? " (i alla " + namn.size() + " tabeller)"
                        : " (" + String.join(", ", namn) + ")"));
    return text.toString();
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    Object granskning = data.get("granskning");
    if (!Uppfoljningsrapporter.GODKAND.equals(granskning)
        && !Uppfoljningsrapporter.SAMMANSTALL_IGEN.equals(granskning)) {
      fel.put("granskning", "Välj om rapporten är godkänd eller ska sammanställas igen");
    }
    for (String tabell : Statistikrapporter.TABELLER) {
      String falt = kommentarfalt(tabell);
      Object text = data.get(falt);
      if (text == null) {
        continue;
      }
      if (!(text instanceof String s)) {
        fel.put(falt, "Kommentaren ska vara text");
      } else if (s.length() > MAX_KOMMENTAR) {
        fel.put(falt, "Kommentaren får vara högst " + MAX_KOMMENTAR + " tecken");
      } else if (PersonnummerIText.innehaller(s, LocalDate.now(Rapporturval.SVERIGE))) {
        fel.put(
            falt,
            "Kommentaren innehåller något som liknar ett personnummer. Rapporten får inte"
                + " innehålla personuppgifter.");
      }
    }
    if (!rapporter.version(rapportId(uppgift)).status().equals(Uppfoljningsrapporter.UTKAST)) {
      fel.put("granskning", "Rapporten är redan granskad");
    }
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    Map<String, String> kommentarer = new LinkedHashMap<>();
    for (String tabell : Statistikrapporter.TABELLER) {
      if (data.get(kommentarfalt(tabell)) instanceof String s) {
        kommentarer.put(tabell, s);
      }
    }
    rapporter.granska(rapportId(uppgift), kommentarer, (String) data.get("granskning"), anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("granskning");
  }

  @Override
  public Optional<String> nastaSteg(Uppgift uppgift, Map<String, Object> data) {
    return Optional.of(
        Uppfoljningsrapporter.GODKAND.equals(data.get("granskning"))
            ? "Rapporten är godkänd och skickas nu som PDF och Excel till styrgrupperna."
            : "Rapporten sammanställs igen; du får en ny granskningsuppgift.");
  }

  private static long rapportId(Uppgift uppgift) {
    Object id = uppgift.variabler().get("rapportId");
    if (id instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong(String.valueOf(id));
  }
}
