package se.flerpart.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels a person sees for the form fields of Flerpart's pages, by the field's name: for an
 * answer that refuses a field before any page's own controller has seen it (a control character in
 * a form sent without JavaScript, {@link OtillatetTeckenFilter}), which must name the field as the
 * form does and not by its technical name. The label is the field's own without its hint in
 * parentheses; where pages give one name different labels (a date, a time), a word that fits each
 * of them. A test holds every text field of the templates to having its label here.
 */
final class Faltetiketter {

  private static final Map<String, String> ETIKETTER =
      Map.ofEntries(
          // The person and the case.
          Map.entry("personnummer", "Personnummer"),
          Map.entry("namn", "Namn"),
          Map.entry("adress", "Adress"),
          Map.entry("telefon", "Telefon"),
          Map.entry("epost", "E-post"),
          Map.entry("sprak", "Språk"),
          Map.entry("relation", "Relation"),
          Map.entry("skal", "Skäl till aktualiseringen"),
          Map.entry("insats", "Insats"),
          Map.entry("kon", "Kön"),
          Map.entry("utbildningsniva", "Utbildningsnivå"),
          Map.entry("tidIOffentligForsorjning", "Tid i offentlig försörjning"),
          Map.entry("hur", "Hur återkallades samtycket?"),
          Map.entry("orsak", "Orsak"),
          Map.entry("datum", "Datum"),
          // Meetings and answers to a summons.
          Map.entry("tid", "Tid"),
          Map.entry("plats", "Plats"),
          Map.entry("videolank", "Videolänk"),
          Map.entry("kommentar", "Kommentar"),
          Map.entry("ersattareNamn", "Ersättarens namn"),
          Map.entry("ersattareEpost", "Ersättarens e-post"),
          // The task list.
          Map.entry("sok", "Sök"),
          Map.entry("arende", "Ärende"),
          Map.entry("typ", "Typ"),
          Map.entry("forfallen", "Förfaller"),
          Map.entry("tilldelad", "Tilldelad"),
          Map.entry("forfallodatum", "Förfallodatum"),
          Map.entry("text", "Kommentar"),
          Map.entry("anvandare", "Användare"),
          // Deviations.
          Map.entry("beskrivning", "Beskrivning"),
          Map.entry("berordPart", "Berörd part"),
          Map.entry("beloppTkr", "Belopp i tkr"),
          Map.entry("status", "Status"),
          Map.entry("part", "Part"),
          // Reports and logs.
          Map.entry("fran", "Från och med"),
          Map.entry("till", "Till och med"),
          Map.entry("ar", "År"),
          Map.entry("objekt", "Id eller kod"),
          Map.entry("objekttyp", "Typ"),
          // Administration.
          Map.entry("id", "Användar-id"),
          Map.entry("kod", "Kod"),
          Map.entry("kategori", "Kategori"),
          Map.entry("standardtext", "Standardtext vid automatisk registrering"),
          Map.entry("forstaDatum", "Första mötesdag"),
          Map.entry("intervallVeckor", "Intervall i veckor"),
          Map.entry("maxTid", "Längsta tid i insatsen"),
          Map.entry("uppfoljningKort", "Första uppföljningen"),
          Map.entry("uppfoljningPlan", "Uppföljning av planen"),
          Map.entry("uppfoljningPaminnelse", "Påminnelse om försenad uppföljning"),
          Map.entry("uppfoljningFrist", "Frist för försenad uppföljning"),
          Map.entry("gallringEfter", "Gallringstid efter avslut"),
          Map.entry("styrgruppEpost", "Styrgruppens e-postadresser"),
          // Logging in.
          Map.entry("username", "Användarnamn"),
          Map.entry("password", "Lösenord"));

  /** A related person's field: {@code narstaende[0].namn}. */
  private static final Pattern NARSTAENDE = Pattern.compile("narstaende\\[(\\d{1,2})]\\.(\\w+)");

  private Faltetiketter() {}

  /** The field's label as its form shows it, or empty for a name no form of Flerpart's has. */
  static Optional<String> etikett(String namn) {
    if (namn == null) {
      return Optional.empty();
    }
    String egen = ETIKETTER.get(namn);
    if (egen != null) {
      return Optional.of(egen);
    }
    Matcher narstaende = NARSTAENDE.matcher(namn);
    if (narstaende.matches() && ETIKETTER.containsKey(narstaende.group(2))) {
      return Optional.of(
          "Närstående "
              + (Integer.parseInt(narstaende.group(1)) + 1)
              + ", "
              + ETIKETTER.get(narstaende.group(2)).toLowerCase(Locale.ROOT));
    }
    if (namn.startsWith("godMan.") && ETIKETTER.containsKey(namn.substring(7))) {
      return Optional.of("God man, " + ETIKETTER.get(namn.substring(7)).toLowerCase(Locale.ROOT));
    }
    if (namn.startsWith("orsak_")) {
      return Optional.of("Räknas som");
    }
    return Optional.empty();
  }
}
