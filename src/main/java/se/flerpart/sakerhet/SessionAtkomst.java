package se.flerpart.sakerhet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;

/**
 * Writes a login session's last access to the database at most once per {@code
 * flerpart.session.atkomst-upplosning} (one minute; never more than a tenth of the session's
 * timeout) instead of at every request.
 *
 * <p>Spring Session sets the last access of the session a request uses, and that change alone made
 * every request of a logged-in user (each page, each API call, each wait for the task list) end
 * with a transaction of its own that updated the session's row in PostgreSQL. A session is now
 * written when something in it changes (login, logout, an attribute, its id) or when its last
 * access in the database is at least the resolution old. A session therefore expires at most that
 * much earlier than its timeout ({@code server.servlet.session.timeout}, eight hours) after the
 * user's last request; the session is still read from the database at every request, so a logout or
 * an expiry on one instance holds on every other at once. {@code 0s} writes at every request, as
 * before.
 *
 * <p>It also reads a session from the database once per request, not twice. Spring Session stores
 * the session when the response is committed (the body written) and once more when its filter ends,
 * and the second time it looks the requested session up again only to compare its id with the
 * session's (spring-session issue 1731): a transaction of its own, with a query of the session and
 * its attributes, at the end of every request. Within one request ({@link Forfragan}, the filter
 * around Spring Session's), a session this request stored is handed back as it was stored when the
 * same id is asked for again; the first lookup of each request always reads the database, so a
 * change made on another instance is seen at the next request as before.
 */
@Component
class SessionAtkomst implements BeanPostProcessor {

  /**
   * The sessions the current request stored, by id; {@code null} outside a request's {@link
   * Forfragan}.
   */
  private static final ThreadLocal<Map<String, Session>> LAGRADE = new ThreadLocal<>();

  private final Duration upplosning;

  SessionAtkomst(@Value("${flerpart.session.atkomst-upplosning:1m}") Duration upplosning) {
    if (upplosning.isNegative()) {
      throw new IllegalArgumentException(
          "flerpart.session.atkomst-upplosning får inte vara negativ: " + upplosning);
    }
    this.upplosning = upplosning;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String namn) {
    if (bean instanceof JdbcIndexedSessionRepository jdbc && !upplosning.isZero()) {
      return new Repository<>(jdbc, upplosning);
    }
    return bean;
  }

  /** The JDBC repository, handing out sessions that pass on only a last access worth writing. */
  static final class Repository<S extends Session>
      implements FindByIndexNameSessionRepository<Repository.GlesSession<S>> {

    private final FindByIndexNameSessionRepository<S> jdbc;
    private final Duration upplosning;

    Repository(FindByIndexNameSessionRepository<S> jdbc, Duration upplosning) {
      this.jdbc = jdbc;
      this.upplosning = upplosning;
    }

    @Override
    public GlesSession<S> createSession() {
      return new GlesSession<>(jdbc.createSession(), upplosning);
    }

    @Override
    public void save(GlesSession<S> session) {
      jdbc.save(session.jdbc);
      Map<String, Session> lagrade = LAGRADE.get();
      if (lagrade != null) {
        lagrade.put(session.getId(), session);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public GlesSession<S> findById(String id) {
      Map<String, Session> lagrade = LAGRADE.get();
      if (lagrade != null && lagrade.get(id) instanceof GlesSession<?> lagrad) {
        return (GlesSession<S>) lagrad;
      }
      S session = jdbc.findById(id);
      return session == null ? null : new GlesSession<>(session, upplosning);
    }

    @Override
    public void deleteById(String id) {
      Map<String, Session> lagrade = LAGRADE.get();
      if (lagrade != null) {
        lagrade.remove(id);
      }
      jdbc.deleteById(id);
    }

    @Override
    public Map<String, GlesSession<S>> findByIndexNameAndIndexValue(
        String indexName, String indexValue) {
      Map<String, GlesSession<S>> sessioner = new LinkedHashMap<>();
      jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
          .forEach((id, s) -> sessioner.put(id, new GlesSession<>(s, upplosning)));
      return sessioner;
    }

    /** A session whose last access changes only when the change is worth a write. */
    static final class GlesSession<S extends Session> implements Session {

      private final S jdbc;
      private final Duration upplosning;

      GlesSession(S jdbc, Duration upplosning) {
        this.jdbc = jdbc;
        this.upplosning = upplosning;
      }

      @Override
      public void setLastAccessedTime(Instant tid) {
        Duration tiondel = jdbc.getMaxInactiveInterval().dividedBy(10);
        Duration grans = tiondel.compareTo(upplosning) < 0 ? tiondel : upplosning;
        if (Duration.between(jdbc.getLastAccessedTime(), tid).compareTo(grans) >= 0) {
          jdbc.setLastAccessedTime(tid);
        }
      }

      @Override
      public String getId() {
        return jdbc.getId();
      }

      @Override
      public String changeSessionId() {
        return jdbc.changeSessionId();
      }

      @Override
      public <T> T getAttribute(String namn) {
        return jdbc.getAttribute(namn);
      }

      @Override
      public Set<String> getAttributeNames() {
        return jdbc.getAttributeNames();
      }

      @Override
      public void setAttribute(String namn, Object varde) {
        jdbc.setAttribute(namn, varde);
      }

      @Override
      public void removeAttribute(String namn) {
        jdbc.removeAttribute(namn);
      }

      @Override
      public Instant getCreationTime() {
        return jdbc.getCreationTime();
      }

      @Override
      public Instant getLastAccessedTime() {
        return jdbc.getLastAccessedTime();
      }

      @Override
      public void setMaxInactiveInterval(Duration intervall) {
        jdbc.setMaxInactiveInterval(intervall);
      }

      @Override
      public Duration getMaxInactiveInterval() {
        return jdbc.getMaxInactiveInterval();
      }

      @Override
      public boolean isExpired() {
        return jdbc.isExpired();
      }
    }
  }

  /**
   * The scope of one request for the sessions it stored: put around Spring Session's filter, so
   * that nothing stored in one request is handed to the next on the same thread. An error page,
   * which the container renders after the request's filters have returned, reads the session again
   * as before.
   */
  @Component
  static final class Forfragan implements Filter, Ordered {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      LAGRADE.set(new HashMap<>());
      try {
        chain.doFilter(request, response);
      } finally {
        LAGRADE.remove();
      }
    }

    @Override
    public int getOrder() {
      return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }
  }
}
