package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * Static check of docker/compose.yaml and docker/Dockerfile. No Docker engine runs on the build
 * machines, so these files cannot be started here; this test keeps them consistent with each other
 * and with the configuration the application reads.
 */
class DockerFilesTest {

  private static final Path COMPOSE = Path.of("docker", "compose.yaml");
  private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
  private static final Path APPLICATION_YAML =
      Path.of("src", "main", "resources", "application.yaml");

  private static final List<String> SERVICES =
      List.of("flerpart", "postgres", "camunda", "kafka", "mailpit", "keycloak");

  /** The variables the flerpart service is configured through (and nothing else). */
  private static final List<String> FLERPART_VARIABLES =
      List.of(
          "SPRING_DATASOURCE_URL",
          "SPRING_DATASOURCE_USERNAME",
          "SPRING_DATASOURCE_PASSWORD",
          "CAMUNDA_CLIENT_MODE",
          "CAMUNDA_CLIENT_GRPC_ADDRESS",
          "CAMUNDA_CLIENT_REST_ADDRESS",
          "CAMUNDA_CLIENT_PREFER_REST_OVER_GRPC",
          "SPRING_KAFKA_BOOTSTRAP_SERVERS",
          "FLERPART_HANDELSE_KALLA",
          "SPRING_MAIL_HOST",
          "SPRING_MAIL_PORT",
          "FLERPART_KRYPTERING_NYCKEL",
          "FLERPART_KALLELSE_TOKEN_NYCKEL",
          "FLERPART_OIDC_ISSUER",
          "FLERPART_OIDC_CLIENT_ID",
          "FLERPART_OIDC_CLIENT_SECRET",
          "FLERPART_FORSTA_ADMINISTRATOR",
          "SPRING_PROFILES_ACTIVE");

  /**
   * Standard Spring Boot and Camunda starter properties the application may be given without naming
   * them in application.yaml. Each must be documented in a starter's configuration metadata
   * (checked below), so a typo or a property renamed by an upgrade fails here.
   */
  private static final Set<String> STANDARD_PROPERTIES =
      Set.of(
          "spring.profiles.active",
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "spring.kafka.bootstrap-servers",
          "spring.mail.host",
          "spring.mail.port",
          "spring.mail.username",
          "spring.mail.password",
          "camunda.client.mode",
          "camunda.client.grpc-address",
          "camunda.client.rest-address",
          "camunda.client.prefer-rest-over-grpc");

