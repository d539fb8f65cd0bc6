package se.flerpart.sakerhet;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security sees it, however they logged in (password in the demo, the
 * identity provider, a bearer token); {@link #anvandare()} is what the domain uses.
 */
public class Inloggning implements UserDetails, CredentialsContainer {

  private final Anvandare anvandare;
  // The stored hash, for the login itself; erased once it has succeeded, so that the login
  // session (kept in the database) never holds it.
  private String losenord;

  public Inloggning(Anvandare anvandare, String losenord) {
    this.anvandare = anvandare;
    this.losenord = losenord;
  }

  public Anvandare anvandare() {
    return anvandare;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        anvandare.roller().stream()
            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r))
            .toList();
    return authorities;
  }

  @Override
  public String getPassword() {
    return losenord;
  }

  @Override
  public String getUsername() {
    return anvandare.id();
  }

  @Override
  public void eraseCredentials() {
    losenord = null;
  }
}
