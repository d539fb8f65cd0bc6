package se.flerpart.statistik;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Personnummer;
import se.flerpart.arende.PersonnummerSkydd;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * Imports a förbund's history (SUS exports, Excel) into {@code statistik_deltagare}, one
 * participant a row, all or nothing. Every bad cell of the file is named in one answer before
 * anything is written. A row with a personnummer is identified by the person, the insats and the
 * startdatum (a keyed hash, so the same person's two participations are two rows and a later file
 * updates the row); an anonymous row by its whole content, its line and the file. A file imported
 * before imports nothing.
 */
@Service
public class Historikimport {

  /** The columns in the order of the issue; the names are the file's header. */
  static final List<String> KOLUMNER =
      List.of(
          "personnummer",
          "kon",
          "fodelsear",
          "insats",
          "aktualiserandePart",
          "aktualiseringsdatum",
          "beslut",
          "beslutsdatum",
          "startdatum",
          "avslutsdatum",
          "avslutsorsak",
          "sysselsattningEfter",
          "omfattning",
          "subventionerad",
          "utbildningsniva",
          "tidIOffentligForsorjning",
          "forsorjningStart",
          "forsorjningEfter",
          "handlingsplan");

  static final List<String> KON = List.of("KVINNA", "MAN", "ANNAT_OKANT");
  static final List<String> BESLUT = List.of("JA", "NEJ", "KOMPLETTERA", "HANVISA");

  private static final DateTimeFormatter DATUM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final String FEL_DATUM = "Datumet ska skrivas ÅÅÅÅ-MM-DD";

  /** What one import did. */
  public record Resultat(int importerade) {}

  /** A valid row, ready to write. */
  private record Deltagare(
      int rad,
      String nyckel,
      String personnummerKrypterat,
      String personnummerHash,
      boolean anonym,
      String kon,
      Integer fodelsear,
      String insats,
      String part,
      LocalDate aktualiseringsdatum,
      String beslut,
      LocalDate beslutsdatum,
      LocalDate startdatum,
      LocalDate avslutsdatum,
      String avslutsorsak,
      String sysselsattning,
      Integer omfattning,
      Boolean subventionerad,
      String utbildningsniva,
      String tidIForsorjning,
      String[] forsorjningStart,
      String[] forsorjningEfter,
      boolean handlingsplan) {}

  private final JdbcClient jdbc;
  private final PersonnummerSkydd skydd;
  private final Clock klocka;

  Historikimport(JdbcClient jdbc, PersonnummerSkydd skydd, Clock klocka) {
    this.jdbc = jdbc;
    this.skydd = skydd;
    this.klocka = klocka;
  }

  /**
   * Imports a file (CSV or xlsx, as {@link Importfil#format} names it) for an administrator.
   *
   * @return how many rows were added or changed: 0 for a file imported before
   */
  @Transactional
  public Resultat importera(byte[] fil, String format, String filnamn, Anvandare vem) {
    if (!vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan importera historik.");
    }
    if (format == null) {
      throw new ValideringsFel("fil", Importfil.FEL_FORMAT);
    }
    Importfil.Innehall innehall = Importfil.las(fil, format);
    String filhash = sha256(fil);
    List<Deltagare> deltagare = granska(innehall, filhash);
    Long importId =
        jdbc.sql(
                """
                insert into statistik_import (filhash, filnamn, importerad_av, importerad, rader,
                  importerade)
                values (?, ?, ?, ?, ?, 0)
                on conflict (filhash) do nothing
                returning id
                """)
            .params(filhash, filnamn, vem.id(), Timestamp.from(klocka.instant()), deltagare.size())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (importId == null) {
      return new Resultat(0);
    }
    int importerade = 0;
    for (Deltagare d : deltagare) {
      importerade += skriv(d, importId);
    }
    jdbc.sql("update statistik_import set importerade = ? where id = ?")
        .params(importerade, importId)
        .update();
    return new Resultat(importerade);
  }