  @Test
  void composeDefinesTheStack() throws IOException {
    assertThat(services()).containsKeys(SERVICES.toArray(String[]::new));
    assertThat(image("postgres")).startsWith("postgres:17");
    assertThat(image("camunda")).matches("camunda/camunda:8\\.8\\.\\d+");
    assertThat(image("kafka")).matches("apache/kafka:3\\.9\\.\\d+");
    assertThat(image("mailpit")).startsWith("axllent/mailpit:");

    Map<String, Object> build = map(service("flerpart").get("build"));
    assertThat(build)
        .containsEntry("context", "..")
        .containsEntry("dockerfile", "docker/Dockerfile");

    assertThat(ports("flerpart")).contains("8080:8080");
    assertThat(ports("camunda")).contains("26500:26500", "8088:8080");
    assertThat(ports("mailpit")).contains("1025:1025", "8025:8025");
    // The parties' systems on the host reach the broker on its EXTERNAL listener.
    assertThat(ports("kafka")).contains("9094:9094");
    Map<String, String> kafka = environment("kafka");
    assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
        .contains("PLAINTEXT://kafka:9092", "EXTERNAL://localhost:9094");
    assertThat(kafka.get("KAFKA_LISTENERS")).contains("EXTERNAL://:9094");
    assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("EXTERNAL:PLAINTEXT");
    assertThat(volumes("postgres")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
    assertThat(map(services().get("postgres")).get("healthcheck")).isNotNull();
  }

  @Test
  void flerpartIsConfiguredThroughTheExpectedVariables() throws IOException {
    Map<String, String> env = environment("flerpart");

    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(FLERPART_VARIABLES);
    assertThat(env)
        .containsEntry("CAMUNDA_CLIENT_MODE", "self-managed")
        .containsEntry("CAMUNDA_CLIENT_GRPC_ADDRESS", "http://camunda:26500")
        .containsEntry("CAMUNDA_CLIENT_REST_ADDRESS", "http://camunda:8080")
        .containsEntry("CAMUNDA_CLIENT_PREFER_REST_OVER_GRPC", "false")
        .as("the stack runs without the demo profile, so without demo users and passwords")
        .containsEntry("SPRING_PROFILES_ACTIVE", "drift");
  }

  @Test
  void flerpartPointsAtServicesOfTheStack() throws IOException {
    Map<String, String> env = environment("flerpart");
    assertThat(env)
        .containsKeys(
            "SPRING_DATASOURCE_URL",
            "CAMUNDA_CLIENT_GRPC_ADDRESS",
            "CAMUNDA_CLIENT_REST_ADDRESS",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_MAIL_HOST");
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add(URI.create(env.get("SPRING_DATASOURCE_URL").replaceFirst("^jdbc:", "")).getHost());
    hosts.add(URI.create(env.get("CAMUNDA_CLIENT_GRPC_ADDRESS")).getHost());
    hosts.add(URI.create(env.get("CAMUNDA_CLIENT_REST_ADDRESS")).getHost());
    for (String server : env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")) {
      hosts.add(server.trim().split(":")[0]);
    }
    hosts.add(env.get("SPRING_MAIL_HOST"));

    assertThat(hosts).doesNotContainNull().isSubsetOf(services().keySet());
  }

  @Test
  void everyDependsOnTargetIsADefinedServiceWithAHealthcheckWhenWaitedOn() throws IOException {
    Map<String, Object> services = services();
    for (Map.Entry<String, Object> service : services.entrySet()) {
      Object dependsOn = map(service.getValue()).get("depends_on");
      if (dependsOn == null) {
        continue;
      }
      Collection<String> targets =
          dependsOn instanceof Map<?, ?> m
              ? m.keySet().stream().map(String::valueOf).toList()
              : ((List<?>) dependsOn).stream().map(String::valueOf).toList();
      assertThat(targets).as("depends_on of %s", service.getKey()).isSubsetOf(services.keySet());
      if (dependsOn instanceof Map<?, ?> conditions) {
        conditions.forEach(
            (target, condition) -> {
              if ("service_healthy".equals(map(condition).get("condition"))) {
                assertThat(map(services.get(String.valueOf(target))).get("healthcheck"))
                    .as(
                        "%s waits for %s to be healthy, so it needs a healthcheck",
                        service.getKey(), target)
                    .isNotNull();
              }
            });
      }
    }
    assertThat(map(services.get("flerpart")).get("depends_on"))
        .as("flerpart waits for its backing services")
        .isInstanceOf(Map.class);
    assertThat(map(map(services.get("flerpart")).get("depends_on")).keySet())
        .containsExactlyInAnyOrder("postgres", "camunda", "kafka", "mailpit");
  }

  @Test
  void everyFlerpartVariableBindsToAPropertyTheApplicationReads() throws IOException {
    Set<String> applicationKeys = applicationYamlKeys();
    assertThat(applicationKeys).contains("flerpart.kryptering.nyckel");

    Set<String> candidates = new TreeSet<>(STANDARD_PROPERTIES);
    candidates.addAll(applicationKeys);

    for (Map.Entry<String, String> variable : environment("flerpart").entrySet()) {
      // Spring's own relaxed binding from environment variables decides what a variable sets.
      Map<String, Object> onlyThis = Map.of(variable.getKey(), variable.getValue());
      Binder binder =
          new Binder(
              ConfigurationPropertySources.from(
                  new SystemEnvironmentPropertySource("compose", onlyThis)));
      List<String> bound =
          candidates.stream()
              .filter(p -> binder.bind(p, Bindable.of(String.class)).isBound())
              .toList();

      // Or application.yaml reads the variable by name, as a placeholder in a property's value.
      String placeholder = placeholders().get(variable.getKey());
      if (placeholder != null) {
        bound = List.of(placeholder);
      }
      assertThat(bound)
          .as("%s must set a property the application reads", variable.getKey())
          .isNotEmpty();
      for (String property : bound) {
        if (property.startsWith("flerpart.")) {
          assertThat(applicationKeys)
              .as("%s sets %s, which application.yaml must declare", variable.getKey(), property)
              .contains(property);
        } else {
          assertThat(property)
              .as("%s sets %s", variable.getKey(), property)
              .matches(
                  p -> STANDARD_PROPERTIES.contains(p) || applicationKeys.contains(p),
                  "a standard Spring Boot / Camunda property or one in application.yaml")
              .matches(
                  p -> p.startsWith("spring.") || p.startsWith("camunda.client."),
                  "under spring.* or camunda.client.*");
        }
      }
    }
  }

  @Test
  void standardPropertiesAreDocumentedByTheStarters() throws IOException {
    Set<String> documented = new LinkedHashSet<>();
    ObjectMapper json = new ObjectMapper();
    Enumeration<URL> metadata =
        getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
    while (metadata.hasMoreElements()) {
      try (InputStream in = metadata.nextElement().openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          documented.add(property.path("name").asText());
        }
      }
    }
    assertThat(documented).containsAll(STANDARD_PROPERTIES);
  }

  @Test
  void exampleEncryptionKeyIsAnAes256Key() throws IOException {
    String value = environment("flerpart").get("FLERPART_KRYPTERING_NYCKEL");
    Matcher interpolation =
        Pattern.compile("\\$\\{FLERPART_KRYPTERING_NYCKEL:-(.+)}").matcher(value);
    String example = interpolation.matches() ? interpolation.group(1) : value;

    assertThat(Base64.getDecoder().decode(example)).hasSize(32);
    assertThat(Files.readString(COMPOSE))
        .as("the compose file says the key is an example that production replaces")
        .containsIgnoringCase("example")
        .containsIgnoringCase("production");
  }

  @Test
  void dockerfileBuildsWithMavenAndRunsAsNonRootOnAJre() throws IOException {
    List<Stage> stages = dockerfileStages();
    assertThat(stages).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);

    Stage build = stage(stages, "build");
    assertThat(build.from()).startsWith("maven:").contains("temurin-21");
    assertThat(build.instructions())
        .as("the build stage runs the Maven wrapper's package")
        .anyMatch(
            ins -> ins[0].equals("RUN") && ins[1].contains("./mvnw") && ins[1].contains("package"))
        .as("the build stage extracts the jar, so that the JVM reads plain jar files")
        .anyMatch(
            ins ->
                ins[0].equals("RUN")
                    && ins[1].contains("-Djarmode=tools -jar /workspace/flerpart.jar extract")
                    && ins[1].contains("--destination /workspace/app"));

    Stage image = stages.get(stages.size() - 1);
    List<String[]> runtime = inherited(stages, image);
    assertThat(image(stages, image)).startsWith("eclipse-temurin:25-jre");
    assertThat(user(runtime)).as("the runtime user").isNotIn("root", "0");
    assertThat(runtime)
        .anyMatch(ins -> ins[0].equals("EXPOSE") && List.of(ins[1].split("\\s+")).contains("8080"))
        .anyMatch(ins -> ins[0].equals("COPY") && ins[1].equals("--from=build /workspace/app /app"))
        .anyMatch(ins -> ins[0].equals("HEALTHCHECK") && ins[1].contains("/actuator/health"));
    List<String> entrypoint =
        runtime.stream().filter(ins -> ins[0].equals("ENTRYPOINT")).map(ins -> ins[1]).toList();
    assertThat(entrypoint).as("one ENTRYPOINT").hasSize(1);
    assertThat(entrypoint.get(0))
        .isEqualTo(
            "[\"java\", \"-XX:AOTCache=/app/flerpart.aot\", \"-Xlog:aot*=error\", \"-jar\","
                + " \"/app/flerpart.jar\"]");
  }

