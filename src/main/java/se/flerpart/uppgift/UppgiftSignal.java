package se.flerpart.uppgift;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
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
 * miss is found by asking again every {@code kontroll-intervall}. At most {@code max-samtidiga}
 * requests wait at a time, so that waiting never takes every request thread; beyond that a request
 * is answered at once. When the application closes, every wait ends, so that a graceful shutdown is
 * not held up by them.
 */
@Component
public class UppgiftSignal {

  /**
   * A {@code NOTIFY} payload may hold 8 000 bytes; a change to more cases' tasks than fit is sent
   * as a change to any.
   */
  static final int MAX_NOTIS = 7_000;

  private final ReentrantLock las = new ReentrantLock();

  /**
   * The requests waiting now, each with the case it waits for (or none). Guarded by {@link #las}.
   */
  private final Set<Vantan> vantar = new HashSet<>();

  private final Semaphore platser;
  private final int max;
  private final long kontrollNanos;

  /** This instance's name in its notices, so that its listener can leave them alone. */
  private final String instans = UUID.randomUUID().toString();

  private volatile boolean stangd;

  /** How many times a waiting request was sent to read the list again. */
  private final AtomicLong omlasningar = new AtomicLong();

  UppgiftSignal(
      @Value("${flerpart.uppgift.vanta.kontroll-intervall:10s}") Duration kontrollIntervall,
      @Value("${flerpart.uppgift.vanta.max-samtidiga:100}") int maxSamtidiga) {
    this.kontrollNanos = Math.max(1, kontrollIntervall.toNanos());
    this.max = Math.max(0, maxSamtidiga);
    this.platser = new Semaphore(max);
  }

  /**
   * One request waiting for the list to change: for one case's tasks ({@code arende}, its number),
   * or for any task. Taken before the list is first read, so that no change after that read is
   * missed; closed when the request is answered.
   */
  public final class Vantan implements AutoCloseable {

    private final String arende;
    private final Condition vackt = las.newCondition();

    /** A change this request waits for came since it last read the list. Guarded by las. */
    private boolean andrad;

    private Vantan(String arende) {
      this.arende = arende;
    }

    private boolean galler(Set<String> arenden) {
      return arenden == null || arende == null || arenden.contains(arende);
    }

    @Override
    public void close() {
      las.lock();
      try {
        vantar.remove(this);
      } finally {
        las.unlock();
      }
    }
  }

  /** Starts a wait for changes to the tasks of case {@code arende} (a number), or of any case. */
  public Vantan vantan(String arende) {
    las.lock();
    try {
      Vantan v = new Vantan(arende);
      vantar.add(v);
      return v;
    } finally {
      las.unlock();
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
    las.lock();
    try {
      for (Vantan v : vantar) {
        if (v.galler(arenden)) {
          v.andrad = true;
          v.vackt.signal();
        }
      }
    } finally {
      las.unlock();
    }
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
   * A notice heard on the channel: wakes the requests it concerns, unless this instance sent it
   * (those were woken at its commit). A notice without case numbers (another instance's old
   * version, or too many cases) wakes every request.
   */
  void hord(String notis) {
    String[] rader = notis == null ? new String[] {""} : notis.split("\n", -1);
    if (rader[0].equals(instans)) {
      return;
    }
    vack(rader.length == 1 ? null : new HashSet<>(Arrays.asList(rader).subList(1, rader.length)));
  }

  /**
   * Waits until a change {@code vantan} waits for came since the list was last read, the next check
   * for changes other instances' notices did not bring, or {@code gransNanos} (a {@link
   * System#nanoTime()}), whichever comes first. True when the list is to be read again: a change
   * came, or it is time for the check. False when the wait is over: the deadline came with no
   * change, or the application is closing.
   */
  public boolean vanta(Vantan vantan, long gransNanos) throws InterruptedException {
    long kvar = gransNanos - System.nanoTime();
    if (stangd || kvar <= 0) {
      return false;
    }
    boolean tillGransen = kvar <= kontrollNanos;
    las.lockInterruptibly();
    try {
      long tid = Math.min(kvar, kontrollNanos);
      while (!vantan.andrad && !stangd && tid > 0) {
        tid = vantan.vackt.awaitNanos(tid);
      }
      if (stangd) {
        return false;
      }
      boolean andrad = vantan.andrad;
      vantan.andrad = false;
      if (andrad || !tillGransen) {
        omlasningar.incrementAndGet();
        return true;
      }
      return false;
    } finally {
      las.unlock();
    }
  }

  /** A place among the waiting requests, or false when they are all taken. */
  public boolean taPlats() {
    return !stangd && platser.tryAcquire();
  }

  public void lamnaPlats() {
    platser.release();
  }

  /** How many times, since the start, a waiting request was sent to read the list again. */
  long omlasningar() {
    return omlasningar.get();
  }

  /** How many requests wait now. */
  int vantande() {
    return max - platser.availablePermits();
  }

  @EventListener(ContextClosedEvent.class)
  void stang() {
    stangd = true;
    vack();
  }
}