  /** Adds the row, or updates the row with its key when a fact differs; 1 when it changed. */
  private int skriv(Deltagare d, long importId) {
    return jdbc.sql(
            """
            insert into statistik_deltagare as s (import_nyckel, import_id, personnummer_krypterat,
              personnummer_hash, anonym, kon, fodelsear, insats_kod, aktualiserande_part,
              aktualiseringsdatum, beslut, beslutsdatum, startdatum, avslutsdatum, avslutsorsak,
              sysselsattning_efter, omfattning, subventionerad, utbildningsniva, tid_i_forsorjning,
              forsorjning_start, forsorjning_efter, handlingsplan)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (import_nyckel) do update set
              import_id = excluded.import_id, kon = excluded.kon, fodelsear = excluded.fodelsear,
              aktualiserande_part = excluded.aktualiserande_part,
              aktualiseringsdatum = excluded.aktualiseringsdatum, beslut = excluded.beslut,
              beslutsdatum = excluded.beslutsdatum, avslutsdatum = excluded.avslutsdatum,
              avslutsorsak = excluded.avslutsorsak,
              sysselsattning_efter = excluded.sysselsattning_efter,
              omfattning = excluded.omfattning, subventionerad = excluded.subventionerad,
              utbildningsniva = excluded.utbildningsniva,
              tid_i_forsorjning = excluded.tid_i_forsorjning,
              forsorjning_start = excluded.forsorjning_start,
              forsorjning_efter = excluded.forsorjning_efter,
              handlingsplan = excluded.handlingsplan
            where (s.kon, s.fodelsear, s.aktualiserande_part, s.aktualiseringsdatum, s.beslut,
                   s.beslutsdatum, s.avslutsdatum, s.avslutsorsak, s.sysselsattning_efter,
                   s.omfattning, s.subventionerad, s.utbildningsniva, s.tid_i_forsorjning,
                   s.forsorjning_start, s.forsorjning_efter, s.handlingsplan)
              is distinct from
                  (excluded.kon, excluded.fodelsear, excluded.aktualiserande_part,
                   excluded.aktualiseringsdatum, excluded.beslut, excluded.beslutsdatum,
                   excluded.avslutsdatum, excluded.avslutsorsak, excluded.sysselsattning_efter,
                   excluded.omfattning, excluded.subventionerad, excluded.utbildningsniva,
                   excluded.tid_i_forsorjning, excluded.forsorjning_start,
                   excluded.forsorjning_efter, excluded.handlingsplan)
            """)
        .params(
            d.nyckel(),
            importId,
            d.personnummerKrypterat(),
            d.personnummerHash(),
            d.anonym(),
            d.kon(),
            d.fodelsear(),
            d.insats(),
            d.part(),
            datum(d.aktualiseringsdatum()),
            d.beslut(),
            datum(d.beslutsdatum()),
            datum(d.startdatum()),
            datum(d.avslutsdatum()),
            d.avslutsorsak(),
            d.sysselsattning(),
            d.omfattning(),
            d.subventionerad(),
            d.utbildningsniva(),
            d.tidIForsorjning(),
            d.forsorjningStart(),
            d.forsorjningEfter(),
            d.handlingsplan())
        .update();
  }

