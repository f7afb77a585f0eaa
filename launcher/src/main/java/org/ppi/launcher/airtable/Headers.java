package org.ppi.launcher.airtable;

import java.text.Normalizer;
import java.util.Locale;

/** Column and table names compared as a person reads them: without case, accents or surrounding spaces. */
final class Headers {
    private Headers() {
    }

    static String normalized(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
