package se.flerpart.krasch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.bench.EgnaTjanster;
import se.flerpart.bench.Processminne;
import se.flerpart.mote.MotesSteg;
import se.flerpart.notifiering.MeddelandeId;

/**
 * The crash test (README, "Several instances"): the engine, PostgreSQL, Kafka and SMTP as processes
 * of their own ({@code se.flerpart.embedded.Tjanster}, started from the packaged jar), two Flerpart
 * instances against them, clients working cases through the REST API of both, and one instance
 * killed with SIGKILL again and again, restarted each time. Afterwards it checks that nothing was
 * lost or doubled and prints the result. Not part of {@code ./mvnw verify}; run with {@code
 * src/test/bench/krasch.sh [kills] [clients]}.
 */
public final class KraschKorning {

  private static final int MOTOR = 27500;
  private static final int MOTOR_HTTP = 27501;
  private static final int SMTP = 27502;
  private static final int SMTP_HTTP = 27503;
  private static final int KAFKA = 27504;
  private static final int POSTGRES = 27505;
  private static final int[] FLERPART = {27510, 27511};
  private static final String LOSENORD = "krasch-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path jar;
  private final Path katalog;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Process> tjanster = new LinkedHashMap<>();
  private final Process[] instanser = new Process[2];
  private final AtomicBoolean stopp = new AtomicBoolean();

  // What the clients saw.
  private final AtomicInteger arendenSkapade = new AtomicInteger();
  private final AtomicInteger arendenKlara = new AtomicInteger();
  private final AtomicInteger anslutningsfel = new AtomicInteger();
  private final AtomicInteger omforsokSomRedanVarKlara = new AtomicInteger();
  private final AtomicLong forstaFel = new AtomicLong();
  private final Set<Long> inskickadeAvKlienter = ConcurrentHashMap.newKeySet();
  private final List<String> klientfel = java.util.Collections.synchronizedList(new ArrayList<>());

  private KraschKorning(Path jar, Path katalog) {
    this.jar = jar;
    this.katalog = katalog;
  }

  public static void main(String[] args) throws Exception {
    int dodningar = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int klienter = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path jar = Path.of("target/flerpart-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    Path katalog = Path.of("target/krasch").toAbsolutePath();
    KraschKorning k = new KraschKorning(jar, katalog);
    // Stopped with Ctrl-C or SIGTERM, it takes the services and instances it started with it.
    Runtime.getRuntime().addShutdownHook(new Thread(k::stoppaAllt, "krasch-stopp"));
    int kod;
    try {
      kod = k.kor(dodningar, klienter);
    } finally {
      k.stoppaAllt();
    }
    System.exit(kod);
  }

  private int kor(int dodningar, int antalKlienter) throws Exception {
    taBort(katalog);
    Files.createDirectories(katalog);
    logg("Startar motor, PostgreSQL, Kafka och SMTP som egna processer");
    startaTjanst("motor", MOTOR + "", MOTOR_HTTP + "");
    startaTjanst("postgres", POSTGRES + "", katalog.resolve("pgdata").toString());
    startaTjanst("kafka", KAFKA + "");
    startaTjanst("smtp", SMTP + "", SMTP_HTTP + "");
    for (String namn : tjanster.keySet()) {
      vanta(
          "tjänsten " + namn,
          Duration.ofSeconds(120),
          () -> last(katalog.resolve(namn + ".log")).contains(namn + " redo"));
    }
    // The first instance alone migrates the schema and seeds the demo data; then the second.
    startaInstans(0);
    vantaFrisk(0);
    startaInstans(1);
    vantaFrisk(1);

    logg("Startar " + antalKlienter + " klienter");
    List<Thread> klienter = new ArrayList<>();
    for (int i = 0; i < antalKlienter; i++) {
      int nr = i;
      Thread t = Thread.ofPlatform().name("klient-" + i).start(() -> klient(nr));
      klienter.add(t);
    }
    Instant start = Instant.now();
    List<Long> omstartSekunder = new ArrayList<>();
    for (int d = 1; d <= dodningar; d++) {
      Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 8_000));
      int offer = (d - 1) % 2;
      logg(
          "Dödning "
              + d
              + "/"
              + dodningar
              + ": kill -9 instans "
              + (char) ('A' + offer)
              + " (pid "
              + instanser[offer].pid()
              + ")");
      instanser[offer].destroyForcibly().waitFor();
      long t0 = System.nanoTime();
      startaInstans(offer);
      vantaFrisk(offer);
      omstartSekunder.add((System.nanoTime() - t0) / 1_000_000_000);
    }
    Thread.sleep(5_000);
    stopp.set(true);
    for (Thread t : klienter) {
      t.join(Duration.ofSeconds(90));
    }
    long lastSekunder = Duration.between(start, Instant.now()).toSeconds();
    logg("Klienterna har stannat; väntar tills omförsök och utkorg är tömda");

