package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo mailbox's page shows a mail's web addresses as links, as a mail program would. */
class DevMailLankarTest {

  @Test
  void adressernaBlirLankarOchTextenBlirKvarSomDenVar() {
    String text =
        "Tid: fredag\nVideolänk: https://mote.example/flerpart\n"
            + "Svara: http://localhost:8080/svar/AbC-1_x.yZ\n\nLänken är personlig.";
    var delar = DevController.delar(text);
    assertThat(delar)
        .containsExactly(
            new DevController.Del("Tid: fredag\nVideolänk: ", false),
            new DevController.Del("https://mote.example/flerpart", true),
            new DevController.Del("\nSvara: ", false),
            new DevController.Del("http://localhost:8080/svar/AbC-1_x.yZ", true),
            new DevController.Del("\n\nLänken är personlig.", false));
    assertThat(String.join("", delar.stream().map(DevController.Del::text).toList()))
        .isEqualTo(text);
  }

  @Test
  void skiljetecknetEfterEnAdressHorTillTexten() {
    assertThat(DevController.delar("Se https://exempel.se/a. Eller (https://exempel.se/b), tack"))
        .containsExactly(
            new DevController.Del("Se ", false),
            new DevController.Del("https://exempel.se/a", true),
            new DevController.Del(". Eller (", false),
            new DevController.Del("https://exempel.se/b", true),
            new DevController.Del("), tack", false));
  }

  @Test
  void ingenAdressIngenLank() {
    assertThat(DevController.delar("Kallad av: Anna Lind (anna@fk.example)"))
        .containsExactly(new DevController.Del("Kallad av: Anna Lind (anna@fk.example)", false));
    assertThat(DevController.delar("javascript:alert(1) ftp://x.se"))
        .extracting("lank")
        .containsOnly(false);
    assertThat(DevController.delar(null)).isEmpty();
    assertThat(DevController.delar("")).isEmpty();
  }
}
