package se.flerpart.sakerhet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Reads a login session's security context from its stored bytes once, not at every request.
 *
 * <p>Spring Session keeps a session's attributes in PostgreSQL as Java-serialised bytes and
 * deserialises the ones a request asks for at every request: the security context (the login with
 * its user, roles and groups) is asked for by every request of a logged-in user, and its
 * deserialisation was a sixth of what a JSON API request allocated in its own thread. The bytes of
 * a session's context change only when the context does (login, a role change that {@link
 * AktivAnvandareFilter} writes back, logout), so the same bytes give the same context: the context
 * read from them is kept, by the bytes themselves, for the {@value #PLATSER} most recently used.
 *
 * <p>Every request gets a context of its own ({@link SecurityContextImpl} is mutable: a request may
 * set another login in it) around the kept login, which nobody changes after it is made (Flerpart
 * makes a new login instead of changing one). Anything else in a session is read as before. The
 * session is still read from the database at every request, so a logout or a role change on another
 * instance holds at the next request as before: those change the bytes.
 */
final class SessionAvserialisering implements Converter<byte[], Object> {

  /** How many contexts are kept: well above the sessions that are active at once. */
  static final int PLATSER = 2000;

  private final Converter<byte[], Object> avserialisera;

  private final Map<Bytes, SecurityContext> lasta =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, SecurityContext> aldst) {
          return size() > PLATSER;
        }
      };

  SessionAvserialisering(ClassLoader klasser) {
    this(new DeserializingConverter(klasser));
  }

  SessionAvserialisering(Converter<byte[], Object> avserialisera) {
    this.avserialisera = avserialisera;
  }

  /**
   * What Spring Session reads and writes a session's attributes with: Java serialisation, as its
   * default, with the security context read through a {@link SessionAvserialisering}.
   */
  static GenericConversionService konvertering(ClassLoader klasser) {
    GenericConversionService konvertering = new GenericConversionService();
    konvertering.addConverter(Object.class, byte[].class, new SerializingConverter());
    konvertering.addConverter(byte[].class, Object.class, new SessionAvserialisering(klasser));
    return konvertering;
  }

  @Override
  public Object convert(byte[] lagrat) {
    Bytes nyckel = new Bytes(lagrat);
    SecurityContext last;
    synchronized (lasta) {
      last = lasta.get(nyckel);
    }
    if (last != null) {
      return new SecurityContextImpl(last.getAuthentication());
    }
    Object varde = avserialisera.convert(lagrat);
    if (varde != null && varde.getClass() == SecurityContextImpl.class) {
      SecurityContext kontext = (SecurityContext) varde;
      synchronized (lasta) {
        lasta.put(nyckel.kopia(), new SecurityContextImpl(kontext.getAuthentication()));
      }
    }
    return varde;
  }

  /** How many contexts are kept now. */
  int antal() {
    synchronized (lasta) {
      return lasta.size();
    }
  }

  /** Stored bytes as a key: equal when every byte is. */
  private static final class Bytes {

    private final byte[] bytes;
    private final int hash;

    /** A key to look up with; {@link #kopia} is the one to keep. */
    Bytes(byte[] bytes) {
      this(bytes, Arrays.hashCode(bytes));
    }

    private Bytes(byte[] bytes, int hash) {
      this.bytes = bytes;
      this.hash = hash;
    }

    /** The same key over bytes of its own, which nothing else can change. */
    Bytes kopia() {
      return new Bytes(bytes.clone(), hash);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && b.hash == hash && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
