package se.flerpart.handelse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A message from {@code flerpart.aktualiseringar}, whichever of the three accepted forms it came
 * in: a CloudEvent in structured mode ({@code content-type: application/cloudevents+json}), a
 * CloudEvent in binary mode ({@code ce_*} headers, the data as the value), or plain JSON with an
 * {@code id} (and optionally a {@code source}) beside the fields of the aktualisering.
 *
 * @param id the CloudEvent {@code id} or the plain message's {@code id}
 * @param kalla the CloudEvent {@code source}; for plain JSON its {@code source} field or ""
 * @param data the aktualisering's fields
 */
record InkommandeMeddelande(String id, String kalla, JsonNode data) {

  static InkommandeMeddelande las(ConsumerRecord<String, byte[]> post, ObjectMapper json) {
    byte[] varde = post.value();
    if (varde == null || varde.length == 0) {
      throw new AvvisatMeddelande(null, "Meddelandet är tomt");
    }
    if (header(post, "ce_specversion") != null || arStrukturerad(header(post, "content-type"))) {
      return franCloudEvent(post, () -> KafkaMessageFactory.createReader(post).toEvent(), json);
    }
    JsonNode rot = tolka(varde, json, null, "Meddelandet är inte giltig JSON");
    if (rot.has("specversion")) {
      // A structured CloudEvent whose producer left out the content-type header.
      EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
      return franCloudEvent(post, () -> format.deserialize(varde), json);
    }
    String id = text(rot, "id");
    if (id == null) {
      throw new AvvisatMeddelande(
          null, "Meddelandet saknar id (CloudEvent-attributet id eller fältet id i JSON)");
    }
    String kalla = text(rot, "source");
    return new InkommandeMeddelande(id, kalla == null ? "" : kalla, rot);
  }

  private interface Lasning {
    CloudEvent las();
  }

  private static InkommandeMeddelande franCloudEvent(
      ConsumerRecord<String, byte[]> post, Lasning lasning, ObjectMapper json) {
    CloudEvent event;
    try {
      event = lasning.las();
    } catch (RuntimeException e) {
      // The SDK's messages may quote the message; only what kind of error it was is kept.
      String id = header(post, "ce_id");
      throw new AvvisatMeddelande(
          id,
          "Ogiltig CloudEvent: obligatoriska attribut (specversion, id, source, type) saknas"
              + " eller meddelandet är inte giltig JSON");
    }
    String id = event.getId();
    String typ = event.getDataContentType();
    if (typ != null && !arJson(typ)) {
      throw new AvvisatMeddelande(id, "Data ska vara JSON (datacontenttype application/json)");
    }
    if (event.getData() == null) {
      throw new AvvisatMeddelande(id, "CloudEventet saknar data");
    }
    JsonNode data = tolka(event.getData().toBytes(), json, id, "Data är inte giltig JSON");
    return new InkommandeMeddelande(id, event.getSource().toString(), data);
  }

  private static JsonNode tolka(byte[] bytes, ObjectMapper json, String id, String fel) {
    JsonNode rot;
    try {
      rot = json.readTree(bytes);
    } catch (IOException e) {
      throw new AvvisatMeddelande(id, fel);
    }
    if (rot == null || !rot.isObject()) {
      throw new AvvisatMeddelande(id, "Data ska vara ett JSON-objekt med aktualiseringens fält");
    }
    return rot;
  }

  private static boolean arStrukturerad(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
  }

  private static boolean arJson(String contentType) {
    String typ = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return typ.equals("application/json") || typ.endsWith("+json") || typ.equals("text/json");
  }

  private static String text(JsonNode rot, String falt) {
    JsonNode v = rot.get(falt);
    return v == null || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
  }

  private static String header(ConsumerRecord<?, ?> post, String namn) {
    Header h = post.headers().lastHeader(namn);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
