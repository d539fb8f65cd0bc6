package se.flerpart.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's services as processes of their own (README, "Running the services as
 * processes of their own"), started from the packaged jar through Spring Boot's {@code
 * PropertiesLauncher} with {@code se.flerpart.embedded.Tjanster} as the main class, and the
 * ordinary settings that point a Flerpart instance at them. Used by the start benchmark and the
 * crash test.
 */
public final class EgnaTjanster {

  /** The superuser's password of the PostgreSQL service, from its environment. */
  public static final String LOSENORD_VARIABEL = "FLERPART_POSTGRES_LOSENORD";

  private EgnaTjanster() {}

  /**
   * The process of service {@code namn} ({@code motor}, {@code postgres}, {@code kafka}, {@code
   * smtp}) with the launcher's arguments {@code args}; it logs "{@code <namn> redo}" once it
   * serves.
   */
  public static ProcessBuilder tjanst(
      String java, Path jar, Path tmp, String losenord, String namn, String... args) {
    List<String> kommando =
        new ArrayList<>(
            List.of(
                java,
                // The in-memory engine keeps its whole log in memory: 1.7 GB resident at most
                // after the 7 300 cases of a crash test. Its checks read it one record at a time.
                namn.equals("motor") ? "-Xmx4g" : "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                jar.toString(),
                "-Dloader.main=se.flerpart.embedded.Tjanster",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                namn));
    kommando.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(kommando).redirectErrorStream(true);
    pb.environment().put(LOSENORD_VARIABEL, losenord);
    return pb;
  }

  /**
   * Points an instance's environment at the services: the engine's gRPC port {@code motor},
   * PostgreSQL on {@code postgres} with the password {@code losenord}, Kafka on {@code kafka}, SMTP
   * on {@code smtp}; the demo profile, so that the demo users log in.
   */
  public static void pekaPa(
      Map<String, String> env, int motor, int postgres, String losenord, int kafka, int smtp) {
    env.put("CAMUNDA_CLIENT_GRPC_ADDRESS", "http://localhost:" + motor);
    // Not served by the in-memory engine; Flerpart talks gRPC to it.
    env.put("CAMUNDA_CLIENT_REST_ADDRESS", "http://localhost:" + (motor + 9));
    env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres + "/postgres");
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", losenord);
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafka);
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(smtp));
    env.put("SPRING_PROFILES_ACTIVE", "demo");
  }
}
