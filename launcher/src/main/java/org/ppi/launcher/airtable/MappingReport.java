package org.ppi.launcher.airtable;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import could not map, found before anything is sent: each finding names the file, the line and the
 * column, in Spanish and English. An {@link Severity#ERROR} loses data (a row that cannot be imported); a
 * {@link Severity#WARNING} keeps the row but not one of its values, or says what the import assumed.
 */
public final class MappingReport {

    public enum Severity { ERROR, WARNING }

    public record Finding(Severity severity, String file, int line, String column, String spanish, String english) {
        public String shown() {
            String where = file + (line > 0 ? ", fila " + line : "") + (column == null ? "" : ", columna «" + column + "»");
            return (severity == Severity.ERROR ? "ERROR " : "AVISO ") + where + ": " + spanish + " / " + english;
        }
    }

    private final List<Finding> findings = new ArrayList<>();

    void error(String file, int line, String column, String spanish, String english) {
        findings.add(new Finding(Severity.ERROR, file, line, column, spanish, english));
    }

    void warning(String file, int line, String column, String spanish, String english) {
        findings.add(new Finding(Severity.WARNING, file, line, column, spanish, english));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }
}
