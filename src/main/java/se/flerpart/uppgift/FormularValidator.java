package se.flerpart.uppgift;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.flerpart.web.Datum;

/**
 * Checks submitted values against the form they belong to, as the browser did: required fields,
 * types, allowed options, lengths and patterns. Returns only the form's own fields; anything else a
 * client sends is dropped, so it never reaches the engine.
 */
@Component
public class FormularValidator {

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  /**
   * The conditionals the forms use: {@code =KEY != "VALUE"} (hidden unless KEY = VALUE) and {@code
   * =KEY = "VALUE"} (hidden when KEY = VALUE).
   */
  private static final Pattern DOLJ_OM =
      Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

  private static final Pattern EPOST = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public Map<String, Object> validera(
      Formular formular,
      Map<String, Object> inskickat,
      Map<String, Object> formularData,
      Map<String, String> fel) {
    Map<String, Object> in = inskickat == null ? Map.of() : inskickat;
    Map<String, Object> rena = new LinkedHashMap<>();
    validera(formular.schema().path("components"), in, rena, "", formularData, fel);
    etikettera(formular, fel);
    return rena;
  }

  /**
   * What a field may hold when its form sets no maxLength, and how many rows a dynamic list (the
   * invitees of a meeting, the actions of a plan) may have: nothing a person types is longer, and a
   * megabyte of text or thousands of invitees would only burden mail, PDF and database.
   */
  static final int MAX_TEXTAREA = 10_000;

  static final int MAX_TEXTFALT = 1_000;
  static final int MAX_RADER = 100;

  /**
   * Validates the components at one level. A group with a {@code path} and a {@code dynamiclist}
   * (always pathed) nest their values as form-js does: an object, or a list of objects whose errors
   * are keyed like {@code deltagare[1].epost}.
   */
  private void validera(
      JsonNode komponenter,
      Map<String, Object> in,
      Map<String, Object> rena,
      String prefix,
      Map<String, Object> formularData,
      Map<String, String> fel) {
    for (JsonNode k : komponenter) {
      String typ = k.path("type").asText();
      String sokvag = k.path("path").asText("");
      if (Formular.INDATA.contains(typ) && k.hasNonNull("key")) {
        falt(k, in, rena, prefix, formularData, fel);
      } else if ("dynamiclist".equals(typ) && !sokvag.isBlank()) {
        lista(k, sokvag, in, rena, prefix, formularData, fel);
      } else if (k.has("components") && !"dynamiclist".equals(typ)) {
        if (sokvag.isBlank()) {
          validera(k.path("components"), in, rena, prefix, formularData, fel);
        } else {
          Map<String, Object> under = new LinkedHashMap<>();
          validera(
              k.path("components"),
              karta(in.get(sokvag)),
              under,
              prefix + sokvag + ".",
              formularData,
              fel);
          if (!under.isEmpty()) {
            rena.put(sokvag, under);
          }
        }
      }
    }
  }

  private void lista(
      JsonNode lista,
      String sokvag,
      Map<String, Object> in,
      Map<String, Object> rena,
      String prefix,
      Map<String, Object> formularData,
      Map<String, String> fel) {
    Object varde = in.get(sokvag);
    if (varde == null) {
      return;
    }
    if (!(varde instanceof Collection<?> rader)) {
      fel.put(prefix + sokvag, lista.path("label").asText(sokvag) + " ska vara en lista");
      return;
    }
    if (rader.size() > MAX_RADER) {
      fel.put(
          prefix + sokvag,
          lista.path("label").asText(sokvag) + " får ha högst " + MAX_RADER + " rader");
      return;
    }
    List<Map<String, Object>> renaRader = new ArrayList<>();
    int i = 0;
    for (Object rad : rader) {
      String radPrefix = prefix + sokvag + "[" + i++ + "]";
      if (!(rad instanceof Map<?, ?>)) {
        fel.put(
            radPrefix,
            radnamn(lista.path("label").asText(sokvag))
                + " "
                + i
                + ": raden ska vara ett objekt med fälten");
        continue;
      }
      Map<String, Object> renRad = new LinkedHashMap<>();
      validera(lista.path("components"), karta(rad), renRad, radPrefix + ".", formularData, fel);
      renaRader.add(renRad);
    }
    rena.put(sokvag, renaRader);
  }

