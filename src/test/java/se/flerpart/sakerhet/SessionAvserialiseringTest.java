package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * A session's security context is deserialised once per stored version, every request still gets a
 * context of its own, and nothing else of a session is kept.
 */
class SessionAvserialiseringTest {

  private final SerializingConverter serialisera = new SerializingConverter();
  private final AtomicInteger avserialiseringar = new AtomicInteger();
  private final Converter<byte[], Object> raknande =
      bytes -> {
        avserialiseringar.incrementAndGet();
        return new DeserializingConverter(getClass().getClassLoader()).convert(bytes);
      };

  private static Anvandare anna(Set<String> roller) {
    return new Anvandare("anna", "Anna Lind", "anna@fk.example", "FK", roller, Set.of());
  }

  private byte[] kontext(Anvandare anvandare) {
    Inloggning in = new Inloggning(anvandare, null);
    return serialisera.convert(
        new SecurityContextImpl(
            UsernamePasswordAuthenticationToken.authenticated(in, null, in.getAuthorities())));
  }

  @Test
  void sammaBytesLasesEnGangOchVarjeBegaranFarEnEgenKontext() {
    var avserialisering = new SessionAvserialisering(raknande);
    byte[] lagrat = kontext(anna(Set.of(Anvandare.HANDLAGGARE)));

    SecurityContext forsta = (SecurityContext) avserialisering.convert(lagrat);
    SecurityContext andra = (SecurityContext) avserialisering.convert(lagrat.clone());

    assertThat(avserialiseringar).hasValue(1);
    assertThat(andra).isNotSameAs(forsta).isEqualTo(forsta);
    assertThat(((Inloggning) andra.getAuthentication().getPrincipal()).anvandare())
        .isEqualTo(anna(Set.of(Anvandare.HANDLAGGARE)));

    // A request that sets another login in its context changes no other request's.
    andra.setAuthentication(null);
    SecurityContext tredje = (SecurityContext) avserialisering.convert(lagrat);
    assertThat(tredje.getAuthentication()).isEqualTo(forsta.getAuthentication());
    assertThat(avserialiseringar).hasValue(1);
  }

  @Test
  void enAndradInloggningArAndraBytesOchLasesPaNytt() {
    var avserialisering = new SessionAvserialisering(raknande);
    avserialisering.convert(kontext(anna(Set.of(Anvandare.HANDLAGGARE))));

    SecurityContext ny =
        (SecurityContext)
            avserialisering.convert(
                kontext(anna(Set.of(Anvandare.HANDLAGGARE, Anvandare.PROCESSLEDARE))));

    assertThat(avserialiseringar).hasValue(2);
    assertThat(((Inloggning) ny.getAuthentication().getPrincipal()).anvandare().roller())
        .contains(Anvandare.PROCESSLEDARE);
  }

  @Test
  void annatISessionenLasesVarjeGang() {
    var avserialisering = new SessionAvserialisering(raknande);
    byte[] token = serialisera.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));

    Object forsta = avserialisering.convert(token);
    Object andra = avserialisering.convert(token);

    assertThat(avserialiseringar).hasValue(2);
    assertThat(andra).isNotSameAs(forsta);
    assertThat(avserialisering.antal()).isZero();
  }

  @Test
  void hogstEttBestamtAntalKontexterHalls() {
    var avserialisering = new SessionAvserialisering(raknande);
    for (int i = 0; i <= SessionAvserialisering.PLATSER; i++) {
      avserialisering.convert(
          kontext(
              new Anvandare("u" + i, "U " + i, "u" + i + "@x.example", "FK", Set.of(), Set.of())));
    }
    assertThat(avserialisering.antal()).isEqualTo(SessionAvserialisering.PLATSER);
  }

  @Test
  void konverteringenSkriverSomForutOchLaserKontextenGenomSessionAvserialisering() {
    var konvertering = SessionAvserialisering.konvertering(getClass().getClassLoader());
    List<String> varde = List.of("a", "b");
    byte[] bytes = konvertering.convert(varde, byte[].class);
    assertThat(bytes).isEqualTo(serialisera.convert(varde));
    assertThat(konvertering.convert(bytes, Object.class)).isEqualTo(varde);

    byte[] lagrat = kontext(anna(Set.of(Anvandare.HANDLAGGARE)));
    Object forsta = konvertering.convert(lagrat, Object.class);
    Object andra = konvertering.convert(lagrat, Object.class);
    assertThat(andra).isNotSameAs(forsta);
    assertThat(((SecurityContext) andra).getAuthentication())
        .isSameAs(((SecurityContext) forsta).getAuthentication());
  }
}