    Map<String, Object> resultat = new LinkedHashMap<>();
    resultat.put("dodningar", dodningar);
    resultat.put("klienter", antalKlienter);
    resultat.put("sekunderUnderLast", lastSekunder);
    resultat.put("omstartSekunder", omstartSekunder);
    resultat.put("arendenSkapade", arendenSkapade.get());
    resultat.put("arendenGenomKlientensSteg", arendenKlara.get());
    resultat.put("anslutningsfelSomKlienternaForsokteOm", anslutningsfel.get());
    resultat.put("omforsokDarFormularetRedanVarInskickat", omforsokSomRedanVarKlara.get());
    resultat.put("klientfel", klientfel.size());

    try (Connection db =
        DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + POSTGRES + "/postgres", "postgres", LOSENORD)) {
      // A form stored but not yet confirmed by the engine is retried every few seconds; a job
      // activated but not stored comes back after its one-minute activation timeout; a mail not
      // sent is resent. Wait until all of that has settled, at most four minutes.
      long borjan = System.nanoTime();
      boolean lugnt = false;
      while (System.nanoTime() - borjan < Duration.ofMinutes(4).toNanos()) {
        Kontroll k = kontrollera(db);
        logg(
            "Väntar: inskickade "
                + k.inskickade
                + ", oskickade mail "
                + k.oskickadeMail
                + ", saknas i listan "
                + k.saknasIListan.size()
                + ", utan jobb "
                + k.utanJobb.size()
                + ", utan steg "
                + k.utanSteg);
        if (k.inskickade == 0
            && k.oskickadeMail == 0
            && k.saknasIListan.isEmpty()
            && k.utanJobb.isEmpty()
            && k.utanSteg == 0) {
          lugnt = true;
          break;
        }
        Thread.sleep(5_000);
      }
      long vantat = (System.nanoTime() - borjan) / 1_000_000_000;
      Kontroll k = kontrollera(db);
      resultat.put("sekunderTillLugnt", vantat);
      resultat.put("lugntInomFyraMinuter", lugnt);
      resultat.putAll(k.somKarta());
      boolean godkant =
          k.formularForlorade == 0
              && k.inskickadeKlientForlorade == 0
              && k.mailForlorade == 0
              && k.mailDubbla == 0
              && k.saknasIListan.isEmpty()
              && k.utanJobb.isEmpty()
              && k.dubblaIListan == 0
              && k.dubblaIApi == 0
              && k.utanSteg == 0
              && klientfel.isEmpty();
      resultat.put("godkant", godkant);

      Map<String, Object> motor = dodaMotorn(db);
      resultat.put("motornDodad", motor);
      skrivTabell(resultat);
      Files.writeString(
          katalog.resolve("resultat.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(resultat));
      return godkant ? 0 : 1;
    }
  }

  // ---------------------------------------------------------------- clients

  private void klient(int nr) {
    int instans = nr % 2;
    int varv = 0;
    while (!stopp.get()) {
      try {
        instans = ettArende(instans, varv++ % 2 == 0);
      } catch (RuntimeException e) {
        if (!stopp.get()) {
          klientfel.add(e.getMessage());
          logg("Klientfel: " + e.getMessage());
        }
      }
    }
  }

  /** One case as far as the clients take it; returns the instance the client ended on. */
  private int ettArende(int instans, boolean beviljas) {
    Svar skapat = aktualisera(instans, "Krasch-test: behöver stöd från flera parter");
    instans = skapat.instans;
    if (skapat.status != 201 && skapat.status != 200) {
      throw new IllegalStateException("Aktualiseringen gav " + skapat.status + ": " + skapat.kropp);
    }
    arendenSkapade.incrementAndGet();
    String nummer = skapat.kropp.path("arendenummer").asText();
    instans =
        slutfor(
            instans,
            "anna",
            "mina",
            nummer,
            "inhamta-samtycke",
            ArendeSteg.samtyckeJa(List.of("FK", "AF", "KOMMUN-UPPSALA"), false));
    if (instans < 0) {
      return 0;
    }
    Map<String, Object> beslut =
        beviljas
            ? ArendeSteg.beredningJa("anna")
            : Map.of("beslut", "NEJ", "motivering", "Inte aktuellt just nu");
    instans = slutfor(instans, "bengt", "grupp", nummer, "bered-arende", beslut);
    if (instans >= 0 && beviljas) {
      // The kallelse: its mails (to the participant, with the calendar invitation) are sent by a
      // job worker on whichever instance takes the job.
      java.time.Instant motesTid =
          java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Stockholm"))
              .plusDays(7)
              .withHour(10)
              .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
              .toInstant();
      instans =
          slutfor(
              instans, "anna", "mina", nummer, "forbered-kallelse", MotesSteg.kallelse(motesTid));
    }
    if (instans >= 0) {
      arendenKlara.incrementAndGet();
    }
    return Math.max(instans, 0);
  }

  /**
   * Waits for the case's task in the user's view and submits the form; on a lost connection the
   * same form goes to the other instance. Returns the instance, or -1 when stopped.
   */
  private int slutfor(
      int instans,
      String anvandare,
      String vy,
      String nummer,
      String element,
      Map<String, Object> varden) {
    long sedan = System.nanoTime();
    while (!stopp.get()) {
      Svar lista =
          anrop(
              instans,
              anvandare,
              "GET",
              "/api/uppgifter?vy=" + vy + "&arende=" + nummer + "&typ=" + element,
              null,
              Map.of());
      instans = lista.instans;
      JsonNode uppgift = null;
      for (JsonNode u : lista.kropp) {
        uppgift = u;
      }
      if (uppgift == null) {
        if (System.nanoTime() - sedan > Duration.ofMinutes(3).toNanos()) {
          throw new IllegalStateException(
              "Uppgiften " + element + " för " + nummer + " syntes inte på tre minuter");
        }
        sov(200);
        continue;
      }
      long id = uppgift.path("id").asLong();
      Svar svar =
          anrop(instans, anvandare, "POST", "/api/uppgifter/" + id + "/slutfor", varden, Map.of());
      if (svar.status == 200) {
        inskickadeAvKlienter.add(id);
        return svar.instans;
      }
      if (svar.status == 409 && svar.forsok > 1) {
        // Sent before the connection broke: the earlier attempt was stored.
        omforsokSomRedanVarKlara.incrementAndGet();
        inskickadeAvKlienter.add(id);
        return svar.instans;
      }
      throw new IllegalStateException(
          "Slutför " + element + " för " + nummer + " gav " + svar.status + ": " + svar.kropp);
    }
    return -1;
  }

  private record Svar(int status, JsonNode kropp, int instans, int forsok) {}

  /**
   * One request; on a connection error or 5xx/503 (an instance dying or starting) the same request
   * goes to the other instance, for up to two minutes.
   */
  private Svar anrop(
      int instans,
      String anvandare,
      String metod,
      String sokvag,
      Object kropp,
      Map<String, String> rubriker) {
    long sedan = System.nanoTime();
    int forsok = 0;
    while (true) {
      forsok++;
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create("http://localhost:" + FLERPART[instans] + sokvag))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (anvandare + ":demo").getBytes(StandardCharsets.UTF_8)));
        rubriker.forEach(b::header);
        if (kropp != null) {
          b.header("Content-Type", "application/json")
              .method(metod, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(kropp)));
        } else {
          b.method(metod, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() >= 500) {
          throw new IOException("HTTP " + res.statusCode() + " " + new String(res.body()));
        }
        JsonNode node = res.body().length == 0 ? JSON.nullNode() : JSON.readTree(res.body());
        return new Svar(res.statusCode(), node, instans, forsok);
      } catch (IOException e) {
        anslutningsfel.incrementAndGet();
        forstaFel.compareAndSet(0, System.currentTimeMillis());
        if (System.nanoTime() - sedan > Duration.ofMinutes(2).toNanos()) {
          throw new IllegalStateException(metod + " " + sokvag + " misslyckades: " + e, e);
        }
        instans = 1 - instans;
        sov(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ---------------------------------------------------------------- checks

  private static final class Kontroll {
    int uppgifterSlutforda;
    int inskickade;
    int oppna;
    int formularForlorade;
    int inskickadeKlient;
    int inskickadeKlientForlorade;
    int motornsOppna;
    Set<Long> saknasIListan = new HashSet<>();
    Set<Long> utanJobb = new HashSet<>();
    int dubblaIListan;
    int dubblaIApi;
    int mailIUtkorgen;
    int oskickadeMail;
    int mailKopiorVantade;
    int mailKopiorMottagna;
    int mailForlorade;
    int mailDubbla;
    int utanSteg;
    int arendenOppna;
    int arendenAvslutade;

    Map<String, Object> somKarta() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uppgifterSlutforda", uppgifterSlutforda);
      m.put("formularVantarPaOmforsok", inskickade);
      m.put("formularForlorade", formularForlorade);
      m.put("formularKlienternaFickSvarPa", inskickadeKlient);
      m.put("formularKlienternaFickSvarPaForlorade", inskickadeKlientForlorade);
      m.put("oppnaUppgifterIListan", oppna);
      m.put("oppnaAnvandaruppgiftsjobbIMotorn", motornsOppna);
      m.put("uppgifterSaknasIListan", saknasIListan.size());
      m.put("uppgifterIListanUtanJobb", utanJobb.size());
      m.put("uppgifterDubblaIListan", dubblaIListan);
      m.put("uppgifterDubblaIApiSvaret", dubblaIApi);
      m.put("mailIUtkorgen", mailIUtkorgen);
      m.put("mailOskickade", oskickadeMail);
      m.put("mailKopiorVantade", mailKopiorVantade);
      m.put("mailKopiorMottagna", mailKopiorMottagna);
      m.put("mailForlorade", mailForlorade);
      m.put("mailDubbla", mailDubbla);
      m.put("arendenOppna", arendenOppna);
      m.put("arendenAvslutade", arendenAvslutade);
      m.put("arendenUtanSteg", utanSteg);
      return m;
    }
  }

  private Kontroll kontrollera(Connection db) throws Exception {
    Kontroll k = new Kontroll();
    JsonNode jobb = hamta("http://localhost:" + MOTOR_HTTP + "/jobb");
    Set<Long> motornsOppna = new HashSet<>();
    jobb.path("oppna").forEach(n -> motornsOppna.add(n.asLong()));
    Set<Long> motornsSlutforda = new HashSet<>();
    jobb.path("slutforda").forEach(n -> motornsSlutforda.add(n.asLong()));
    k.motornsOppna = motornsOppna.size();

    Map<Long, String> status = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select id, status from uppgift")) {
      while (rs.next()) {
        status.put(rs.getLong(1), rs.getString(2));
      }
    }
    Set<Long> listan = new HashSet<>();
    for (var e : status.entrySet()) {
      switch (e.getValue()) {
        case "SLUTFORD" -> {
          k.uppgifterSlutforda++;
          if (!motornsSlutforda.contains(e.getKey())) {
            k.formularForlorade++;
          }
        }
        case "INSKICKAD" -> {
          k.inskickade++;
          listan.add(e.getKey());
        }
        case "OPPEN" -> {
          k.oppna++;
          listan.add(e.getKey());
        }
        default -> {}
      }
    }
    k.inskickadeKlient = inskickadeAvKlienter.size();
    for (long id : inskickadeAvKlienter) {
      String s = status.get(id);
      boolean iMotorn = motornsSlutforda.contains(id);
      if (!("SLUTFORD".equals(s) && iMotorn) && !"INSKICKAD".equals(s)) {
        k.inskickadeKlientForlorade++;
      }
    }
    for (long id : motornsOppna) {
      if (!listan.contains(id)) {
        k.saknasIListan.add(id);
      }
    }
    for (long id : listan) {
      if (!motornsOppna.contains(id)) {
        k.utanJobb.add(id);
      }
    }
    k.dubblaIListan =
        heltal(
            db,
            "select count(*) from (select element_instans_nyckel from uppgift"
                + " where status in ('OPPEN','INSKICKAD') group by 1 having count(*) > 1) d");
    k.dubblaIApi = dubblaIApi("anna", "mina") + dubblaIApi("bengt", "grupp");

    // Mail: every outbox row sent, and at the SMTP server once per recipient under its Message-ID.
    Map<String, Integer> mottagna = new HashMap<>();
    for (JsonNode m : hamta("http://localhost:" + SMTP_HTTP + "/mail")) {
      String id = m.path("messageId").asText().replaceAll("^<|@.*$", "");
      mottagna.merge(id, 1, Integer::sum);
    }
    k.mailKopiorMottagna = mottagna.values().stream().mapToInt(Integer::intValue).sum();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select idempotensnyckel, cardinality(mottagare), skickad is not null"
                    + " from mail_utkorg")) {
      while (rs.next()) {
        k.mailIUtkorgen++;
        String id = MeddelandeId.lokaldel(rs.getString(1));
        int vantade = rs.getInt(2);
        int fick = mottagna.getOrDefault(id, 0);
        if (!rs.getBoolean(3)) {
          k.oskickadeMail++;
        }
        k.mailKopiorVantade += vantade;
        k.mailForlorade += Math.max(0, vantade - fick);
        k.mailDubbla += Math.max(0, fick - vantade);
      }
    }
    k.arendenOppna = heltal(db, "select count(*) from arende where avslutad is null");
    k.arendenAvslutade = heltal(db, "select count(*) from arende where avslutad is not null");
    // As the overview's "utan steg" (oversikt/Processoversikt.utanSteg): an open case with no open
    // or submitted task, no planned meeting and no follow-up day awaited.
    k.utanSteg =
        heltal(
            db,
            """
            select count(*) from arende a
            where a.avslutad is null
              and not exists (select 1 from uppgift u
                              where u.arende_id = a.id and u.status in ('OPPEN', 'INSKICKAD'))
              and not exists (select 1 from mote m
                              where m.arende_id = a.id and m.status = 'PLANERAT')
              and not exists (select 1 from uppfoljning_nasta n where n.arende_id = a.id)
            """);
    return k;
  }

  /** Tasks listed more than once in the user's view through the REST API (all pages). */
  private int dubblaIApi(String anvandare, String vy) {
    Set<Long> sedda = new HashSet<>();
    int dubbla = 0;
    for (int sida = 1; ; sida++) {
      Svar svar =
          anrop(
              0,
              anvandare,
              "GET",
              "/api/uppgifter?vy=" + vy + "&storlek=500&sortering=skapad&sida=" + sida,
              null,
              Map.of());
      if (svar.kropp.isEmpty()) {
        return dubbla;
      }
      for (JsonNode u : svar.kropp) {
        if (!sedda.add(u.path("id").asLong())) {
          dubbla++;
        }
      }
      if (sida > 1000) {
        return dubbla;
      }
    }
  }

  /**
   * Kills the engine process once, restarts it, and records what is left: the in-memory engine
   * keeps its state only in its process.
   */
  private Map<String, Object> dodaMotorn(Connection db) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    int oppnaFore = hamta("http://localhost:" + MOTOR_HTTP + "/jobb").path("oppna").size();
    m.put("oppnaJobbFore", oppnaFore);
    // The engine process's largest resident memory so far, its reads of the whole log included.
    m.put("motornsMinneToppMb", minneMb(tjanster.get("motor").pid(), "VmHWM"));
    logg("kill -9 motorn (pid " + tjanster.get("motor").pid() + ")");
    tjanster.get("motor").destroyForcibly().waitFor();
    Svar underTiden = anrop(0, "anna", "GET", "/api/uppgifter?vy=mina", null, Map.of());
    m.put("uppgiftslistanUtanMotor", underTiden.status);
    startaTjanst("motor", MOTOR + "", MOTOR_HTTP + "");
    vanta(
        "motorn",
        Duration.ofSeconds(120),
        () -> last(katalog.resolve("motor.log")).contains("motor redo"));
    sov(5_000);
    m.put(
        "oppnaJobbEfterOmstart",
        hamta("http://localhost:" + MOTOR_HTTP + "/jobb").path("oppna").size());
    m.put(
        "oppnaUppgifterIListanEfterOmstart",
        heltal(db, "select count(*) from uppgift where status = 'OPPEN'"));
    Svar nytt = aktualisera(0, "Efter motorns omstart");
    m.put("nyttArendeUtanOmdriftsattning", nytt.status);
    // The processes are deployed at start: restarting an instance deploys them to the new engine.
    instanser[0].destroy();
    instanser[0].waitFor();
    startaInstans(0);
    vantaFrisk(0);
    Svar efter = aktualisera(0, "Efter omstart av instansen");
    m.put("nyttArendeEfterInstansensOmstart", efter.status);
    // Does each case reach its first task? The start of a case's process is an event resubmitted
    // until the engine takes it.
    long sedan = System.nanoTime();
    boolean forsta = false;
    boolean andra = false;
    while (System.nanoTime() - sedan < Duration.ofSeconds(120).toNanos() && !(forsta && andra)) {
      forsta = forsta || harForstaUppgift(nytt);
      andra = andra || harForstaUppgift(efter);
      sov(2_000);
    }
    m.put("arendetUtanOmdriftsattningFickSinForstaUppgift", forsta);
    m.put("arendetEfterOmstartFickSinForstaUppgift", andra);
    m.put("sekunderTillForstaUppgift", (System.nanoTime() - sedan) / 1_000_000_000);
    return m;
  }

  /**
   * anna registers a case with a fresh Idempotency-Key (the retry to the other instance reuses it).
   */
  private Svar aktualisera(int instans, String skal) {
    return anrop(
        instans,
        "anna",
        "POST",
        "/api/arenden",
        Map.of(
            "personnummer",
            personnummer(),
            "insats",
            "flerpartssamverkan",
            "skal",
            skal,
            "behov",
            List.of("FK", "AF")),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  private boolean harForstaUppgift(Svar skapat) {
    String nummer = skapat.kropp.path("arendenummer").asText();
    return !anrop(
            0,
            "anna",
            "GET",
            "/api/uppgifter?vy=mina&arende=" + nummer + "&typ=inhamta-samtycke",
            null,
            Map.of())
        .kropp
        .isEmpty();
  }

  // ---------------------------------------------------------------- processes

  private void startaTjanst(String namn, String... args) throws IOException {
    ProcessBuilder pb = EgnaTjanster.tjanst(java(), jar, katalog, LOSENORD, namn, args);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(katalog.resolve(namn + ".log").toFile()));
    Path logg = katalog.resolve(namn + ".log");
    if (Files.exists(logg)) {
      // A restart: the earlier run's log is kept beside it.
      Files.move(logg, katalog.resolve(namn + "-" + System.currentTimeMillis() + ".log"));
    }
    tjanster.put(namn, pb.start());
  }

  private void startaInstans(int i) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                java(), "-Xmx512m", "-Djava.io.tmpdir=" + katalog, "-jar", jar.toString())
            .redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(
            katalog.resolve("flerpart-" + (char) ('a' + i) + ".log").toFile()));
    Map<String, String> env = pb.environment();
    env.put("PORT", String.valueOf(FLERPART[i]));
    EgnaTjanster.pekaPa(env, MOTOR, POSTGRES, LOSENORD, KAFKA, SMTP);
    instanser[i] = pb.start();
  }

  private void vantaFrisk(int i) {
    vanta(
        "instans " + (char) ('A' + i),
        Duration.ofSeconds(180),
        () -> {
          try {
            return hamta("http://localhost:" + FLERPART[i] + "/actuator/health/readiness")
                .path("status")
                .asText()
                .equals("UP");
          } catch (Exception e) {
            return false;
          }
        });
  }

  private void stoppaAllt() {
    stopp.set(true);
    for (Process p : instanser) {
      if (p != null) {
        p.destroy();
      }
    }
    for (Process p : instanser) {
      vantaPa(p);
    }
    List<Process> t = new ArrayList<>(tjanster.values());
    java.util.Collections.reverse(t);
    for (Process p : t) {
      p.destroy();
      vantaPa(p);
    }
  }

  private static void vantaPa(Process p) {
    if (p == null) {
      return;
    }
    try {
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void skrivTabell(Map<String, Object> resultat) {
    System.out.println();
    System.out.println("| mått | värde |");
    System.out.println("|---|---|");
    resultat.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    System.out.println();
  }

  private JsonNode hamta(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> res =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return JSON.readTree(res.body());
  }

  private static int heltal(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static final AtomicInteger LOPNUMMER = new AtomicInteger();

  /** A valid personnummer (Luhn), a new one for each case. */
  private static String personnummer() {
    int n = LOPNUMMER.incrementAndGet();
    String datum =
        String.format("19%02d%02d%02d", 50 + (n / 3000) % 40, 1 + (n / 100) % 12, 1 + n % 28);
    String lop = String.format("%03d", (n * 7) % 1000);
    String nio = datum.substring(2) + lop;
    int summa = 0;
    for (int i = 0; i < nio.length(); i++) {
      int d = (nio.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      summa += d > 9 ? d - 9 : d;
    }
    return datum + "-" + lop + ((10 - summa % 10) % 10);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A memory figure of /proc/<pid>/status (VmRSS, VmHWM) in MB, or -1 where there is none. */
  private static long minneMb(long pid, String falt) {
    try {
      return Processminne.kb(pid, falt) / 1024;
    } catch (IOException | RuntimeException e) {
      return -1; // Not Linux, or the process is gone.
    }
  }

  private static String last(Path fil) {
    try {
      return Files.exists(fil) ? Files.readString(fil, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void vanta(String vad, Duration hogst, BooleanSupplier klar) {
    long slut = System.nanoTime() + hogst.toNanos();
    while (!klar.getAsBoolean()) {
      if (System.nanoTime() > slut) {
        throw new IllegalStateException(vad + " blev inte klar på " + hogst.toSeconds() + " s");
      }
      sov(500);
    }
  }

  private static void sov(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void logg(String text) {
    System.out.println(Instant.now() + "  " + text);
  }

  private static void taBort(Path katalog) throws IOException {
    if (!Files.exists(katalog)) {
      return;
    }
    try (var filer = Files.walk(katalog)) {
      for (Path p : filer.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