  /**
   * What one row of a dynamic list is called in a message, e.g. "Deltagare" in "Deltagare 2: e-post
   * – ange en giltig e-postadress". The lists' labels are plural or collective; a row is one of
   * them.
   */
  static String radnamn(String etikett) {
    return switch (etikett) {
      case "Deltagare" -> "Deltagare";
      case "Åtgärder" -> "Åtgärd";
      case "Planerade åtgärder" -> "Planerad åtgärd";
      default -> etikett + ", rad";
    };
  }

  /**
   * Makes every message start with what the user reads on the page: the field's label, and for a
   * field in a dynamic list the row first ("Deltagare 2: e-post – ange en giltig e-postadress").
   * The keys stay the fields' paths ({@code deltagare[1].epost}). A message that already starts so
   * is left as it is, so this may run again after a handler has added its own messages.
   */
  public void etikettera(Formular formular, Map<String, String> fel) {
    JsonNode komponenter = formular.schema().path("components");
    fel.replaceAll((nyckel, text) -> medEtikett(komponenter, nyckel, text));
  }

  private static final Pattern SEGMENT = Pattern.compile("^([^\\[\\]]+)(?:\\[(\\d+)])?$");

  private static String medEtikett(JsonNode komponenter, String nyckel, String text) {
    StringBuilder rad = new StringBuilder();
    JsonNode niva = komponenter;
    String etikett = null;
    String[] delar = nyckel.split("\\.");
    for (int d = 0; d < delar.length; d++) {
      Matcher m = SEGMENT.matcher(delar[d]);
      if (!m.matches()) {
        return text;
      }
      JsonNode k = komponent(niva, m.group(1));
      if (k == null) {
        return text;
      }
      boolean sist = d == delar.length - 1;
      if (m.group(2) != null) {
        if (!"dynamiclist".equals(k.path("type").asText())) {
          return text;
        }
        rad.append(radnamn(k.path("label").asText(m.group(1))))
            .append(' ')
            .append(Integer.parseInt(m.group(2)) + 1)
            .append(": ");
        if (sist) {
          return text.startsWith(rad.toString()) ? text : rad + gemen(text);
        }
      } else if (sist) {
        etikett = k.path("label").asText(k.path("dateLabel").asText(m.group(1)));
      }
      niva = k.path("components");
    }
    if (etikett == null || etikett.isBlank()) {
      return text;
    }
    String radtext = rad.toString();
    if (!radtext.isEmpty() && text.startsWith(radtext)) {
      return text;
    }
    String falttext =
        text.toLowerCase(Locale.ROOT).startsWith(etikett.toLowerCase(Locale.ROOT))
            ? text
            : etikett + ": " + gemen(text);
    if (radtext.isEmpty()) {
      return falttext;
    }
    // In a row the field's label stands inside the sentence: "Deltagare 2: e-post – …".
    String iRad = gemen(falttext);
    String gemenEtikett = gemen(etikett);
    if (iRad.startsWith(gemenEtikett + ": ")) {
      iRad = gemenEtikett + " – " + iRad.substring(gemenEtikett.length() + 2);
    }
    return radtext + iRad;
  }