  /** Every row checked; one bad cell anywhere and nothing is imported. */
  private List<Deltagare> granska(Importfil.Innehall innehall, String filhash) {
    Map<String, String> fel = new LinkedHashMap<>();
    Map<String, Integer> index = new HashMap<>();
    List<String> kolumner = innehall.kolumner();
    if (kolumner.size() == 1 && kolumner.get(0).contains(";")) {
      throw new ValideringsFel(
          "fil",
          "Filen verkar vara semikolonseparerad. Spara den som CSV med kommatecken mellan"
              + " kolumnerna, eller som Excelfil (.xlsx).");
    }
    for (int i = 0; i < kolumner.size(); i++) {
      String k = kolumner.get(i);
      if (k.isEmpty()) {
        continue;
      }
      if (!KOLUMNER.contains(k)) {
        fel.put(
            "rad 1, " + k, "Okänd kolumn. Kolumnerna heter " + String.join(", ", KOLUMNER) + ".");
      } else if (index.putIfAbsent(k, i) != null) {
        fel.put("rad 1, " + k, "Kolumnen finns två gånger.");
      }
    }
    for (String kravd : List.of("insats", "startdatum")) {
      if (!index.containsKey(kravd)) {
        fel.put("rad 1, " + kravd, "Kolumnen " + kravd + " saknas.");
      }
    }
    if (!index.containsKey("personnummer")) {
      for (String k : List.of("kon", "fodelsear")) {
        if (!index.containsKey(k)) {
          fel.put("rad 1, " + k, "Kolumnen " + k + " saknas (den behövs utan personnummer).");
        }
      }
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    if (innehall.rader().isEmpty()) {
      throw new ValideringsFel("fil", "Filen har inga deltagare under rubrikraden.");
    }
    Koder koder = new Koder();
    List<Deltagare> ut = new ArrayList<>();
    Map<String, Integer> nycklar = new HashMap<>();
    for (Importfil.Rad rad : innehall.rader()) {
      Deltagare d = granska(rad, index, kolumner.size(), koder, filhash, fel);
      if (d == null) {
        continue;
      }
      Integer tidigare = nycklar.putIfAbsent(d.nyckel(), rad.nummer());
      if (tidigare != null) {
        fel.put(
            "rad " + rad.nummer() + ", personnummer",
            "Samma person med samma insats och startdatum finns redan på rad " + tidigare + ".");
      } else {
        ut.add(d);
      }
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return ut;
  }

  private Deltagare granska(
      Importfil.Rad rad,
      Map<String, Integer> index,
      int antalKolumner,
      Koder koder,
      String filhash,
      Map<String, String> fel) {
    int fore = fel.size();
    String prefix = "rad " + rad.nummer() + ", ";
    if (rad.varden().size() > antalKolumner
        && rad.varden().subList(antalKolumner, rad.varden().size()).stream()
            .anyMatch(v -> !v.isBlank())) {
      fel.put(prefix + "kolumner", "Raden har fler värden än rubrikraden har kolumner.");
    }
    Map<String, String> v = new HashMap<>();
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      int i = e.getValue();
      v.put(e.getKey(), i < rad.varden().size() ? rad.varden().get(i).strip() : "");
    }
    LocalDate idag = LocalDate.now(klocka);
    Personnummer pnr = null;
    String pnrText = v.getOrDefault("personnummer", "");
    if (!pnrText.isEmpty()) {
      String problem = Personnummer.felmeddelande(pnrText, idag);
      if (problem != null) {
        fel.put(prefix + "personnummer", problem);
      } else {
        pnr = Personnummer.tolka(pnrText, idag);
      }
    }
    String kon = v.getOrDefault("kon", "").toUpperCase(Locale.ROOT);
    if (kon.isEmpty()) {
      if (pnr != null) {
        kon = pnr.kon().name();
      } else if (pnrText.isEmpty()) {
        fel.put(prefix + "kon", "Ange kön (KVINNA, MAN eller ANNAT_OKANT) eller personnummer.");
      }
    } else if (!KON.contains(kon)) {
      fel.put(prefix + "kon", "Kön ska vara KVINNA, MAN eller ANNAT_OKANT.");
    }
    Integer fodelsear = null;
    String arText = v.getOrDefault("fodelsear", "");
    if (arText.isEmpty()) {
      if (pnr != null) {
        fodelsear = pnr.fodelsear().getValue();
      } else if (pnrText.isEmpty()) {
        fel.put(prefix + "fodelsear", "Ange födelseår eller personnummer.");
      }
    } else {
      fodelsear = heltal(arText, 1900, idag.getYear());
      if (fodelsear == null) {
        fel.put(prefix + "fodelsear", "Födelseåret ska vara ett år som 1985.");
      }
    }
    String insats = v.get("insats");
    if (insats.isEmpty()) {
      fel.put(prefix + "insats", "Ange insatsens kod.");
    } else {
      kod(insats, koder.insatser, "insats", prefix, fel);
    }
    String part = tomSomNull(v.get("aktualiserandePart"));
    kod(part, koder.parter, "aktualiserandePart", prefix, fel);
    LocalDate aktualiseringsdatum = datum(v, "aktualiseringsdatum", prefix, fel);
    String beslut = tomSomNull(v.get("beslut"));
    if (beslut != null) {
      beslut = beslut.toUpperCase(Locale.ROOT);
      if (!BESLUT.contains(beslut)) {
        fel.put(prefix + "beslut", "Beslutet ska vara JA, NEJ, KOMPLETTERA eller HANVISA.");
      }
    }
    LocalDate beslutsdatum = datum(v, "beslutsdatum", prefix, fel);
    LocalDate startdatum = datum(v, "startdatum", prefix, fel);
    if (startdatum == null && !fel.containsKey(prefix + "startdatum")) {
      fel.put(prefix + "startdatum", "Ange startdatum (ÅÅÅÅ-MM-DD).");
    }
    LocalDate avslutsdatum = datum(v, "avslutsdatum", prefix, fel);
    String orsak = tomSomNull(v.get("avslutsorsak"));
    kod(orsak, koder.avslutsorsaker, "avslutsorsak", prefix, fel);
    if (orsak != null && avslutsdatum == null && !fel.containsKey(prefix + "avslutsdatum")) {
      fel.put(prefix + "avslutsdatum", "Ange avslutsdatum när avslutsorsak är angiven.");
    }
    String sysselsattning = tomSomNull(v.get("sysselsattningEfter"));
    kod(sysselsattning, koder.sysselsattningar, "sysselsattningEfter", prefix, fel);
    Integer omfattning = null;
    String omfattningText = v.getOrDefault("omfattning", "");
    if (!omfattningText.isEmpty()) {
      omfattning = heltal(omfattningText.replace("%", "").strip(), 0, 100);
      if (omfattning == null) {
        fel.put(prefix + "omfattning", "Omfattningen ska vara procent, ett heltal 0–100.");
      }
    }
    Boolean subventionerad = sanning(v, "subventionerad", prefix, fel);
    String utbildning = tomSomNull(v.get("utbildningsniva"));
    kod(utbildning, koder.utbildningsnivaer, "utbildningsniva", prefix, fel);
    String tid = tomSomNull(v.get("tidIOffentligForsorjning"));
    kod(tid, koder.tiderIForsorjning, "tidIOffentligForsorjning", prefix, fel);
    String[] forsorjningStart = forsorjning(v, "forsorjningStart", koder, prefix, fel);
    String[] forsorjningEfter = forsorjning(v, "forsorjningEfter", koder, prefix, fel);
    Boolean handlingsplan = sanning(v, "handlingsplan", prefix, fel);
    if (fel.size() > fore) {
      return null;
    }
    String hash = pnr == null ? null : skydd.hash(pnr);
    String nyckel =
        pnr != null
            ? "pnr:" + sha256(hash + "|" + insats + "|" + startdatum)
            : "anonym:"
                + sha256(filhash + "|" + rad.nummer() + "|" + String.join(",", rad.varden()));
    return new Deltagare(
        rad.nummer(),
        nyckel,
        pnr == null ? null : skydd.kryptera(pnr),
        hash,
        pnr == null,
        kon,
        fodelsear,
        insats,
        part,
        aktualiseringsdatum,
        beslut,
        beslutsdatum,
        startdatum,
        avslutsdatum,
        orsak,
        sysselsattning,
        omfattning,
        subventionerad,
        utbildning,
        tid,
        forsorjningStart,
        forsorjningEfter,
        Boolean.TRUE.equals(handlingsplan));
  }

  /** The codes a file may use, read once per import. */
  private final class Koder {
    final Set<String> insatser = koder("insats");
    final Set<String> parter = koder("part");
    final Set<String> avslutsorsaker = koder("avslutsorsak");
    final Set<String> sysselsattningar = koder("sysselsattning");
    final Set<String> utbildningsnivaer = koder("utbildningsniva");
    final Set<String> tiderIForsorjning = koder("tid_i_forsorjning");
    final Set<String> forsorjningar = koder("forsorjning");

    private Set<String> koder(String tabell) {
      return new HashSet<>(jdbc.sql("select kod from " + tabell).query(String.class).list());
    }
  }

  private static void kod(
      String kod, Set<String> giltiga, String kolumn, String prefix, Map<String, String> fel) {
    if (kod != null && !giltiga.contains(kod)) {
      fel.put(prefix + kolumn, "Okänd kod " + kod + ".");
    }
  }

  private static String[] forsorjning(
      Map<String, String> v, String kolumn, Koder koder, String prefix, Map<String, String> fel) {
    String text = v.getOrDefault(kolumn, "");
    if (text.isEmpty()) {
      return new String[0];
    }
    List<String> ut = new ArrayList<>();
    List<String> okanda = new ArrayList<>();
    for (String del : text.split("\\|")) {
      String kod = del.strip();
      if (kod.isEmpty()) {
        continue;
      }
      if (!koder.forsorjningar.contains(kod)) {
        okanda.add(kod);
      } else if (!ut.contains(kod)) {
        ut.add(kod);
      }
    }
    if (!okanda.isEmpty()) {
      fel.put(
          prefix + kolumn,
          "Okänd kod " + String.join(", ", okanda) + ". Skilj flera koder åt med |.");
    }
    return ut.toArray(String[]::new);
  }

  private static LocalDate datum(
      Map<String, String> v, String kolumn, String prefix, Map<String, String> fel) {
    String text = v.getOrDefault(kolumn, "");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text, DATUM);
    } catch (DateTimeParseException e) {
      fel.put(prefix + kolumn, FEL_DATUM);
      return null;
    }
  }

  private static Boolean sanning(
      Map<String, String> v, String kolumn, String prefix, Map<String, String> fel) {
    String text = v.getOrDefault(kolumn, "").toLowerCase(Locale.ROOT);
    return switch (text) {
      case "" -> null;
      case "true", "ja" -> true;
      case "false", "nej" -> false;
      default -> {
        fel.put(prefix + kolumn, "Ska vara true eller false.");
        yield null;
      }
    };
  }

  private static Integer heltal(String text, int min, int max) {
    try {
      int t = Integer.parseInt(text);
      return t < min || t > max ? null : t;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String tomSomNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static Date datum(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