  /**
   * The AOT cache the image starts with comes from a training run of the same jar files on the same
   * JRE: a stage built on the image's own base, running the extracted jar as the application user
   * until it is ready, whose cache file the image copies to the path its ENTRYPOINT names.
   */
  @Test
  void theImageStartsWithAnAotCacheTrainedOnItsOwnJarFiles() throws IOException {
    List<Stage> stages = dockerfileStages();
    Stage image = stages.get(stages.size() - 1);
    Stage aot = stage(stages, "aot");
    assertThat(aot.from())
        .as("the training run's stage and the image share their base (JRE and jar files)")
        .isEqualTo(image.from());
    List<String[]> training = inherited(stages, aot);
    assertThat(user(training)).as("the training run's user").isNotIn("root", "0");
    assertThat(aot.instructions())
        .anyMatch(
            ins ->
                ins[0].equals("RUN")
                    && ins[1].contains("java -XX:AOTCacheOutput=/tmp/aot/flerpart.aot")
                    && ins[1].contains("-jar /app/flerpart.jar")
                    && ins[1].contains("--flerpart.avsluta-nar-redo=true"));
    assertThat(image.instructions())
        .anyMatch(
            ins ->
                ins[0].equals("COPY")
                    && ins[1].equals("--from=aot /tmp/aot/flerpart.aot /app/flerpart.aot"));
    assertThat(training)
        .as("the training run has the image's JVM options")
        .filteredOn(ins -> ins[0].equals("ENV") && ins[1].startsWith("JAVA_TOOL_OPTIONS"))
        .hasSize(1);
    assertThat(inherited(stages, image))
        .filteredOn(ins -> ins[0].equals("ENV") && ins[1].startsWith("JAVA_TOOL_OPTIONS"))
        .as("no other JVM options in the image than in the training run")
        .hasSize(1);
  }

