package se.flerpart.uppgift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The weak {@code ETag} of a task list answer: the tasks as the API shows them, without the
 * person's name, and the total. The API and the task list page compute it the same way, so that the
 * page can wait for the list it shows to change.
 */
final class UppgiftEtag {

  private UppgiftEtag() {}

  static String av(ObjectMapper json, UppgiftRepository.Sida svar) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Long.toString(svar.totalt()).getBytes(StandardCharsets.UTF_8));
      sha.update(
          json.writeValueAsBytes(
              svar.uppgifter().stream().map(UppgiftApiController.UppgiftDto::av).toList()));
      return "W/\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Listans ETag kunde inte räknas fram", e);
    }
  }
}
