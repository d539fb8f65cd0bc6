package se.flerpart.sakerhet;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may log in, and how. Through the organisation's identity provider (OpenID Connect for the
 * pages, JWT bearer tokens for {@code /api}) whenever {@code flerpart.oidc.issuer} is set, in every
 * profile. In the demo profile also with the demo users' passwords (the login form for the pages,
 * HTTP Basic for {@code /api}); outside it there is no password login at all, and {@link
 * Startkontroll} stops a start without an identity provider.
 */
@Configuration
class SecurityConfig {

  static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

  /**
   * What the pages may load: nothing from elsewhere, and no inline script (form-js and bpmn-js set
   * inline styles). Free text such as an {@code <img src>} in a skäl cannot fetch from elsewhere.
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'"
          + " 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; frame-ancestors 'none'";

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      Environment environment,
      OidcInstallningar oidc,
      OidcKoppling koppling,
      AnvandareRepository anvandare,
      InloggningsSparr sparr,
      ObjectMapper json)
      throws Exception {
    boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Flerpart");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**",
                        "/login",
                        OkandAnvandareController.SIDA,
                        "/svar/**",
                        "/k/*",
                        // The personal calendar feed: authorised by the secret token in its path.
                        "/kalender/*",
                        "/api/kallelsesvar/**",
                        "/css/**",
                        "/js/**",
                        "/vendor/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/v3/api-docs/**",
                        "/api-dokumentation/**",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus")
                    .access(new MetrikAtkomst(environment.getProperty("flerpart.metrik.token")))
                    .anyRequest()
                    .authenticated())
        // Only an API client that authenticates with a header (a bearer token, or Basic in the
        // demo) carries no session cookie and so needs no CSRF token; pages and their scripts send
        // one, and an HTML route never skips it. The answer API is authorised by the signed token
        // in its path, not by a session.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    r ->
                        (API.matches(r) && r.getHeader("Authorization") != null)
                            || r.getRequestURI().startsWith("/api/kallelsesvar/")))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    // The answer links carry their token in the path: never send it on.
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                    // HSTS is sent on requests that came over TLS (Spring Security's default).
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                        demo ? basic : new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API)
                    // The error page says why (e.g. a form whose CSRF token has expired).
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
                          response.sendError(HttpStatus.FORBIDDEN.value());
                        }))
        .logout(logout -> logout.logoutSuccessHandler(lokalUtloggning()))
        .addFilterBefore(new AktivAnvandareFilter(anvandare), AuthorizationFilter.class);
    if (demo) {
      http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
          .httpBasic(b -> b.authenticationEntryPoint(basic))
          .addFilterBefore(
              new InloggningsSparrFilter(sparr), UsernamePasswordAuthenticationFilter.class);
    }
    if (oidc.aktiv()) {
      oidc(http, oidc, koppling, json);
    }
    return http.build();
  }

  private static void oidc(
      HttpSecurity http, OidcInstallningar oidc, OidcKoppling koppling, ObjectMapper json)
      throws Exception {
    UpptacktKlient klient = new UpptacktKlient(oidc);
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(
            klient,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    OidcUserService oidcAnvandare = new OidcUserService();
    OAuth2UserService<OidcUserRequest, OidcUser> flerpartAnvandare =
        request -> {
          OidcUser user = oidcAnvandare.loadUser(request);
          return new OidcInloggning(
              koppling.anvandare(user.getClaims()), user.getIdToken(), user.getUserInfo());
        };
    http.oauth2Login(
        login ->
            login
                .loginPage("/login")
                .clientRegistrationRepository(klient)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                .userInfoEndpoint(u -> u.oidcUserService(flerpartAnvandare))
                .defaultSuccessUrl("/", false)
                .failureHandler(
                    (request, response, e) -> {
                      // Never a half-working session: whoever the provider vouched for, nobody is
                      // logged in to Flerpart.
                      HttpSession session = request.getSession(false);
                      if (session != null) {
                        session.invalidate();
                      }
                      if (e instanceof OkandAnvandare okand) {
                        request.setAttribute("orsak", okand.getMessage());
                        request.setAttribute("identitet", okand.identitet());
                        request
                            .getRequestDispatcher(OkandAnvandareController.SIDA)
                            .forward(request, response);
                      } else {
                        response.sendRedirect(request.getContextPath() + "/login?oidcfel");
                      }
                    }));
    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    TokenFel tokenFel = new TokenFel(json);
    http.oauth2ResourceServer(
        rs ->
            rs.bearerTokenResolver(r -> API.matches(r) ? bearer.resolve(r) : null)
                .authenticationEntryPoint(tokenFel)
                .jwt(
                    jwt ->
                        jwt.decoder(jwtDecoder(oidc))
                            .jwtAuthenticationConverter(
                                token -> {
                                  Inloggning in =
                                      new Inloggning(koppling.anvandare(token.getClaims()), null);
                                  return UsernamePasswordAuthenticationToken.authenticated(
                                      in, token, in.getAuthorities());
                                })));
    http.logout(logout -> logout.logoutSuccessHandler(utloggning(klient)));
  }

  /**
   * API tokens from Flerpart's provider, signed with its keys, still valid, and meant for Flerpart
   * (the configured audience). The keys are fetched at the first call, not at start.
   */
  private static JwtDecoder jwtDecoder(OidcInstallningar oidc) {
    OAuth2TokenValidator<Jwt> mottagare =
        token -> {
          List<String> aud = token.getAudience();
          return aud != null && aud.contains(oidc.audience())
              ? OAuth2TokenValidatorResult.success()
              : OAuth2TokenValidatorResult.failure(
                  new OAuth2Error(
                      "invalid_token", "The aud claim does not name " + oidc.audience(), null));
        };
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuer()).build();
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  JwtValidators.createDefaultWithIssuer(oidc.issuer()), mottagare));
          return decoder;
        });
  }

  private static LogoutSuccessHandler lokalUtloggning() {
    SimpleUrlLogoutSuccessHandler lokal = new SimpleUrlLogoutSuccessHandler();
    lokal.setDefaultTargetUrl("/login?utloggad");
    return lokal;
  }

  /**
   * Logging out of Flerpart also ends the session at the identity provider (RP-initiated logout),
   * which then sends the user back to the login page. A demo user logged in with a password just
   * lands there.
   */
  private static LogoutSuccessHandler utloggning(UpptacktKlient klient) {
    OidcClientInitiatedLogoutSuccessHandler idp =
        new OidcClientInitiatedLogoutSuccessHandler(klient);
    idp.setPostLogoutRedirectUri("{baseUrl}/login?utloggad");
    idp.setDefaultTargetUrl("/login?utloggad");
    LogoutSuccessHandler lokal = lokalUtloggning();
    return (request, response, authentication) -> {
      try {
        idp.onLogoutSuccess(request, response, authentication);
      } catch (UpptacktKlient.IdentitetsleverantorNere e) {
        lokal.onLogoutSuccess(request, response, authentication);
      }
    };
  }

  /**
   * No observation of each security filter, authentication and authorization: with the metrics
   * registry present Spring Security otherwise wraps every filter of the chain in an observation
   * per request, a measurable share of a request's time under load, for timers no one reads. The
   * requests themselves are still timed ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * How Spring Session reads and writes the sessions' attributes: as its default, with the security
   * context read once per stored version ({@link SessionAvserialisering}).
   */
  @Bean("springSessionConversionService")
  static GenericConversionService springSessionConversionService(
      ConfigurableListableBeanFactory beanFactory) {
    return SessionAvserialisering.konvertering(beanFactory.getBeanClassLoader());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new LosenordsCache(PasswordEncoderFactories.createDelegatingPasswordEncoder());
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
