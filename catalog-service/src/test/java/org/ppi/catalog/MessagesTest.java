package org.ppi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every code the service can answer with has a Spanish and an English message. */
class MessagesTest {
    private static final Pattern REJECTION = Pattern.compile("DomainRejection\\.\\w+\\(\\s*\"([a-z.-]+)\"");

    @Test
    void bothLanguagesHaveTheSameCodes() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .isEqualTo(load("messages_es.properties").stringPropertyNames());
    }

    @Test
    void everyCodeInTheSourceHasAMessageInBothLanguages() throws IOException {
        Set<String> codes = codesInSource();
        assertThat(codes).contains("product.core-intermediate", "center.closed");
        for (String language : new String[] {"es", "en"}) {
            Properties known = load("messages_" + language + ".properties");
            known.putAll(load("platform-messages_" + language + ".properties"));
            assertThat(known.stringPropertyNames()).as(language).containsAll(codes);
        }
    }

    @Test
    void englishApostrophesAreDoubledForMessageFormat() throws IOException {
        Properties en = load("messages_en.properties");
        for (String code : en.stringPropertyNames()) {
            String text = en.getProperty(code);
            assertThat(text.replace("''", "")).as(code).doesNotContain("'");
            assertThat(new MessageFormat(text).format(new Object[] {"x", "y"})).as(code).isNotBlank();
        }
    }

    private static Set<String> codesInSource() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REJECTION.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
