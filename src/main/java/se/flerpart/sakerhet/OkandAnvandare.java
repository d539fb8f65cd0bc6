package se.flerpart.sakerhet;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider vouched for someone Flerpart cannot let in: no such user, an inactive one,
 * or one without a part or a role. Carries the identifying claim's value to show the person
 * themself, never to log.
 */
class OkandAnvandare extends AuthenticationException {

  private final String identitet;

  OkandAnvandare(String meddelande, String identitet) {
    super(meddelande);
    this.identitet = identitet;
  }

  String identitet() {
    return identitet;
  }
}
