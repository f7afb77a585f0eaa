package org.ppi.launcher.airtable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an exported file whatever encoding it was saved in: Airtable writes UTF-8 (with a byte-order mark),
 * a spreadsheet re-saved on Windows often Windows-1252. Bytes that are valid UTF-8 are read as UTF-8 (a mark is
 * dropped); any other bytes as Windows-1252, where every byte is a character, so nothing is lost or replaced.
 */
final class ExportText {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ExportText() {
    }

    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
        }
    }
}