  /** A stage: its FROM (image or stage name), its name, and its instructions after the FROM. */
  private record Stage(String from, String name, List<String[]> instructions) {}

  private static List<Stage> dockerfileStages() throws IOException {
    List<Stage> stages = new ArrayList<>();
    for (String[] ins : dockerfileInstructions()) {
      if (ins[0].equals("FROM")) {
        String[] parts = ins[1].split("\\s+");
        String name =
            parts.length == 3 && parts[1].equalsIgnoreCase("as")
                ? parts[2].toLowerCase(Locale.ROOT)
                : null;
        stages.add(new Stage(parts[0], name, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(ins);
      }
    }
    return stages;
  }

  private static Stage stage(List<Stage> stages, String name) {
    return stages.stream()
        .filter(s -> name.equals(s.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no FROM ... AS " + name + " stage"));
  }

  /** The image a stage is built on, through the stages it is built from. */
  private static String image(List<Stage> stages, Stage stage) {
    String from = stage.from();
    while (true) {
      String base = from;
      if (stages.stream().noneMatch(s -> base.equals(s.name()))) {
        return base;
      }
      from = stage(stages, base).from();
    }
  }

  /** A stage's instructions after those of the stages it is built from. */
  private static List<String[]> inherited(List<Stage> stages, Stage stage) {
    List<String[]> all = new ArrayList<>();
    if (stages.stream().anyMatch(s -> stage.from().equals(s.name()))) {
      all.addAll(inherited(stages, stage(stages, stage.from())));
    }
    all.addAll(stage.instructions());
    return all;
  }

  private static String user(List<String[]> instructions) {
    List<String> users =
        instructions.stream().filter(ins -> ins[0].equals("USER")).map(ins -> ins[1]).toList();
    assertThat(users).as("a USER is set").isNotEmpty();
    return users.get(users.size() - 1).split(":")[0];
  }

  // ---- helpers ----

  private static Map<String, Object> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    assertThat(compose).as("docker/compose.yaml parses").containsKey("services");
    return map(compose.get("services"));
  }

  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = services();
    assertThat(services).containsKey(name);
    return map(services.get(name));
  }

  private static String image(String service) throws IOException {
    return String.valueOf(service(service).get("image"));
  }

  private static List<String> ports(String service) throws IOException {
    return strings(service(service).get("ports"));
  }

  private static List<String> volumes(String service) throws IOException {
    return strings(service(service).get("volumes"));
  }

  /** A service's environment, in either of compose's forms (map or list of NAME=value). */
  private static Map<String, String> environment(String service) throws IOException {
    Object environment = service(service).get("environment");
    Map<String, String> env = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (environment instanceof List<?> l) {
      for (Object entry : l) {
        String[] parts = String.valueOf(entry).split("=", 2);
        env.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return env;
  }

  /** Every key in application.yaml (all documents), flattened to dotted canonical names. */
  private static Set<String> applicationYamlKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Object document : new Yaml().loadAll(Files.readString(APPLICATION_YAML))) {
      if (document instanceof Map<?, ?> m) {
        flatten("", m, keys);
      }
    }
    return keys;
  }

  /** Variables application.yaml reads as {@code ${VARIABLE:default}} → the property set so. */
  private static Map<String, String> placeholders() throws IOException {
    Map<String, String> placeholders = new java.util.HashMap<>();
    for (Object document : new Yaml().loadAll(Files.readString(APPLICATION_YAML))) {
      if (document instanceof Map<?, ?> m) {
        placeholders("", m, placeholders);
      }
    }
    return placeholders;
  }

  private static void placeholders(String prefix, Map<?, ?> map, Map<String, String> found) {
    map.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
          if (v instanceof Map<?, ?> child) {
            placeholders(key, child, found);
          } else {
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]").matcher(String.valueOf(v));
            while (m.find()) {
              found.put(m.group(1), ConfigurationPropertyName.adapt(key, '.').toString());
            }
          }
        });
  }

  private static void flatten(String prefix, Map<?, ?> map, Set<String> keys) {
    map.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
          if (v instanceof Map<?, ?> child) {
            flatten(key, child, keys);
          } else {
            keys.add(ConfigurationPropertyName.adapt(key, '.').toString());
          }
        });
  }

  /** Dockerfile instructions as [KEYWORD, arguments], continuation lines joined. */
  private static List<String[]> dockerfileInstructions() throws IOException {
    List<String[]> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String[] parts = current.toString().strip().split("\\s+", 2);
      instructions.add(
          new String[] {parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""});
      current.setLength(0);
    }
    return instructions;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
