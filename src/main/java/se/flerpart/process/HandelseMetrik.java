package se.flerpart.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The domain events not yet handled by every listener (the event publication registry's backlog:
 * process starts, messages to the engine, Kafka, mail), for {@code /actuator/prometheus}.
 */
@Component
class HandelseMetrik {

  HandelseMetrik(MeterRegistry registry, JdbcClient jdbc) {
    Gauge.builder(
            "flerpart.handelser.ej.utgivna",
            () ->
                jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single())
        .description("Domänhändelser som någon lyssnare ännu inte har tagit emot")
        .register(registry);
  }
}
