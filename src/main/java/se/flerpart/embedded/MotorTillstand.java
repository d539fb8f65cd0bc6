package se.flerpart.embedded;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The embedded engine's state, in place of the in-memory engine's own store.
 *
 * <p>The in-memory engine's store copies its whole state into a new sorted map every time the
 * engine opens an iterator, then walks the copy from the seek key to its very end, also past the
 * prefix asked for; it pads every key to 128 bytes and compares bytes as signed numbers. Under load
 * that copy was about a quarter of the engine's samples, and it grows with every case under way.
 * This store keeps the committed state in one sorted map (safe for the engine's other actors to
 * read while the stream processor commits), each transaction's changes in a small map of their own,
 * and iterates the two merged from the seek key to the end of the prefix only. Keys are the column
 * family's number (eight bytes, big-endian) and the key's own bytes, compared as unsigned bytes, as
 * the broker's RocksDB does; values are stored as written, never changed after.
 *
 * <p>Transactions are as the in-memory engine's: one per context, read committed, the changes
 * written to the state on commit; inside a transaction a read sees its own changes. An iteration
 * sees the transaction's changes as they were when it began (a visitor may change the column family
 * it walks). A Camunda 8 cluster keeps its state in RocksDB and does not use this class.
 */
final class MotorTillstand implements ZeebeDb<ZbColumnFamilies> {

  private static final Comparator<byte[]> ORDNING = Arrays::compareUnsigned;

  /** A key removed in a transaction (compared by identity). */
  private static final byte[] BORTTAGEN = new byte[0];

  private static final int FAMILJ = Long.BYTES;

  private final ConcurrentNavigableMap<byte[], byte[]> data = new ConcurrentSkipListMap<>(ORDNING);

  private final MeterRegistry matare = new SimpleMeterRegistry();

  /**
   * Before {@code engine.start()}: puts a new, empty store in place of the in-memory engine's. True
   * when it is in place; false (with a warning) when this engine version is built differently, and
   * the engine keeps its own store.
   */
  static boolean ersatt(ZeebeTestEngine engine) {
    return MotorloggSynkronisering.ingrepp(
        "Den inbyggda motorns tillstånd kunde inte bytas ut ({}); motorn använder sitt eget,"
            + " som är långsammare under last",
        () -> {
          Object processor = MotorloggSynkronisering.falt(engine, "streamProcessor");
          // Both or neither: checked before anything is replaced.
          MotorloggSynkronisering.falt(processor, "zeebeDb");
          MotorloggSynkronisering.falt(engine, "database");
          MotorTillstand tillstand = new MotorTillstand();
          MotorloggSynkronisering.sattFalt(processor, "zeebeDb", tillstand);
          MotorloggSynkronisering.sattFalt(engine, "database", tillstand);
        });
  }

