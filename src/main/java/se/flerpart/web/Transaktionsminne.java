package se.flerpart.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction has already read of the rows it reads again and again: the users,
 * the parts, the insatser, the cases, the meetings and their kallelser. A job that mails a kallelse
 * looked the same user up five times and read the parts twice, a submitted form read its case up to
 * eight times, and each read was a round trip to PostgreSQL; within one transaction the first read
 * now serves the rest.
 *
 * <p>Only inside a transaction: outside one (the check of every request that the user is still
 * active, for instance) every call reads the database, as before. The memory ends with the
 * transaction. Every write to these tables goes through {@link #skriv}, which forgets what the
 * transaction has read, so that a read after a write in the same transaction sees the write; a
 * transaction never sees less than it would have without the memory, except another transaction's
 * commit between two of its reads of the same row (as under {@code REPEATABLE READ}).
 */
public final class Transaktionsminne {

  /** The key the transaction's memory is bound under. */
  private static final Object NYCKEL = new Object();

  private Transaktionsminne() {}

  /**
   * What {@code las} reads for {@code nyckel} in the table {@code tabell}, read once per
   * transaction; {@code las} must not return {@code null} (an {@code Optional} for "none"). A
   * {@code null} key is read every time, as the query it stands for finds nothing.
   */
  @SuppressWarnings("unchecked")
  public static <T> T las(String tabell, Object nyckel, Supplier<T> las) {
    Map<List<Object>, Object> minne = nyckel == null ? null : minne();
    if (minne == null) {
      return las.get();
    }
    List<Object> vad = List.of(tabell, nyckel);
    Object last = minne.get(vad);
    if (last == null) {
      last = las.get();
      minne.put(vad, last);
    }
    return (T) last;
  }

  /**
   * Keeps {@code varde}, just read (under a lock, say), as what the transaction has read for {@code
   * nyckel} in {@code tabell}, in place of anything read before; returns it.
   */
  public static <T> T minns(String tabell, Object nyckel, T varde) {
    Map<List<Object>, Object> minne = nyckel == null ? null : minne();
    if (minne != null) {
      minne.put(List.of(tabell, nyckel), varde);
    }
    return varde;
  }

  /**
   * A statement that writes one of the tables the memory holds rows of: the transaction forgets
   * everything it has read, so that it reads its own write. Every such write goes through here.
   */
  public static JdbcClient.StatementSpec skriv(JdbcClient jdbc, String sql) {
    glom();
    return jdbc.sql(sql);
  }

  private static void glom() {
    if (TransactionSynchronizationManager.getResource(NYCKEL) instanceof Map<?, ?> minne) {
      minne.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<List<Object>, Object> minne() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Object bundet = TransactionSynchronizationManager.getResource(NYCKEL);
    if (bundet != null) {
      return (Map<List<Object>, Object>) bundet;
    }
    Map<List<Object>, Object> minne = new HashMap<>();
    TransactionSynchronizationManager.bindResource(NYCKEL, minne);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NYCKEL);
          }
        });
    return minne;
  }
}