  /** The component a path segment names: a field's key, or a group's or list's path. */
  private static JsonNode komponent(JsonNode komponenter, String namn) {
    for (JsonNode k : komponenter) {
      if (namn.equals(k.path("key").asText(null)) || namn.equals(k.path("path").asText(null))) {
        return k;
      }
      if (k.has("components")
          && k.path("path").asText("").isBlank()
          && !"dynamiclist".equals(k.path("type").asText())) {
        JsonNode under = komponent(k.path("components"), namn);
        if (under != null) {
          return under;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> karta(Object varde) {
    return varde instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private void falt(
      JsonNode falt,
      Map<String, Object> in,
      Map<String, Object> rena,
      String prefix,
      Map<String, Object> formularData,
      Map<String, String> fel) {
    String key = falt.path("key").asText();
    if (dolt(falt, in)) {
      return;
    }
    String etikett = falt.path("label").asText(falt.path("dateLabel").asText(key));
    Object varde = in.get(key);
    JsonNode regler = falt.path("validate");
    if (tomt(varde)) {
      if (regler.path("required").asBoolean(false)) {
        fel.put(prefix + key, saknasText(falt, etikett));
      } else if ("checkbox".equals(falt.path("type").asText())) {
        rena.put(key, false);
      }
      return;
    }
    Object tolkat = tolka(falt, prefix + key, etikett, varde, regler, formularData, fel);
    if (tolkat != null) {
      rena.put(key, tolkat);
    }
  }

  private static boolean dolt(JsonNode falt, Map<String, Object> in) {
    String villkor = falt.path("conditional").path("hide").asText("");
    if (villkor.isBlank()) {
      return false;
    }
    Matcher m = DOLJ_OM.matcher(villkor);
    if (!m.matches()) {
      throw new IllegalStateException("Formulärvillkoret stöds inte: " + villkor);
    }
    Object varde = in.get(m.group(1));
    boolean lika = varde != null && m.group(3).equals(String.valueOf(varde));
    return "=".equals(m.group(2)) ? lika : !lika;
  }

  private static boolean tomt(Object varde) {
    return varde == null
        || (varde instanceof String s && s.isBlank())
        || (varde instanceof Collection<?> c && c.isEmpty());
  }

  /** Every message starts with the field's label, as the user reads it above the field. */
  private static String saknasText(JsonNode falt, String etikett) {
    if (etikett.endsWith("?")) {
      return etikett + " – besvara frågan";
    }
    return switch (falt.path("type").asText()) {
      case "select", "radio" -> etikett + ": välj ett alternativ";
      case "checklist", "taglist" -> etikett + ": välj minst ett alternativ";
      case "checkbox" -> etikett + ": kryssa i rutan";
      default -> etikett + " saknas";
    };
  }

  /**
   * The text with a lower-case first letter, to stand after a label or a row: "Deltagare 2: e-post
   * …". A text that starts with an abbreviation ("SUS-…") or a person's name ("Cecilia Berg kan
   * inte …", two capitalised words) keeps its case.
   */
  private static String gemen(String text) {
    if (text.length() < 2
        || !Character.isUpperCase(text.charAt(0))
        || Character.isUpperCase(text.charAt(1))) {
      return text;
    }
    int mellanslag = text.indexOf(' ');
    if (mellanslag > 0
        && mellanslag + 1 < text.length()
        && Character.isUpperCase(text.charAt(mellanslag + 1))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private Object tolka(
      JsonNode falt,
      String key,
      String etikett,
      Object varde,
      JsonNode regler,
      Map<String, Object> formularData,
      Map<String, String> fel) {
    String typ = falt.path("type").asText();
    switch (typ) {
      case "checkbox" -> {
        if (varde instanceof Boolean b) {
          return b;
        }
        if ("true".equals(varde) || "false".equals(varde)) {
          return Boolean.valueOf((String) varde);
        }
        fel.put(key, etikett + ": ange ja eller nej");
        return null;
      }
      case "number" -> {
        BigDecimal tal;
        try {
          tal = new BigDecimal(String.valueOf(varde).strip());
        } catch (NumberFormatException e) {
          fel.put(key, etikett + " ska vara ett tal");
          return null;
        }
        if (regler.has("min") && tal.compareTo(regler.path("min").decimalValue()) < 0) {
          fel.put(key, etikett + " ska vara minst " + regler.path("min").asText());
          return null;
        }
        if (regler.has("max") && tal.compareTo(regler.path("max").decimalValue()) > 0) {
          fel.put(key, etikett + " ska vara högst " + regler.path("max").asText());
          return null;
        }
        try {
          return tal.stripTrailingZeros().scale() <= 0 ? tal.longValueExact() : tal.doubleValue();
        } catch (ArithmeticException e) {
          fel.put(key, etikett + " är för stort");
          return null;
        }
      }
      case "select", "radio" -> {
        String s = String.valueOf(varde);
        Set<String> tillatna = tillatna(falt, formularData);
        if (!tillatna.contains(s)) {
          fel.put(key, etikett + ": välj ett av alternativen");
          return null;
        }
        return s;
      }
      case "checklist", "taglist" -> {
        if (!(varde instanceof Collection<?> lista)) {
          fel.put(key, etikett + ": välj ett eller flera alternativ");
          return null;
        }
        Set<String> tillatna = tillatna(falt, formularData);
        List<String> valda = new ArrayList<>();
        for (Object o : lista) {
          if (!tillatna.contains(String.valueOf(o))) {
            fel.put(key, etikett + ": okänt alternativ " + o);
            return null;
          }
          valda.add(String.valueOf(o));
        }
        return List.copyOf(new LinkedHashSet<>(valda));
      }
      case "datetime" -> {
        return datumTid(falt, key, etikett, String.valueOf(varde), fel);
      }
      default -> {
        if (!(varde instanceof String s)) {
          fel.put(key, etikett + " ska vara text");
          return null;
        }
        String text = s.strip();
        if (regler.has("minLength") && text.length() < regler.path("minLength").asInt()) {
          fel.put(key, etikett + " ska ha minst " + regler.path("minLength").asInt() + " tecken");
          return null;
        }
        int hogst =
            regler.has("maxLength")
                ? regler.path("maxLength").asInt()
                : "textarea".equals(falt.path("type").asText()) ? MAX_TEXTAREA : MAX_TEXTFALT;
        if (text.length() > hogst) {
          fel.put(key, etikett + " får ha högst " + hogst + " tecken");
          return null;
        }
        if (regler.hasNonNull("pattern")
            && !Pattern.matches(regler.path("pattern").asText(), text)) {
          fel.put(key, etikett + " har fel format");
          return null;
        }
        if ("email".equals(regler.path("validationType").asText())
            && !EPOST.matcher(text).matches()) {
          fel.put(key, etikett + ": ange en giltig e-postadress");
          return null;
        }
        return text;
      }
    }
  }

  private static Object datumTid(
      JsonNode falt, String key, String etikett, String text, Map<String, String> fel) {
    try {
      return switch (falt.path("subtype").asText("date")) {
        case "time" -> LocalTime.parse(text).toString();
        case "datetime" -> svenskTid(text).toString();
        default ->
            Datum.tolka(text)
                .orElseThrow(() -> new DateTimeParseException("ÅÅÅÅ-MM-DD", text, 0))
                .toString();
      };
    } catch (DateTimeParseException e) {
      fel.put(key, etikett + ": ange ett giltigt datum som ÅÅÅÅ-MM-DD");
      return null;
    }
  }

  /**
   * A date and time with its offset as given; without one (form-js' {@code no_timezone}, which the
   * forms use) it is the time on a clock in Sweden, whatever the browser's or server's time zone.
   */
  static OffsetDateTime svenskTid(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException utanZon) {
      return LocalDateTime.parse(text).atZone(SVERIGE).toOffsetDateTime();
    }
  }

  private static Set<String> tillatna(JsonNode falt, Map<String, Object> formularData) {
    Set<String> tillatna = new LinkedHashSet<>();
    falt.path("values").forEach(v -> tillatna.add(v.path("value").asText()));
    String valuesKey = falt.path("valuesKey").asText("");
    if (!valuesKey.isEmpty() && formularData.get(valuesKey) instanceof Collection<?> alternativ) {
      for (Object o : alternativ) {
        if (o instanceof Map<?, ?> m) {
          tillatna.add(String.valueOf(m.get("value")));
        }
      }
    }
    return tillatna;
  }
}
