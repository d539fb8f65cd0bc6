package se.flerpart.statistik;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import se.flerpart.web.ValideringsFel;

/**
 * A file of imported history as rows of text: a UTF-8 CSV separated by commas (quotes as in RFC
 * 4180, an optional BOM), or the first sheet of an .xlsx workbook. The first row names the columns.
 * Excel's own dates and numbers are turned into the text the CSV would have had.
 */
final class Importfil {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The largest file taken. */
  static final int MAX_BYTE = 10 * 1024 * 1024;

  static final String FEL_FORMAT =
      "Filen ska vara en CSV-fil (UTF-8, kommaseparerad) eller en Excelfil (.xlsx).";

  /** One line of the file: its number as a spreadsheet shows it (the header is line 1). */
  record Rad(int nummer, List<String> varden) {}

  /** The header and the rows below it; empty rows are left out. */
  record Innehall(List<String> kolumner, List<Rad> rader) {}

  private Importfil() {}

  /** The format of a file from its declared type and name; null when it is neither CSV nor xlsx. */
  static String format(String innehallstyp, String filnamn) {
    String typ =
        innehallstyp == null ? "" : innehallstyp.split(";")[0].strip().toLowerCase(Locale.ROOT);
    String namn = filnamn == null ? "" : filnamn.toLowerCase(Locale.ROOT);
    if (typ.equals(XLSX) || namn.endsWith(".xlsx")) {
      return XLSX;
    }
    if (typ.equals(CSV) || typ.equals("application/csv") || namn.endsWith(".csv")) {
      return CSV;
    }
    return null;
  }

  static Innehall las(byte[] fil, String format) {
    if (fil.length == 0) {
      throw new ValideringsFel("fil", "Filen är tom.");
    }
    if (fil.length > MAX_BYTE) {
      throw new ValideringsFel("fil", "Filen är större än 10 MB. Dela upp den i flera filer.");
    }
    List<List<String>> rader = XLSX.equals(format) ? excel(fil) : csv(fil);
    List<Rad> ut = new ArrayList<>();
    for (int i = 1; i < rader.size(); i++) {
      List<String> v = rader.get(i);
      if (v.stream().anyMatch(s -> !s.isBlank())) {
        ut.add(new Rad(i + 1, v));
      }
    }
    if (rader.isEmpty() || rader.get(0).stream().allMatch(String::isBlank)) {
      throw new ValideringsFel("fil", "Filen saknar rubrikrad med kolumnernas namn.");
    }
    return new Innehall(rader.get(0).stream().map(String::strip).toList(), ut);
  }

  private static List<List<String>> csv(byte[] fil) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(fil))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ValideringsFel("fil", "Filen är inte text i UTF-8. " + FEL_FORMAT);
    }
    if (text.indexOf('\0') >= 0 || ReadableWorkbook.isOOXMLZipHeader(fil)) {
      throw new ValideringsFel("fil", FEL_FORMAT);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rader = new ArrayList<>();
    List<String> rad = new ArrayList<>();
    StringBuilder falt = new StringBuilder();
    boolean citat = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (citat) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          falt.append('"');
          i++;
        } else if (c == '"') {
          citat = false;
        } else {
          falt.append(c);
        }
      } else if (c == '"') {
        citat = true;
      } else if (c == ',') {
        rad.add(falt.toString());
        falt.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        rad.add(falt.toString());
        falt.setLength(0);
        rader.add(rad);
        rad = new ArrayList<>();
      } else {
        falt.append(c);
      }
    }
    if (citat) {
      throw new ValideringsFel(
          "fil", "Ett citattecken stängs aldrig (rad " + (rader.size() + 1) + " eller senare).");
    }
    if (falt.length() > 0 || !rad.isEmpty()) {
      rad.add(falt.toString());
      rader.add(rad);
    }
    return rader;
  }

  private static List<List<String>> excel(byte[] fil) {
    if (!ReadableWorkbook.isOOXMLZipHeader(fil)) {
      throw new ValideringsFel("fil", FEL_FORMAT);
    }
    List<List<String>> rader = new ArrayList<>();
    try (ReadableWorkbook bok =
            new ReadableWorkbook(new ByteArrayInputStream(fil), new ReadingOptions(true, false));
        Stream<Row> ark = bok.getFirstSheet().openStream()) {
      ark.forEach(
          r -> {
            while (rader.size() < r.getRowNum() - 1) {
              rader.add(List.of());
            }
            List<String> v = new ArrayList<>();
            for (int c = 0; c < r.getCellCount(); c++) {
              v.add(text(r.getCell(c)));
            }
            rader.add(v);
          });
    } catch (IOException | RuntimeException e) {
      throw new ValideringsFel("fil", "Excelfilen kunde inte läsas. " + FEL_FORMAT);
    }
    return rader;
  }

  /** A cell as the CSV would have it: a date as ÅÅÅÅ-MM-DD, a whole number without decimals. */
  private static String text(Cell c) {
    if (c == null || c.getType() == CellType.EMPTY) {
      return "";
    }
    if (c.getType() == CellType.NUMBER) {
      String format = c.getDataFormatString();
      Integer formatId = c.getDataFormatId();
      boolean arDatum =
          (format != null && format.toLowerCase(Locale.ROOT).matches(".*[yd].*"))
              || (formatId != null && formatId >= 14 && formatId <= 22);
      if (arDatum) {
        LocalDateTime datum = c.asDate();
        return datum.format(DateTimeFormatter.ISO_LOCAL_DATE);
      }
      return c.asNumber().stripTrailingZeros().toPlainString();
    }
    if (c.getType() == CellType.BOOLEAN) {
      return String.valueOf(c.asBoolean());
    }
    return c.getText() == null ? "" : c.getText();
  }
}
