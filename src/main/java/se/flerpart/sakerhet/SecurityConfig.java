package se.flerpart.sakerhet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for the pages and HTTP Basic for {@code /api}, both only in the demo profile with the
 * demo users. Outside it nobody logs in until an OIDC provider is configured.
 */
@Configuration
class SecurityConfig {

  static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, Environment environment) throws Exception {
    boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Flerpart");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**",
                        "/login",
                        "/svar/**",
                        "/api/kallelsesvar/**",
                        "/css/**",
                        "/js/**",
                        "/vendor/**",
                        "/favicon.ico",
                        "/error",
                        "/v3/api-docs/**",
                        "/api-dokumentation/**",
                        "/swagger-ui/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // A client that authenticates with a header carries no session cookie, so it needs no CSRF
        // token; pages and their scripts send one.
        // The answer API is authorised by the signed token in its path, not by a session.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    r ->
                        r.getHeader("Authorization") != null
                            || r.getRequestURI().startsWith("/api/kallelsesvar/")))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                    demo ? basic : new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API));
    if (demo) {
      http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
          .httpBasic(b -> b.authenticationEntryPoint(basic))
          .logout(logout -> logout.logoutSuccessUrl("/login?utloggad"));
    }
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(AnvandareRepository anvandare) {
    return id ->
        anvandare
            .hitta(id)
            .flatMap(a -> anvandare.losenord(id).map(l -> new Inloggning(a, l)))
            .orElseThrow(() -> new UsernameNotFoundException("Okänd användare"));
  }
}
