package se.flerpart.uppgift;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the requests that wait for the task list to change ({@code GET /api/uppgifter?vanta=…}).
 * Each change names the case numbers of the tasks it wrote, and wakes only the requests that wait
 * for one of those cases' tasks, or for a list not limited to one case ({@code arende}): with many
 * clients each waiting for its own case, a change to one case no longer sends every one of them to
 * the database. This instance signals each change to the tasks it writes once the change is
 * committed, and sends it to the other instances with {@code NOTIFY} ({@link #notis}, heard by
 * {@link UppgiftNotifyListener}, which leaves this instance's own notices alone); a change they
 * miss is found by asking again every {@code kontroll-intervall}. A waiting request holds no
 * thread: it is read again on the signal's own two threads ({@link Vantan}). At most {@code
 * max-samtidiga} requests wait at a time, which bounds how many readings one change to any task can
 * cause; beyond that a request is answered at once. A server is not told when a waiting client goes
 * away, so a client may name its wait and end it ({@link #avsluta(String, String)}), as the task
 * list page does when it is left. One client (a login session) keeps at most {@code max-per-klient}
 * of them: its oldest wait beyond that is answered now, which also gives back the places of pages
 * it left without ending their waits. When the application closes, every wait ends, so that a
 * graceful shutdown is not held up by them.
 */
@Component
public class UppgiftSignal {

  /**
   * A {@code NOTIFY} payload may hold 8 000 bytes; a change to more cases' tasks than fit is sent
   * as a change to any.
   */
  static final int MAX_NOTIS = 7_000;

  /**
   * The second line of a notice that ends a named wait on the instance that holds it ({@link
   * #avslutaNotis}); it cannot be a case number, so an instance that does not know it wakes no wait
   * for it.
   */
  static final String AVSLUTA = "avsluta väntan";

  private final ReentrantLock las = new ReentrantLock();

  /**
   * The requests waiting now, each with the case it waits for (or none). Guarded by {@link #las}.
   */
  private final Set<Vantan> vantar = new HashSet<>();

  private final Semaphore platser;
  private final int max;
  private final int maxPerKlient;

  /** Orders the waits by when they started, so that a client's oldest is known. */
  private final AtomicLong startade = new AtomicLong();

  private final long kontrollNanos;

  /** This instance's name in its notices, so that its listener can leave them alone. */
  private final String instans = UUID.randomUUID().toString();

  private volatile boolean stangd;

  /**
   * The threads on which waiting requests read the list again and keep their time: a waiting
   * request holds no request thread of the server.
   */
  private final ScheduledThreadPoolExecutor planerare;

  /** How many times a waiting request was sent to read the list again. */
  private final AtomicLong omlasningar = new AtomicLong();

  /** How many waits their clients ended ({@link #avsluta(String, String)}). */
  private final AtomicLong avslutade = new AtomicLong();

  UppgiftSignal(
      @Value("${flerpart.uppgift.vanta.kontroll-intervall:10s}") Duration kontrollIntervall,
      @Value("${flerpart.uppgift.vanta.max-samtidiga:100}") int maxSamtidiga,
      @Value("${flerpart.uppgift.vanta.max-per-klient:4}") int maxPerKlient) {
    this.kontrollNanos = Math.max(1, kontrollIntervall.toNanos());
    this.max = Math.max(0, maxSamtidiga);
    this.maxPerKlient = Math.max(1, maxPerKlient);
    this.platser = new Semaphore(max);
    AtomicLong tradar = new AtomicLong();
    this.planerare =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "uppgift-vantan-" + tradar.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.planerare.setRemoveOnCancelPolicy(true);
    this.planerare.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** What a waiting request asks of the signal's threads on its behalf. */
  public interface Fraga {

    /**
     * Reads the list (again): true when it is to be answered now (it differs from the client's).
     */
    boolean las();

    /** Answers with the list last read. Called once, unless reading failed. */
    void svara();

    /** Reading the list again failed: the request is to answer with this error. */
    void fel(RuntimeException e);

    /**
     * The client ended the wait ({@link #avsluta(String, String)}): the request is to end without
     * the list, nothing read for it. Called once, instead of {@link #svara()}.
     */
    void avbruten();
  }

  /**
   * One request waiting for the list to change: for one case's tasks ({@code arende}, its number),
   * or for any task. It holds no thread while it waits. Its readings of the list take turns, one at
   * a time, on the signal's threads: once more for each change it waits for (however many came
   * meanwhile), and at each check for changes other instances' notices did not bring. It answers
   * once: when a reading says so, when its time is up (with what it read last, not reading again),
   * or when the application closes; {@link #avsluta} ends it without an answer (its request ended
   * otherwise: the server's time limit, an error).
   */
  public final class Vantan {

    private final String klient;
    private final String anvandare;
    private final String namn;
    private final String arende;
    private final long grans;
    private final Fraga fraga;
    private final long startad = startade.incrementAndGet();
    private final ReentrantLock tur = new ReentrantLock();
    private final AtomicBoolean koad = new AtomicBoolean();
    private final AtomicBoolean slut = new AtomicBoolean();

    /** A change this request waits for came since it last read the list. Guarded by las. */
    private boolean andrad;

    /** The next check's time came. */
    private volatile boolean kontroll;

    private volatile boolean harPlats;
    private volatile Future<?> nasta;

    private Vantan(
        String klient, String anvandare, String namn, String arende, long grans, Fraga fraga) {
      this.klient = klient;
      this.anvandare = anvandare;
      this.namn = namn;
      this.arende = arende;
      this.grans = grans;
      this.fraga = fraga;
    }

    private boolean galler(Set<String> arenden) {
      return arenden == null || arende == null || arenden.contains(arende);
    }

    /**
     * Reads the list the first time, on the calling thread, and answers at once when it is to be
     * answered, or when all places are taken; waits otherwise. The wait is registered before that
     * reading, so that no change after it is missed. A failed reading ends the wait and is thrown.
     */
    private void borja() {
      las.lock();
      try {
        vantar.add(this);
      } finally {
        las.unlock();
      }
      tur.lock();
      try {
        boolean nu = fraga.las();
        harPlats = !nu && taPlats();
        if (nu || !harPlats) {
          svara();
        } else {
          planera();
          maxPerKlient(klient);
        }
      } catch (RuntimeException e) {
        avsluta();
        throw e;
      } finally {
        tur.unlock();
      }
    }

    /** The list is to be read again, once, however many changes came meanwhile. */
    private void koa() {
      if (koad.compareAndSet(false, true)) {
        schemalagg(this::kontrollera, 0);
      }
    }

    private void planera() {
      nasta =
          schemalagg(
              () -> {
                kontroll = true;
                koa();
              },
              Math.min(grans - System.nanoTime(), kontrollNanos));
    }

    private void kontrollera() {
      koad.set(false);
      tur.lock();
      try {
        if (slut.get()) {
          return;
        }
        boolean andring = tagAndring();
        boolean franKlockan = kontroll;
        kontroll = false;
        boolean tidenUte = grans - System.nanoTime() <= 0;
        // At the deadline the list is read again only for a change that came; closing reads
        // nothing.
        boolean andradNu = !stangd && (andring || (franKlockan && !tidenUte)) && lasOm();
        if (stangd || tidenUte || andradNu) {
          svara();
        } else if (franKlockan) {
          planera();
        }
      } catch (RuntimeException e) {
        if (avsluta()) {
          fraga.fel(e);
        }
      } finally {
        tur.unlock();
      }
    }

    private boolean lasOm() {
      omlasningar.incrementAndGet();
      return fraga.las();
    }

    private boolean tagAndring() {
      las.lock();
      try {
        boolean var = andrad;
        andrad = false;
        return var;
      } finally {
        las.unlock();
      }
    }

    private void svara() {
      if (avsluta()) {
        try {
          fraga.svara();
        } catch (RuntimeException e) {
          fraga.fel(e);
        }
      }
    }

    /** Ends the wait at its client's request: no answer with the list ({@link Fraga#avbruten}). */
    private void avbryt() {
      tur.lock();
      try {
        if (avsluta()) {
          fraga.avbruten();
        }
      } finally {
        tur.unlock();
      }
    }

    /** Answers now with what was read last, unless answered already (e.g. a server time limit). */
    public void svaraNu() {
      tur.lock();
      try {
        svara();
      } finally {
        tur.unlock();
      }
    }

    /**
     * Ends the wait, once, without answering: its place, its registration and its next check. True
     * for the call that ended it.
     */
    public boolean avsluta() {
      if (!slut.compareAndSet(false, true)) {
        return false;
      }
      las.lock();
      try {
        vantar.remove(this);
      } finally {
        las.unlock();
      }
      Future<?> f = nasta;
      if (f != null) {
        f.cancel(false);
      }
      if (harPlats) {
        lamnaPlats();
      }
      return true;
    }
  }

  /**
   * A request waits, at most until {@code gransNanos} (a {@link System#nanoTime()}), for a change
   * to the tasks of case {@code arende} (a number), or of any case: see {@link Vantan}. The list is
   * read the first time before this returns, and may be answered already. {@code klient} names the
   * client whose waits are limited to {@code max-per-klient} (its login session), or is null for a
   * client not limited (one without a session, such as a system asking about many cases at once).
   * {@code namn}, when not null, is the name the user {@code anvandare} gave the wait, by which it
   * may end it ({@link #avsluta(String, String)}).
   */
  public Vantan vanta(
      String klient, String anvandare, String namn, String arende, long gransNanos, Fraga fraga) {
    Vantan v = new Vantan(klient, anvandare, namn, arende, gransNanos, fraga);
    v.borja();
    return v;
  }

  /** A wait without a name ({@link #vanta(String, String, String, String, long, Fraga)}). */
  Vantan vanta(String klient, String arende, long gransNanos, Fraga fraga) {
    return vanta(klient, null, null, arende, gransNanos, fraga);
  }

  /** A wait of no client that is limited, without a name. */
  Vantan vanta(String arende, long gransNanos, Fraga fraga) {
    return vanta(null, arende, gransNanos, fraga);
  }

  /**
   * Ends the waits the user {@code anvandare} named {@code namn} (a page that was left, its request
   * gone with it), so that their places are free at once rather than when their answers are due.
   * Nothing more is read for them: the client said it needs no answer ({@link Fraga#avbruten}).
   * Another user's waits of that name are left alone. How many were ended.
   */
  public int avsluta(String anvandare, String namn) {
    List<Vantan> namngivna = new ArrayList<>();
    las.lock();
    try {
      for (Vantan v : vantar) {
        if (namn.equals(v.namn) && anvandare.equals(v.anvandare)) {
          namngivna.add(v);
        }
      }
    } finally {
      las.unlock();
    }
    namngivna.forEach(Vantan::avbryt);
    avslutade.addAndGet(namngivna.size());
    return namngivna.size();
  }

  /**
   * A wait of {@code klient} began: when the client now has more than {@code max-per-klient}, its
   * oldest is answered (on a waiting requests' thread, with what it read last). A client still
   * there asks again; a page left long ago gives back its place.
   */
  private void maxPerKlient(String klient) {
    if (klient == null) {
      return;
    }
    Vantan aldsta = null;
    int antal = 0;
    las.lock();
    try {
      for (Vantan v : vantar) {
        if (klient.equals(v.klient) && v.harPlats) {
          antal++;
          if (aldsta == null || v.startad < aldsta.startad) {
            aldsta = v;
          }
        }
      }
    } finally {
      las.unlock();
    }
    if (antal > maxPerKlient) {
      schemalagg(aldsta::svaraNu, 0);
    }
  }

  /**
   * Tasks of the cases numbered {@code arenden} were written (a task of no case as null): wakes the
   * requests waiting for them, after the commit when in a transaction.
   */
  public void andrad(Collection<String> arenden) {
    Set<String> nummer = new HashSet<>(arenden);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              vack(nummer);
            }
          });
    } else {
      vack(nummer);
    }
  }

  /** Wakes every waiting request now (a change not known in detail, or the application closing). */
  void vack() {
    vack(null);
  }

  /** Wakes the requests waiting for the tasks of {@code arenden}; null: every one. */
  void vack(Set<String> arenden) {
    List<Runnable> vackta = new ArrayList<>();
    las.lock();
    try {
      for (Vantan v : vantar) {
        if (v.galler(arenden)) {
          v.andrad = true;
          vackta.add(v::koa);
        }
      }
    } finally {
      las.unlock();
    }
    vackta.forEach(Runnable::run);
  }

  /**
   * The {@code NOTIFY} payload for a change to the tasks of {@code arenden}: this instance's name,
   * then one case number a line (an empty line for a task of no case); only the name when they do
   * not fit, which the other instances read as a change to any task.
   */
  String notis(Collection<String> arenden) {
    StringBuilder s = new StringBuilder(instans);
    Set<String> nummer = new HashSet<>();
    arenden.forEach(a -> nummer.add(a == null ? "" : a));
    for (String n : nummer) {
      if (n.indexOf('\n') >= 0 || s.length() + n.length() + 1 > MAX_NOTIS) {
        return instans;
      }
      s.append('\n').append(n);
    }
    return s.toString();
  }

  /**
   * The {@code NOTIFY} payload that asks the other instances to end the wait the user {@code
   * anvandare} named {@code namn} ({@link #avsluta(String, String)}): a client's request to end a
   * wait may reach another instance than the one it waits on. Null when either holds a line break.
   */
  String avslutaNotis(String anvandare, String namn) {
    if (anvandare.indexOf('\n') >= 0 || namn.indexOf('\n') >= 0) {
      return null;
    }
    return instans + "\n" + AVSLUTA + "\n" + anvandare + "\n" + namn;
  }

  /**
   * A notice heard on the channel: wakes the requests it concerns, unless this instance sent it
   * (those were woken at its commit). A notice without case numbers (another instance's old
   * version, or too many cases) wakes every request. A notice to end a named wait ({@link
   * #avslutaNotis}) ends it if it waits here.
   */
  void hord(String notis) {
    String[] rader = notis == null ? new String[] {""} : notis.split("\n", -1);
    if (rader[0].equals(instans)) {
      return;
    }
    if (rader.length == 4 && rader[1].equals(AVSLUTA)) {
      avsluta(rader[2], rader[3]);
      return;
    }
    vack(rader.length == 1 ? null : new HashSet<>(Arrays.asList(rader).subList(1, rader.length)));
  }

  /**
   * Runs {@code uppgift} on a waiting requests' thread after {@code nanos}; on the calling thread
   * at once when those threads are stopped (the application closing).
   */
  private Future<?> schemalagg(Runnable uppgift, long nanos) {
    try {
      return planerare.schedule(uppgift, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      uppgift.run();
      return CompletableFuture.completedFuture(null);
    }
  }

  /** A place among the waiting requests, or false when they are all taken. */
  boolean taPlats() {
    return !stangd && platser.tryAcquire();
  }

  void lamnaPlats() {
    platser.release();
  }

  /** How many times, since the start, a waiting request was sent to read the list again. */
  long omlasningar() {
    return omlasningar.get();
  }

  /** How many waits, since the start, their clients ended here. */
  long avslutade() {
    return avslutade.get();
  }

  /** How many requests wait now. */
  int vantande() {
    return max - platser.availablePermits();
  }

  /** How many requests of the user {@code anvandare} wait now. */
  int vantande(String anvandare) {
    las.lock();
    try {
      return (int) vantar.stream().filter(v -> v.harPlats && anvandare.equals(v.anvandare)).count();
    } finally {
      las.unlock();
    }
  }

  @EventListener(ContextClosedEvent.class)
  void stang() {
    stangd = true;
    vack();
  }

  @PreDestroy
  void stoppa() {
    planerare.shutdown();
  }
}