  /** How many entries the committed state holds. */
  int storlek() {
    return data.size();
  }

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
      ZbColumnFamilies familj, TransactionContext kontext, K nyckel, V varde) {
    if (!(kontext instanceof Kontext egen)) {
      throw new IllegalArgumentException("Okänd transaktionskontext: " + kontext);
    }
    return new Kolumnfamilj<>(familj, egen, nyckel, varde);
  }

  @Override
  public void createSnapshot(File katalog) {
    throw new IllegalStateException("No snapshots supported");
  }

  @Override
  public Optional<String> getProperty(String namn) {
    return Optional.empty();
  }

  @Override
  public TransactionContext createContext() {
    return new Kontext();
  }

  @Override
  public boolean isEmpty(ZbColumnFamilies familj, TransactionContext kontext) {
    return createColumnFamily(familj, kontext, new TomNyckel(), new TomNyckel()).isEmpty();
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return matare;
  }

  @Override
  public void close() {
    data.clear();
  }

  private static boolean borjarMed(byte[] nyckel, byte[] prefix) {
    return nyckel.length >= prefix.length
        && Arrays.equals(nyckel, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** One actor's transactions: one at a time, as the engine uses them. */
  final class Kontext implements TransactionContext {

    private final Transaktion transaktion = new Transaktion();

    @Override
    public void runInTransaction(TransactionOperation operation) {
      try {
        if (transaktion.oppen) {
          operation.run();
        } else {
          transaktion.oppna();
          try {
            operation.run();
            transaktion.commit();
          } catch (Exception e) {
            transaktion.rollback();
            throw e;
          }
        }
      } catch (Exception e) {
        // As the engine's own stores: any failure inside reaches the engine wrapped like this.
        throw new RuntimeException(
            "Unexpected error occurred during zeebe db transaction operation.", e);
      }
    }

    @Override
    public ZeebeDbTransaction getCurrentTransaction() {
      if (!transaktion.oppen) {
        transaktion.oppna();
      }
      return transaktion;
    }

    byte[] las(byte[] nyckel) {
      return transaktion.oppen ? transaktion.las(nyckel) : data.get(nyckel);
    }

    void andra(Consumer<Transaktion> andring) {
      runInTransaction(() -> andring.accept(transaktion));
    }

    /**
     * Visits the entries from {@code fran} on whose keys start with {@code prefix}, in key order,
     * until {@code besok} returns false: the committed state with this transaction's changes over
     * it. Inside a transaction, as the engine's own stores do: with none open, what the visitor
     * changes is committed when the visit ends, and a failure reaches the engine wrapped alike.
     */
    void besok(byte[] fran, byte[] prefix, BiPredicate<byte[], byte[]> besok) {
      runInTransaction(() -> besokITransaktionen(fran, prefix, besok));
    }

    private void besokITransaktionen(
        byte[] fran, byte[] prefix, BiPredicate<byte[], byte[]> besok) {
      List<Map.Entry<byte[], byte[]>> egna = transaktion.fran(fran, prefix);
      Iterator<Map.Entry<byte[], byte[]>> lagrade = data.tailMap(fran, true).entrySet().iterator();
      Map.Entry<byte[], byte[]> lagrad = nasta(lagrade, prefix);
      int i = 0;
      while (lagrad != null || i < egna.size()) {
        Map.Entry<byte[], byte[]> egen = i < egna.size() ? egna.get(i) : null;
        int jamfort =
            lagrad == null
                ? 1
                : egen == null ? -1 : ORDNING.compare(lagrad.getKey(), egen.getKey());
        Map.Entry<byte[], byte[]> post;
        if (jamfort < 0) {
          post = lagrad;
          lagrad = nasta(lagrade, prefix);
        } else {
          post = egen;
          i++;
          if (jamfort == 0) {
            lagrad = nasta(lagrade, prefix);
          }
        }
        if (post.getValue() != BORTTAGEN && !besok.test(post.getKey(), post.getValue())) {
          return;
        }
      }
    }

    private static Map.Entry<byte[], byte[]> nasta(
        Iterator<Map.Entry<byte[], byte[]>> poster, byte[] prefix) {
      if (!poster.hasNext()) {
        return null;
      }
      Map.Entry<byte[], byte[]> post = poster.next();
      return borjarMed(post.getKey(), prefix) ? post : null;
    }
  }

  /** The changes of one transaction, written to the state on commit. */
  final class Transaktion implements ZeebeDbTransaction {

    private final TreeMap<byte[], byte[]> andringar = new TreeMap<>(ORDNING);
    private boolean oppen;

    void oppna() {
      andringar.clear();
      oppen = true;
    }

    @Override
    public void run(TransactionOperation operation) throws Exception {
      operation.run();
    }

    @Override
    public void commit() {
      for (Map.Entry<byte[], byte[]> andring : andringar.entrySet()) {
        if (andring.getValue() == BORTTAGEN) {
          data.remove(andring.getKey());
        } else {
          data.put(andring.getKey(), andring.getValue());
        }
      }
      andringar.clear();
      oppen = false;
    }

    @Override
    public void rollback() {
      andringar.clear();
      oppen = false;
    }

    byte[] las(byte[] nyckel) {
      byte[] andrad = andringar.get(nyckel);
      if (andrad == BORTTAGEN) {
        return null;
      }
      return andrad != null ? andrad : data.get(nyckel);
    }

    void skriv(byte[] nyckel, byte[] varde) {
      andringar.put(nyckel, varde);
    }

    void taBort(byte[] nyckel) {
      andringar.put(nyckel, BORTTAGEN);
    }

    /** This transaction's changes from {@code fran} on within {@code prefix}, as they are now. */
    List<Map.Entry<byte[], byte[]>> fran(byte[] fran, byte[] prefix) {
      if (andringar.isEmpty()) {
        return List.of();
      }
      List<Map.Entry<byte[], byte[]>> egna = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> andring : andringar.tailMap(fran, true).entrySet()) {
        if (!borjarMed(andring.getKey(), prefix)) {
          break;
        }
        egna.add(Map.entry(andring.getKey(), andring.getValue()));
      }
      return egna;
    }
  }

  /** One column family: its keys are the family's number and the key's own bytes. */
  private final class Kolumnfamilj<K extends DbKey, V extends DbValue>
      implements ColumnFamily<K, V> {

    private final ZbColumnFamilies familj;
    private final Kontext kontext;
    private final K nyckel;
    private final V varde;
    private final byte[] familjensPrefix;

    Kolumnfamilj(ZbColumnFamilies familj, Kontext kontext, K nyckel, V varde) {
      this.familj = familj;
      this.kontext = kontext;
      this.nyckel = nyckel;
      this.varde = varde;
      this.familjensPrefix = nyckel(null);
    }

    /** The stored key of {@code k} in this family; the family's prefix when {@code k} is null. */
    private byte[] nyckel(DbKey k) {
      byte[] b = new byte[FAMILJ + (k == null ? 0 : k.getLength())];
      UnsafeBuffer buffer = new UnsafeBuffer(b);
      buffer.putLong(0, familj.ordinal(), ByteOrder.BIG_ENDIAN);
      if (k != null) {
        k.write(buffer, FAMILJ);
      }
      return b;
    }

    private static byte[] varde(DbValue v) {
      byte[] b = new byte[v.getLength()];
      v.write(new UnsafeBuffer(b), 0);
      return b;
    }

    private <T extends DbValue> T las(DbKey k, T instans) {
      byte[] lagrat = kontext.las(nyckel(k));
      if (lagrat == null) {
        return null;
      }
      instans.wrap(new UnsafeBuffer(lagrat), 0, lagrat.length);
      return instans;
    }

    @Override
    public void insert(K k, V v) {
      kontext.andra(
          t -> {
            byte[] n = nyckel(k);
            if (t.las(n) != null) {
              throw new ZeebeDbInconsistentException(
                  "Key " + k + " in ColumnFamily " + familj + " already exists");
            }
            t.skriv(n, varde(v));
          });
    }

    @Override
    public void update(K k, V v) {
      kontext.andra(t -> t.skriv(befintlig(t, k), varde(v)));
    }

    /** The stored key of {@code k}, which must be there as {@code t} sees it. */
    private byte[] befintlig(Transaktion t, K k) {
      byte[] n = nyckel(k);
      if (t.las(n) == null) {
        throw new ZeebeDbInconsistentException(
            "Key " + k + " in ColumnFamily " + familj + " does not exist");
      }
      return n;
    }

    @Override
    public void upsert(K k, V v) {
      kontext.andra(t -> t.skriv(nyckel(k), varde(v)));
    }

    @Override
    public V get(K k) {
      return las(k, varde);
    }

    @Override
    public V get(K k, Supplier<V> ny) {
      byte[] lagrat = kontext.las(nyckel(k));
      if (lagrat == null) {
        return null;
      }
      V v = ny.get();
      v.wrap(new UnsafeBuffer(lagrat), 0, lagrat.length);
      return v;
    }

    @Override
    public void forEach(Consumer<V> besok) {
      forEach((k, v) -> besok.accept(v));
    }

    @Override
    public void forEach(BiConsumer<K, V> besok) {
      besokAlla(null, besok);
    }

    @Override
    public void whileTrue(K fran, KeyValuePairVisitor<K, V> besok) {
      besok(null, fran, besok::visit);
    }

    @Override
    public void whileTrue(KeyValuePairVisitor<K, V> besok) {
      besok(null, null, besok::visit);
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, BiConsumer<K, V> besok) {
      besokAlla(prefix, besok);
    }

    /** Every entry under {@code prefix} (the whole family when null). */
    private void besokAlla(DbKey prefix, BiConsumer<K, V> besok) {
      besok(
          prefix,
          null,
          (k, v) -> {
            besok.accept(k, v);
            return true;
          });
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, KeyValuePairVisitor<K, V> besok) {
      besok(prefix, null, besok::visit);
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, K fran, KeyValuePairVisitor<K, V> besok) {
      besok(prefix, fran, besok::visit);
    }

    /**
     * Visits the family's entries under {@code prefix} (all when null) from {@code fran} on (from
     * the first when null or before the prefix), the key and value wrapped in the family's
     * instances, until {@code besok} returns false.
     */
    private void besok(DbKey prefix, DbKey fran, BiPredicate<K, V> besok) {
      byte[] p = prefix == null ? familjensPrefix : nyckel(prefix);
      byte[] start = p;
      if (fran != null) {
        byte[] f = nyckel(fran);
        if (ORDNING.compare(f, p) > 0) {
          start = f;
        }
      }
      kontext.besok(
          start,
          p,
          (k, v) -> {
            nyckel.wrap(new UnsafeBuffer(k, FAMILJ, k.length - FAMILJ), 0, k.length - FAMILJ);
            varde.wrap(new UnsafeBuffer(v), 0, v.length);
            return besok.test(nyckel, varde);
          });
    }

    @Override
    public void deleteExisting(K k) {
      kontext.andra(t -> t.taBort(befintlig(t, k)));
    }

    @Override
    public void deleteIfExists(K k) {
      kontext.andra(t -> t.taBort(nyckel(k)));
    }

    @Override
    public boolean exists(K k) {
      return kontext.las(nyckel(k)) != null;
    }

    @Override
    public boolean isEmpty() {
      boolean[] tom = {true};
      kontext.besok(
          familjensPrefix,
          familjensPrefix,
          (k, v) -> {
            tom[0] = false;
            return false;
          });
      return tom[0];
    }

    @Override
    public long count() {
      return rakna(familjensPrefix);
    }

    @Override
    public long countEqualPrefix(DbKey prefix) {
      return rakna(nyckel(prefix));
    }

    private long rakna(byte[] prefix) {
      long[] antal = {0};
      kontext.besok(
          prefix,
          prefix,
          (k, v) -> {
            antal[0]++;
            return true;
          });
      return antal[0];
    }

    @Override
    public ColumnFamilyScope partitionScope() {
      return familj.partitionScope();
    }
  }

  /** A key and value of no bytes, for asking whether a family is empty. */
  private static final class TomNyckel implements DbKey, DbValue {

    @Override
    public void wrap(org.agrona.DirectBuffer buffer, int offset, int length) {}

    @Override
    public int getLength() {
      return 0;
    }

    @Override
    public int write(org.agrona.MutableDirectBuffer buffer, int offset) {
      return 0;
    }
  }
}
