package se.flerpart.uppgift;

import java.time.Duration;
import java.util.concurrent.Semaphore;
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
 * This instance signals each change to the tasks it writes once the change is committed; a change
 * written by another instance is found by asking again every {@code kontroll-intervall}. At most
 * {@code max-samtidiga} requests wait at a time, so that waiting never takes every request thread;
 * beyond that a request is answered at once. When the application closes, every wait ends, so that
 * a graceful shutdown is not held up by them.
 */
@Component
public class UppgiftSignal {

  private final ReentrantLock las = new ReentrantLock();
  private final Condition andrad = las.newCondition();
  private final Semaphore platser;
  private final int max;
  private final long kontrollNanos;
  private long generation;
  private volatile boolean stangd;

  UppgiftSignal(
      @Value("${flerpart.uppgift.vanta.kontroll-intervall:10s}") Duration kontrollIntervall,
      @Value("${flerpart.uppgift.vanta.max-samtidiga:100}") int maxSamtidiga) {
    this.kontrollNanos = Math.max(1, kontrollIntervall.toNanos());
    this.max = Math.max(0, maxSamtidiga);
    this.platser = new Semaphore(max);
  }

  /** A task was written: wakes the waiting requests, after the commit when in a transaction. */
  public void andrad() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              vack();
            }
          });
    } else {
      vack();
    }
  }

  /** Wakes the waiting requests now (a change seen elsewhere, or the application closing). */
  void vack() {
    las.lock();
    try {
      generation++;
      andrad.signalAll();
    } finally {
      las.unlock();
    }
  }

  /** Where the changes stand now; pass it to {@link #vanta}. */
  public long generation() {
    las.lock();
    try {
      return generation;
    } finally {
      las.unlock();
    }
  }

  /**
   * Waits until a change after {@code sedan}, the next check for other instances' changes, or
   * {@code gransNanos} (a {@link System#nanoTime()}), whichever comes first. True when the list is
   * to be asked again: a change came, or it is time for the check. False when the wait is over: the
   * deadline came with no change, or the application is closing.
   */
  public boolean vanta(long sedan, long gransNanos) throws InterruptedException {
    long kvar = gransNanos - System.nanoTime();
    if (stangd || kvar <= 0) {
      return false;
    }
    boolean tillGransen = kvar <= kontrollNanos;
    las.lockInterruptibly();
    try {
      long tid = Math.min(kvar, kontrollNanos);
      while (generation == sedan && !stangd && tid > 0) {
        tid = andrad.awaitNanos(tid);
      }
      if (stangd) {
        return false;
      }
      return generation != sedan || !tillGransen;
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
